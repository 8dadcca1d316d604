from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.directory import Directory
from bot.models import RawCell, Snapshot, build_snapshot
from bot.sheets import LocalWorkbook, load_seed, seed_workbook

# A day inside the seed's absence window (Lotus van Nes is back on 30 May 2026).
BEFORE_RETURN = date(2026, 5, 1)
AFTER_RETURN = date(2026, 6, 1)


@pytest.fixture(scope="session")
def seed() -> dict[str, list[list[RawCell]]]:
    return load_seed()


@pytest.fixture(scope="session")
def snapshot(seed: dict[str, list[list[RawCell]]]) -> Snapshot:
    return build_snapshot(seed)


@pytest.fixture(scope="session")
def directory(snapshot: Snapshot) -> Directory:
    return Directory.of(snapshot)


@pytest.fixture
def workbook(tmp_path: Path) -> LocalWorkbook:
    book = LocalWorkbook(tmp_path / "werkboek.xlsx")
    seed_workbook(book)
    return book


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user: workbook path in a temp dir, no .env, no real home directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    workbook = tmp_path / "data" / "werkboek.xlsx"
    monkeypatch.setenv("G40_WORKBOOK", str(workbook))
    return workbook
