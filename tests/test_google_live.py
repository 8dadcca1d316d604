"""Opt-in smoke test against a real, throwaway Google spreadsheet (it is overwritten!).

Set G40_LIVE_SPREADSHEET_ID and the service-account key (G40_LIVE_GOOGLE_CREDENTIALS with the
JSON, or GOOGLE_APPLICATION_CREDENTIALS with its path), share the spreadsheet with the key's
client_email as Editor, then run: .venv/bin/pytest tests/test_google_live.py
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from bot.models import TAB_MODELS, build_snapshot
from bot.sheets import GoogleWorkbook, SheetWriter, seed_workbook, service_account_credentials

SPREADSHEET_ID = os.environ.get("G40_LIVE_SPREADSHEET_ID", "")
KEY_JSON = os.environ.get("G40_LIVE_GOOGLE_CREDENTIALS") or None
KEY_FILE = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS") or None

pytestmark = pytest.mark.skipif(
    not SPREADSHEET_ID or not (KEY_JSON or KEY_FILE),
    reason="live Google Sheets test: set G40_LIVE_SPREADSHEET_ID and G40_LIVE_GOOGLE_CREDENTIALS "
    "(or GOOGLE_APPLICATION_CREDENTIALS) to a throwaway spreadsheet to run it",
)


def test_init_read_write_against_a_real_spreadsheet() -> None:
    credentials = service_account_credentials(
        key_json=KEY_JSON, key_file=Path(KEY_FILE) if KEY_FILE else None
    )
    workbook = GoogleWorkbook.from_service_account(SPREADSHEET_ID, credentials)
    assert seed_workbook(workbook, force=True) == [model.tab for model in TAB_MODELS]
    snapshot = build_snapshot(workbook.read())
    assert snapshot.problems == () and "voorzitter" in snapshot.roles

    submission_id = f"live-{uuid.uuid4().hex[:8]}"
    row = {"inzending_id": submission_id, "functie": "voorzitter", "naam": "Live Test"}
    writer = SheetWriter(workbook)
    assert writer.append_candidacy({**row, "motivatie": "=1+1"}) is True
    assert writer.append_candidacy(row) is False
    assert writer.update_status(submission_id, "ingetrokken") is True
    [stored] = [
        c for c in build_snapshot(workbook.read()).candidacies if c.submission_id == submission_id
    ]
    assert stored.motivation == "'=1+1" and stored.status == "ingetrokken"
