"""The local workbook: created from the seed, read back faithfully, followed when staff edit it,
and never taking the bot down when it is broken."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from bot.cli import main
from bot.handlers.ask import AskHandler
from bot.models import TAB_MODELS, build_snapshot
from bot.reply import render_text
from bot.sheets import (
    LocalWorkbook,
    SnapshotSource,
    WorkbookError,
    load_seed,
    open_local_workbook,
)
from tests.sheet_checks import assert_warns_that_the_new_tabs_are_missing

DAY = date(2026, 6, 1)


def set_cell(book: LocalWorkbook, tab: str, key: str, column: str, value: object) -> None:
    """Edit one cell as staff would in Excel, and save (the file's mtime changes)."""
    wb = load_workbook(book.path)
    sheet = wb[tab]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == key)
    row[header.index(column)].value = value
    wb.save(book.path)
    bump_mtime(book.path)


def bump_mtime(path: Path) -> None:
    # Two saves within the filesystem's timestamp resolution must still look like a change.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_created_from_the_seed_on_first_use(tmp_path: Path) -> None:
    book, created = open_local_workbook(tmp_path / "nieuw" / "werkboek.xlsx")
    assert created and book.exists()
    assert open_local_workbook(book.path)[1] is False
    snapshot = build_snapshot(book.read())
    assert snapshot.problems == ()
    assert len(snapshot.roles) == 20 and len(snapshot.people) == 6


def test_every_tab_has_a_frozen_bold_header_and_text_cells(workbook: LocalWorkbook) -> None:
    wb = load_workbook(workbook.path)
    assert wb.sheetnames == [model.tab for model in TAB_MODELS]
    people = wb["Personen"]
    assert people.freeze_panes == "A2"
    assert people["A1"].font.bold
    assert people["E2"].number_format == "@"  # telefoon: text, so a leading 0 survives
    planning = wb["Planning"]
    start = next(r for r in planning.iter_rows(min_row=2) if r[0].value == "netwerkdagen")[6]
    assert isinstance(start.value, datetime) and start.number_format == "dd-mm-yyyy"


def test_a_staff_edit_changes_the_next_answer_without_restart(workbook: LocalWorkbook) -> None:
    handler = AskHandler(SnapshotSource(workbook))
    before = render_text(handler.ask("wie is de voorzitter?", today=DAY))
    assert "Voorzitter: nog niet in het overzicht" in before

    set_cell(workbook, "Functies", "voorzitter", "houder", "gerdien-looman")

    after = render_text(handler.ask("wie is de voorzitter?", today=DAY))
    assert "Voorzitter: Gerdien Looman, g.looman@enschede.nl" in after


def test_the_snapshot_is_not_reread_when_nothing_changed(workbook: LocalWorkbook) -> None:
    source = SnapshotSource(workbook)
    first = source.current()
    assert source.current() is first


@pytest.mark.parametrize(
    "cell", [datetime(2026, 9, 17), "17-09-2026", "2026-09-17", "17/9/2026", "17 september 2026"]
)
def test_dates_as_date_cells_or_text(workbook: LocalWorkbook, cell: object) -> None:
    set_cell(workbook, "Planning", "netwerkdagen", "start", cell)
    set_cell(workbook, "Planning", "netwerkdagen", "eind", "18-09-2026")
    handler = AskHandler(SnapshotSource(workbook))
    answer = render_text(handler.ask("wanneer zijn de netwerkdagen?", today=DAY))
    assert "donderdag 17 en vrijdag 18 september 2026" in answer


def test_a_phone_number_typed_as_text_stays_text(workbook: LocalWorkbook) -> None:
    set_cell(workbook, "Personen", "marc-jaarsma", "telefoon", "0612345678")
    snapshot = SnapshotSource(workbook).current()
    assert snapshot.people["marc-jaarsma"].phone == "0612345678"
    assert snapshot.problems == ()


def test_a_missing_tab_is_reported_and_the_bot_still_answers(workbook: LocalWorkbook) -> None:
    wb = load_workbook(workbook.path)
    del wb["Portefeuilles"]
    wb.save(workbook.path)
    source = SnapshotSource(workbook)
    problems = [p.describe() for p in source.current().problems]
    assert problems == [
        "FOUT Portefeuilles: tabblad 'Portefeuilles' ontbreekt. Maak een tabblad 'Portefeuilles' "
        "met de kolommen uit docs/sheet.md (of draai 'g40bot init-sheet')."
    ]
    answer = render_text(AskHandler(source).ask("wat doet de voorzitter?", today=DAY))
    assert "woordvoerder van de G40" in answer


def test_an_unreadable_workbook_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"dit is geen werkmap")
    with pytest.raises(WorkbookError, match=r"Werkboek onleesbaar: .*kapot\.xlsx.*\.xlsx"):
        SnapshotSource(LocalWorkbook(path)).current()


def test_a_workbook_broken_later_keeps_the_last_good_snapshot(workbook: LocalWorkbook) -> None:
    source = SnapshotSource(workbook)
    handler = AskHandler(source)
    assert "Gerdien Looman" in render_text(handler.ask("wie heeft Europa?", today=DAY))
    workbook.path.write_bytes(b"half geschreven")
    bump_mtime(workbook.path)
    assert "Gerdien Looman" in render_text(handler.ask("wie heeft Europa?", today=DAY))
    assert source.last_error is not None and "onleesbaar" in str(source.last_error)


def test_a_workbook_that_cannot_be_created_says_where_and_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(WorkbookError, match=r"Kan het werkboek niet aanmaken op .*G40_WORKBOOK"):
        open_local_workbook(blocker / "werkboek.xlsx")


def test_new_problems_are_notified_once_per_new_set(workbook: LocalWorkbook) -> None:
    notices: list[int] = []
    source = SnapshotSource(workbook, on_new_problems=lambda s: notices.append(len(s.errors)))
    source.current()
    set_cell(workbook, "Functies", "voorzitter", "gekozen", "misschien")
    source.current()
    source.reload()
    source.reload()
    assert notices == [1]
    set_cell(workbook, "Functies", "voorzitter", "db_lid", "soms")
    source.current()
    assert notices == [1, 2]


def test_a_workbook_from_before_the_new_tabs_gets_just_those_tabs(
    workbook: LocalWorkbook, isolated_env: Path
) -> None:
    """An existing deployment: no Organen tab, an empty Kennis tab staff made by hand, staff
    edits elsewhere. check-sheet warns and names the fix; init-sheet adds the two tabs only."""
    wb = load_workbook(workbook.path)
    del wb["Organen"]
    del wb["Kennis"]
    wb.create_sheet("Kennis")
    wb["Personen"]["B2"] = "Door staf gewijzigd"
    wb.save(workbook.path)
    runner = CliRunner()
    command = ["--workbook", str(workbook.path)]

    checked = runner.invoke(main, [*command, "check-sheet"])
    assert checked.exit_code == 0, checked.output
    assert_warns_that_the_new_tabs_are_missing(checked.output)
    answer = render_text(AskHandler(SnapshotSource(workbook)).ask("wie heeft Europa?", today=DAY))
    assert "g.looman@enschede.nl" in answer

    added = runner.invoke(main, [*command, "init-sheet"])
    assert added.exit_code == 0, added.output
    assert "Organen, Kennis" in added.output and "niet aangeraakt" in added.output
    wb = load_workbook(workbook.path)
    assert wb["Personen"]["B2"].value == "Door staf gewijzigd"
    seed = load_seed()
    tabs = workbook.read()
    for title in ("Organen", "Kennis"):
        assert tabs[title] == seed[title]
        assert wb[title].freeze_panes == "A2" and wb[title]["A1"].font.bold

    again = runner.invoke(main, [*command, "check-sheet"])
    assert again.exit_code == 0 and "Geen problemen gevonden" in again.output
    snapshot = SnapshotSource(workbook).current()
    assert len(snapshot.bodies) == len(seed["Organen"]) - 1
    assert len(snapshot.facts) == len(seed["Kennis"]) - 1


def test_init_sheet_fills_a_new_workbook_whole(isolated_env: Path) -> None:
    result = CliRunner().invoke(main, ["init-sheet"])
    assert result.exit_code == 0, result.output
    assert ", ".join(model.tab for model in TAB_MODELS) in result.output
    assert "niet aangeraakt" not in result.output
    assert build_snapshot(LocalWorkbook(isolated_env).read()).problems == ()
