"""The `g40bot` command as a newcomer uses it: a fresh user directory, the seeded workbook
created on first use. The README's commands and one error also run as the installed entry
point in a real process (`installed`); the rest in-process (tests/cli.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.sheets import LocalWorkbook, seed_workbook
from tests.cli import g40bot as run
from tests.cli import installed


@pytest.fixture(autouse=True)
def fresh_user(isolated_env: Path) -> Path:
    return isolated_env


def test_ask_answers_and_creates_the_workbook(fresh_user: Path) -> None:
    result = installed("ask", "wie heeft Europa?")
    assert result.returncode == 0, result.stderr
    assert "Eerste vicevoorzitter: nog niet in het overzicht" in result.stdout
    assert "g.looman@enschede.nl" in result.stdout
    assert fresh_user.exists()
    assert f"Nieuw werkboek gemaakt uit de seed: {fresh_user}" in result.stderr


def test_ask_on_a_date_and_in_a_language() -> None:
    before = run("ask", "--on", "2026-05-29", "contact pijler Sociaal")
    after = run("ask", "--on", "2026-05-30", "contact pijler Sociaal")
    english = run("ask", "--lang", "en", "wie heeft Europa?")
    assert "m.jaarsma@almelo.nl" in before.stdout
    assert "lotus.van.nes@groningen.nl" in after.stdout and "m.jaarsma" not in after.stdout
    assert "linking pin for the Europe task group" in english.stdout


def test_ask_rejects_a_bad_date_clearly() -> None:
    result = run("ask", "--on", "30-05-2026", "contact pijler Sociaal")
    assert result.returncode == 2
    assert "--on" in result.stderr and "Traceback" not in result.stderr


USAGE_ERRORS = {
    ("ask", "--on", "2026-13-01", "wie"): ("--on", "'2026-13-01' is geen datum"),
    ("ask", "--lang", "fr", "wie"): ("--lang", "'fr'"),
    ("ask",): ("QUESTION", "ontbreekt"),
    ("reminders", "--from", "2026-02-30"): ("--from", "JJJJ-MM-DD"),
    ("clock", "--once", "--now", "gisteren"): ("--now", "is geen tijdstip"),
    ("clock", "--now", "2026-09-03T09:00"): ("--now", "--once"),
    ("ask", "--bogus", "wie"): ("--bogus", "Onbekende optie"),
    ("nosuchcommand",): ("nosuchcommand", "Onbekend commando"),
    ("serve", "skype"): ("skype", "Onbekend commando"),
}


@pytest.mark.parametrize("args", list(USAGE_ERRORS), ids=" ".join)
def test_a_mistyped_command_is_one_dutch_line_naming_what_to_fix(args: tuple[str, ...]) -> None:
    """Like every other operator error: one line, in Dutch, exit code 2, pointing at --help."""
    named, said = USAGE_ERRORS[args]
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert named in lines[0] and said in lines[0] and "--help" in lines[0]
    assert not {"Usage", "Error", "Invalid", "Try"} & set(lines[0].replace(":", " ").split())


def test_chat_with_piped_input() -> None:
    result = installed(
        "chat", stdin="wie heeft Europa?\nwho holds Europa?\nhelp\nstop\nwie is de voorzitter\n"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "g40bot — werkboek:" in out
    assert "De eerste vicevoorzitter is in het Dagelijks Bestuur de linking pin" in out
    assert "The first vice chair is the Executive Board's linking pin" in out
    assert "Wat kan g40bot?" in out
    assert "Tot ziens!" in out
    assert "Voorzitter: nog niet in het overzicht" not in out  # asked after 'stop'


def test_chat_ends_cleanly_at_end_of_input() -> None:
    result = run("chat", stdin="wie heeft veiligheid\n")
    assert result.returncode == 0
    assert "tweede vicevoorzitter" in result.stdout


def test_check_sheet_is_clean_on_the_seed() -> None:
    result = installed("check-sheet")
    assert result.returncode == 0
    assert "Geen problemen gevonden" in result.stdout


def test_check_sheet_locates_a_staff_mistake(fresh_user: Path) -> None:
    run("init-sheet")
    wb = load_workbook(fresh_user)
    sheet = wb["Planning"]
    sheet["G4"] = "31-09-2026"  # start of the netwerkdagen: no such day
    wb.save(fresh_user)
    result = run("check-sheet")
    assert result.returncode == 1
    assert (
        "FOUT Planning!G4 (start) — waarde '31-09-2026': '31-09-2026' is geen datum."
        in result.stdout
    )
    assert "1 fout(en), 0 waarschuwing(en)" in result.stdout
    still = run("ask", "wie heeft Europa?")
    assert still.returncode == 0 and "g.looman@enschede.nl" in still.stdout


def test_init_sheet_overwrites_nothing_without_force(fresh_user: Path) -> None:
    assert run("init-sheet").returncode == 0
    wb = load_workbook(fresh_user)
    wb["Personen"]["B2"] = "Door staf gewijzigd"
    wb.save(fresh_user)
    again = run("init-sheet")
    assert again.returncode == 0
    assert "Niets toegevoegd" in again.stdout and "Gebruik --force" in again.stdout
    assert load_workbook(fresh_user)["Personen"]["B2"].value == "Door staf gewijzigd"
    forced = run("init-sheet", "--force")
    assert forced.returncode == 0 and "overschreven" in forced.stdout
    assert load_workbook(fresh_user)["Personen"]["B2"].value == "Marc Jaarsma"


def test_an_unreadable_workbook_is_one_clear_line(fresh_user: Path) -> None:
    fresh_user.parent.mkdir(parents=True, exist_ok=True)
    fresh_user.write_text("geen excel")
    result = installed("ask", "wie heeft Europa?")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert str(fresh_user) in result.stderr and "Traceback" not in result.stderr


def test_a_workbook_path_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("")
    result = run("ask", "hallo", env={"G40_WORKBOOK": str(blocker / "werkboek.xlsx")})
    assert result.returncode == 2
    assert "Kan het werkboek niet aanmaken" in result.stderr and "G40_WORKBOOK" in result.stderr


@pytest.mark.parametrize("command", [[], ["ask"], ["chat"], ["check-sheet"], ["init-sheet"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Usage: g40bot" in result.stdout


# What a command may load: --help only click and g40bot's own CLI; ask (on an existing local
# workbook) the settings, calamine and the directory too. benchmarks/startup.py times them.
NEVER_FOR_ASK = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "gspread",
    "google.auth",
    "requests",
    "tenacity",
    "openpyxl",
    "filelock",
    "slack_bolt",
    "slack_sdk",
    "waitress",
    "microsoft_agents",
    "aiohttp",
    "apscheduler",
    "icalendar",
)
NEVER_FOR_HELP = (
    *NEVER_FOR_ASK,
    "pydantic",
    "pydantic_settings",
    "python_calamine",
    "rapidfuzz",
    "babel",
    "bot.settings",
    "bot.sheets",
)
LOADED_BY = (
    "import sys\n"
    "from bot.cli import main\n"
    "main(sys.argv[2:], standalone_mode=False)\n"
    "open(sys.argv[1], 'w').write('\\n'.join(sys.modules))\n"
)


def loaded_by(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.txt"
    process = subprocess.run(
        [sys.executable, "-c", LOADED_BY, str(listing), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == 0, process.stderr
    return {name for name in listing.read_text().split("\n") if name}


@pytest.mark.parametrize(
    ("command", "never"),
    [(["--help"], NEVER_FOR_HELP), (["ask", "wie heeft Europa?"], NEVER_FOR_ASK)],
    ids=["--help", "ask"],
)
def test_a_command_loads_only_what_it_uses(
    fresh_user: Path, tmp_path: Path, command: list[str], never: tuple[str, ...]
) -> None:
    seed_workbook(LocalWorkbook(fresh_user))  # ask on a workbook that is there: nothing to write

    loaded = loaded_by(tmp_path, *command)

    unwanted = {
        name for name in loaded for package in never if f"{name}.".startswith(f"{package}.")
    }
    assert not unwanted, sorted({name.split(".")[0] for name in unwanted})
