"""The candidacy dialogue end to end through the installed `g40bot chat`, input piped in: a fresh
user directory, the seeded workbook, the SQLite store, no Slack settings at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.sheets import LocalWorkbook, load_seed
from tests.cli import g40bot as run

OPEN_DAY = "2026-06-05"


@pytest.fixture
def console_env(isolated_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for variable in [v for v in os.environ if v.startswith(("SLACK_", "G40_SPREADSHEET"))]:
        monkeypatch.delenv(variable)
    monkeypatch.setenv("G40_CONSOLE_USER", "jan.jansen")
    return isolated_env


def open_the_window(workbook: Path) -> None:
    planning = load_seed()["Planning"]
    header = [str(cell) for cell in planning[0]]
    for row in planning[1:]:
        if row[0] == "kandidaatstelling":
            row[header.index("start")], row[header.index("eind")] = "2026-06-01", "2026-06-14"
    LocalWorkbook(workbook).write_tabs({"Planning": planning})


def candidacy_rows(workbook: Path) -> list[dict[str, object]]:
    header, *rows = LocalWorkbook(workbook).read_tab("Kandidaturen")
    return [dict(zip([str(h) for h in header], row, strict=False)) for row in rows]


def chat(*lines: str, on: str = OPEN_DAY) -> str:
    result = run("chat", "--on", on, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def test_unknown_dates_refuse_and_name_the_contact(console_env: Path) -> None:
    out = chat("kandidaat", "stop")
    assert "de data van de kandidaatstelling zijn nog niet bekend" in out
    assert "Marc Jaarsma" in out and "Voor welke functie" not in out


def test_the_guided_dialogue_re_asks_bad_answers_and_writes_one_row(console_env: Path) -> None:
    run("check-sheet")  # creates the workbook from the seed
    open_the_window(console_env)

    out = chat(
        "kandidaat",
        "12",  # not a choice
        "Pijlervoorzitter Fysiek",
        "Anna de Vries",
        "anna@almere",  # no top-level domain
        "anna@almere.nl",
        "Amsterdam",  # not a member
        "3",  # Almere
        "2",  # wethouder
        "Te kort.",
        '=HYPERLINK("http://evil.example") ik wil de pijler Fysiek verder brengen',
        "misschien",
        "ja",
        "ja",
        "mijn kandidaturen",
    )

    assert "Typ een nummer van 1 tot en met 9, of 'stop'." in out
    assert "Tijdsbeslag:" in out  # the role's time commitment, shown before confirming
    assert "'anna@almere' is geen geldig e-mailadres" in out
    assert "'Amsterdam' is geen G40-gemeente" in out
    assert "Je motivatie is 8 tekens; schrijf er minstens 20." in out
    assert "Typ 'ja' of 'nee'." in out
    assert (
        "Controleer je kandidatuur:\nFunctie: Pijlervoorzitter Fysiek\nNaam: Anna de Vries" in out
    )
    assert (
        "Kandidatuur ontvangen\nJe kandidatuur staat in het overzicht van het secretariaat." in out
    )
    assert "Pijlervoorzitter Fysiek — ingediend op vrijdag 5 juni 2026" in out
    [row] = candidacy_rows(console_env)
    assert (row["functie"], row["naam"], row["gemeente"]) == (
        "pijlervoorzitter-fysiek",
        "Anna de Vries",
        "Almere",
    )
    assert (row["platform"], row["gebruiker_id"], row["status"]) == (
        "console",
        "jan.jansen",
        "ingediend",
    )
    assert str(row["motivatie"]).startswith("'=HYPERLINK(")


def test_stop_cancels_and_a_resubmission_replaces_after_confirmation(console_env: Path) -> None:
    run("check-sheet")
    open_the_window(console_env)
    first = ["kandidaat", "1", "Anna de Vries", "anna@almere.nl", "Almere", "2"]
    first += ["Ik wil de G40 als voorzitter verbinden.", "ja", "ja"]
    chat(*first)

    cancelled = chat("kandidaat", "1", "stop", "mijn kandidaturen")
    assert "Geannuleerd; er is niets ingediend." in cancelled
    replaced = chat(
        "kandidaat",
        "voorzitter",
        "Anna de Vries",
        "anna@almere.nl",
        "Almere",
        "burgemeester",
        "Inmiddels burgemeester en nog steeds gemotiveerd.",
        "ja",
        "ja",
        "ja",
    )

    assert "Je hebt al een kandidatuur voor Voorzitter (ingediend vrijdag 5 juni 2026" in replaced
    assert "Deze kandidatuur vervangt je eerdere" in replaced
    assert [(r["status"], r["huidige_functie"]) for r in candidacy_rows(console_env)] == [
        ("vervangen", "wethouder"),
        ("ingediend", "burgemeester"),
    ]


def test_withdrawal_before_the_deadline_but_not_after(console_env: Path) -> None:
    run("check-sheet")
    open_the_window(console_env)
    chat(
        "kandidaat",
        "2",
        "Anna de Vries",
        "anna@almere.nl",
        "3",
        "2",
        "Ik wil de G40 als eerste vicevoorzitter dienen.",
        "ja",
        "ja",
    )
    chat(
        "kandidaat",
        "3",
        "Anna de Vries",
        "anna@almere.nl",
        "3",
        "2",
        "Ik wil de G40 als tweede vicevoorzitter dienen.",
        "ja",
        "ja",
    )

    too_late = chat("intrekken", on="2026-06-15")
    withdrawn = chat("intrekken", "1", "ja", "mijn kandidaturen")

    assert "De kandidaatstelling is gesloten" in too_late
    assert "Welke kandidatuur wil je intrekken?" in withdrawn
    assert "Eerste vicevoorzitter" in withdrawn and "is ingetrokken." in withdrawn
    statuses = {r["functie"]: r["status"] for r in candidacy_rows(console_env)}
    assert statuses == {
        "eerste-vicevoorzitter": "ingetrokken",
        "tweede-vicevoorzitter": "ingediend",
    }
