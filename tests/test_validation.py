"""Every kind of sheet problem staff can make, located by tab, row, column and cell, with a fix.
The bot never raises on sheet content: the bad row is skipped (or the bad reference dropped)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date

import pytest

from bot.directory import Directory
from bot.models import RawCell, Snapshot, build_snapshot
from bot.reply import render_text

Tabs = dict[str, list[list[RawCell]]]


def edit(seed: Tabs, tab: str, row: int, column: str, value: RawCell) -> Tabs:
    """The seed with one cell changed; `row` is the sheet row number (header is row 1)."""
    tabs = copy.deepcopy(seed)
    header = [str(cell) for cell in tabs[tab][0]]
    tabs[tab][row - 1][header.index(column)] = value
    return tabs


def row_of(seed: Tabs, tab: str, key: str) -> int:
    return next(number for number, row in enumerate(seed[tab], start=1) if row[0] == key)


def only_problem(snapshot: Snapshot) -> str:
    assert len(snapshot.problems) == 1, [p.describe() for p in snapshot.problems]
    return snapshot.problems[0].describe()


def test_the_seed_has_no_problems(snapshot: Snapshot) -> None:
    assert snapshot.problems == ()
    assert len(snapshot.roles) == 20
    assert len(snapshot.municipalities) == 41


CELL_CASES: list[tuple[str, str, str, RawCell, str, str]] = [
    # tab, row key, column, bad value, expected cell, words in the reason/fix
    ("Functies", "voorzitter", "gekozen", "misschien", "Functies!G2", "geen ja of nee"),
    ("Functies", "voorzitter", "db_lid", "", "Functies!H2", "deze cel is leeg"),
    ("Functies", "voorzitter", "orgaan", "bestuur", "Functies!D2", "Kies een van: DB, AOT"),
    ("Functies", "voorzitter", "titel", "", "Functies!B2", "verplichte cel"),
    ("Functies", "voorzitter", "pijler", "Cultuur", "Functies!E2", "geen pijler"),
    ("Functies", "voorzitter", "id", "Voor zitter!", "Functies!A2", "kleine letters"),
    (
        "Personen",
        "gerdien-looman",
        "email",
        "g.looman(at)enschede.nl",
        "Personen!D3",
        "geen e-mailadres",
    ),
    ("Personen", "lotus-van-nes", "terug_op", "30 mei", "Personen!I5", "geen datum"),
    (
        "Personen",
        "lotus-van-nes",
        "afwezig_vanaf",
        "2026-06-15",
        "Personen!",
        "terug_op ligt niet na",
    ),
    ("Planning", "netwerkdagen", "start", "10/13/2026", "Planning!G4", "geen datum"),
    ("Planning", "netwerkdagen", "eind", "2026-09-01", "Planning!", "eind ligt vóór start"),
    ("Planning", "netwerkdagen", "herinneringen", "een week", "Planning!I4", "geen herinnering"),
    ("Planning", "netwerkdagen", "tijd", "25:00", "Planning!K4", "geen tijd"),
    ("Portefeuilles", "europa", "soort", "werkgroep", "Portefeuilles!D5", "Kies een van"),
]


@pytest.mark.parametrize(("tab", "key", "column", "value", "cell", "reason"), CELL_CASES)
def test_a_bad_cell_is_located_and_its_row_skipped(
    seed: Tabs, tab: str, key: str, column: str, value: RawCell, cell: str, reason: str
) -> None:
    snapshot = build_snapshot(edit(seed, tab, row_of(seed, tab, key), column, value))
    # A renamed id also orphans the rows that point at it; the cell itself is reported first.
    described = snapshot.problems[0].describe()
    assert described.startswith("FOUT " + cell), described
    assert reason in described
    assert value == "" or f"'{value}'" in described or f"({column})" not in described
    rows = {"Functies": snapshot.roles, "Personen": snapshot.people, "Planning": snapshot.phases}
    assert key not in rows.get(tab, snapshot.portfolios)


REFERENCE_CASES: list[tuple[str, str, str, str, str, Callable[[Snapshot], bool]]] = [
    (
        "Functies",
        "voorzitter",
        "houder",
        "jan-jansen",
        "persoon 'jan-jansen' staat niet in Personen",
        lambda s: s.roles["voorzitter"].holder is None,
    ),
    (
        "Functies",
        "voorzitter",
        "vervangers",
        "eerste-vicevoorzitter, derde-vicevoorzitter",
        "functie 'derde-vicevoorzitter' staat niet in Functies",
        lambda s: s.roles["voorzitter"].deputies == ["eerste-vicevoorzitter"],
    ),
    (
        "Functies",
        "voorzitter",
        "ondersteund_door",
        "secretariaat",
        "functie 'secretariaat' staat niet in Functies",
        lambda s: s.roles["voorzitter"].supported_by == [],
    ),
    (
        "Functies",
        "voorzitter",
        "meer_info",
        "onbekend",
        "persoon 'onbekend' staat niet in Personen",
        lambda s: s.roles["voorzitter"].more_info is None,
    ),
    (
        "Personen",
        "lotus-van-nes",
        "vervanger",
        "iemand-anders",
        "vervanger 'iemand-anders' staat niet in Personen en is geen e-mailadres",
        lambda s: s.people["lotus-van-nes"].stand_in is None,
    ),
    (
        "Planning",
        "netwerkdagen",
        "contact",
        "niemand",
        "persoon 'niemand' staat niet in Personen",
        lambda s: s.phases["netwerkdagen"].contact is None,
    ),
    (
        "Portefeuilles",
        "europa",
        "functie",
        "derde-vicevoorzitter",
        "functie 'derde-vicevoorzitter' staat niet in Functies",
        lambda s: "europa" not in s.portfolios,
    ),
]


@pytest.mark.parametrize(("tab", "key", "column", "value", "reason", "kept"), REFERENCE_CASES)
def test_a_broken_reference_is_located(
    seed: Tabs,
    tab: str,
    key: str,
    column: str,
    value: str,
    reason: str,
    kept: Callable[[Snapshot], bool],
) -> None:
    snapshot = build_snapshot(edit(seed, tab, row_of(seed, tab, key), column, value))
    described = only_problem(snapshot)
    assert reason in described, described
    assert f"{tab}!" in described and f"({column})" in described
    assert kept(snapshot)


def test_a_duplicate_id_keeps_the_first_row(seed: Tabs) -> None:
    tabs = edit(seed, "Personen", row_of(seed, "Personen", "gerdien-looman"), "id", "marc-jaarsma")
    snapshot = build_snapshot(tabs)
    problems = [p.describe() for p in snapshot.errors]
    assert any("Personen!A3" in p and "dubbel: staat ook in rij 2" in p for p in problems), problems
    assert snapshot.people["marc-jaarsma"].name == "Marc Jaarsma"


def test_a_missing_tab_is_named_and_the_rest_still_answers(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    del tabs["Planning"]
    snapshot = build_snapshot(tabs)
    assert "tabblad 'Planning' ontbreekt" in only_problem(snapshot)
    answer = render_text(Directory.of(snapshot).answer("wie heeft Europa?", today=date(2026, 6, 1)))
    assert "Gerdien Looman" in answer
    planning = render_text(
        Directory.of(snapshot).answer("wanneer zijn de netwerkdagen?", today=date(2026, 6, 1))
    )
    assert "nog geen planning" in planning


def test_a_missing_required_column_is_named(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    tabs["Functies"][0][tabs["Functies"][0].index("gekozen")] = "verkozen"
    snapshot = build_snapshot(tabs)
    problems = [p.describe() for p in snapshot.problems]
    assert any("Functies!1:1 (gekozen)" in p and "kolom 'gekozen' ontbreekt" in p for p in problems)


def test_a_missing_optional_column_is_only_a_warning(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    header = tabs["Functies"][0]
    header[header.index("aliassen")] = "bijnamen"
    snapshot = build_snapshot(tabs)
    assert [p.severity for p in snapshot.problems] == ["waarschuwing"]
    assert len(snapshot.roles) == 20


def test_header_names_are_forgiving(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    tabs["Functies"][0] = [f" {str(c).upper().replace('_', ' ')} " for c in tabs["Functies"][0]]
    assert build_snapshot(tabs).problems == ()


def test_a_phone_number_stored_as_a_number_is_warned(seed: Tabs) -> None:
    tabs = edit(seed, "Personen", row_of(seed, "Personen", "marc-jaarsma"), "telefoon", 612345678)
    snapshot = build_snapshot(tabs)
    described = only_problem(snapshot)
    assert described.startswith("WAARSCHUWING Personen!E2")
    assert "0 vooraan" in described


def test_a_phone_number_as_text_keeps_its_leading_zero(seed: Tabs) -> None:
    tabs = edit(
        seed, "Personen", row_of(seed, "Personen", "marc-jaarsma"), "telefoon", "0612345678"
    )
    snapshot = build_snapshot(tabs)
    assert snapshot.people["marc-jaarsma"].phone == "0612345678"
    answer = render_text(
        Directory.of(snapshot).answer("wie is Marc Jaarsma", today=date(2026, 6, 1))
    )
    assert "0612345678" in answer


def test_a_staff_row_without_any_id_is_located(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    tabs["Beheerders"].append(["Iemand", "", "", ""])
    assert "Beheerders!" in only_problem(build_snapshot(tabs))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10-09-2026", date(2026, 9, 10)),
        ("10/9/2026", date(2026, 9, 10)),
        ("2026-09-10", date(2026, 9, 10)),
        ("10 september 2026", date(2026, 9, 10)),
        (46275, date(2026, 9, 10)),  # a Sheets serial day number
        (date(2026, 9, 10), date(2026, 9, 10)),
    ],
)
def test_dates_are_read_however_staff_type_them(seed: Tabs, cell: RawCell, expected: date) -> None:
    tabs = edit(seed, "Planning", row_of(seed, "Planning", "netwerkdagen"), "start", cell)
    snapshot = build_snapshot(tabs)
    assert snapshot.problems == ()
    assert snapshot.phases["netwerkdagen"].start == expected


def test_empty_rows_are_ignored(seed: Tabs) -> None:
    tabs = copy.deepcopy(seed)
    tabs["Functies"].insert(3, [""] * len(tabs["Functies"][0]))
    tabs["Functies"].append([None] * 3)
    assert build_snapshot(tabs).problems == ()
