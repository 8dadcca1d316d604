"""docs/sheet.md is the staff's manual of the sheet: every tab has its section, and every
column of the contract is explained there, so a column added to bot/models.py without a word
for staff fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.models import TAB_MODELS, Row

MANUAL = Path(__file__).resolve().parent.parent / "docs" / "sheet.md"


def sections() -> dict[str, str]:
    text = MANUAL.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize("model", TAB_MODELS, ids=[model.tab for model in TAB_MODELS])
def test_every_column_is_explained_in_its_tab_section(model: type[Row]) -> None:
    section = sections().get(model.tab)
    assert section is not None, f"docs/sheet.md has no section '## {model.tab}'"
    unexplained = [column for column in model.columns() if f"`{column}`" not in section]
    assert not unexplained, f"## {model.tab} in docs/sheet.md does not explain {unexplained}"
