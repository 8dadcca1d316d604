"""The `g40bot` command. Every subcommand has --help; errors are one line, never a traceback."""

from __future__ import annotations

import logging
import sys
import time
from datetime import date
from pathlib import Path

import click
from platformdirs import user_data_path

from bot.app import open_source, selected_workbook
from bot.handlers.ask import AskHandler
from bot.models import Snapshot
from bot.platforms.console import answer_safely, chat
from bot.reply import Language
from bot.settings import MissingSetting, Settings
from bot.sheets import (
    SnapshotSource,
    WorkbookError,
    seed_workbook,
)


class Context:
    def __init__(self, workbook: Path | None) -> None:
        self.settings = Settings()
        if workbook is not None:
            # An explicit local workbook wins over G40_SPREADSHEET_ID.
            self.settings.workbook = workbook
            self.settings.spreadsheet_id = None

    def source(self, *, read_now: bool = True, keep_fresh: bool = False) -> SnapshotSource:
        return open_source(
            self.settings,
            announce=lambda line: click.echo(line, err=True),
            read_now=read_now,
            keep_fresh=keep_fresh,
        )


pass_context = click.make_pass_decorator(Context)
ON = click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Doe alsof het vandaag deze datum is (JJJJ-MM-DD), bijv. voor afwezigheden.",
)
LANG = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Antwoordtaal; standaard de taal van de vraag.",
)


def _day(on: object) -> date | None:
    return on.date() if hasattr(on, "date") else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--workbook",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Het lokale werkboek (.xlsx); standaard G40_WORKBOOK of een bestand in je gebruikersmap. "
    "Gaat vóór G40_SPREADSHEET_ID.",
)
@click.version_option(package_name="g40bot")
@click.pass_context
def main(ctx: click.Context, workbook: Path | None) -> None:
    """g40bot: vragen over functies, portefeuilles en contacten van de G40."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = Context(workbook)


@main.command()
@click.argument("question", nargs=-1, required=True)
@ON
@LANG
@pass_context
def ask(context: Context, question: tuple[str, ...], on: object, lang: Language | None) -> None:
    """Beantwoord één vraag, bijv.: g40bot ask "wie heeft Europa?"."""
    handler = AskHandler(context.source())
    click.echo(answer_safely(handler, " ".join(question), today=_day(on), language=lang))


@main.command("chat")
@ON
@LANG
@pass_context
def chat_command(context: Context, on: object, lang: Language | None) -> None:
    """Chat met g40bot in de terminal ('help' voor voorbeelden, 'stop' om te stoppen)."""
    source = context.source(keep_fresh=True)
    banner = (
        f"g40bot — werkboek: {source.workbook.location}\n"
        "Stel een vraag (bijv. 'wie heeft Europa?'), 'help' voor voorbeelden, 'stop' om te stoppen."
    )
    errors = source.current().errors
    if errors:
        banner += f"\nLet op: het werkboek heeft {len(errors)} fout(en); zie 'g40bot check-sheet'."
    history = user_data_path("g40bot", appauthor=False) / "chat-history"
    chat(AskHandler(source), today=_day(on), language=lang, banner=banner, history=history)


def report_problems(snapshot: Snapshot, location: str) -> int:
    for problem in snapshot.problems:
        click.echo(problem.describe())
    errors, warnings = len(snapshot.errors), len(snapshot.problems) - len(snapshot.errors)
    if not snapshot.problems:
        click.echo(f"Geen problemen gevonden in {location}.")
    else:
        click.echo(f"{errors} fout(en), {warnings} waarschuwing(en) in {location}.")
    return 1 if errors else 0


@main.command("check-sheet")
@pass_context
def check_sheet(context: Context) -> None:
    """Controleer het sheet: elk probleem met tabblad, rij, kolom, waarde en hoe je het oplost.

    Stopt met code 1 als er fouten zijn (waarschuwingen alleen: code 0)."""
    source = context.source()
    sys.exit(report_problems(source.current(), source.workbook.location))


@main.command("init-sheet")
@click.option("--force", is_flag=True, help="Overschrijf tabbladen die al gegevens bevatten.")
@pass_context
def init_sheet(context: Context, force: bool) -> None:
    """Zet de seed-tabbladen in het werkboek of Google Sheet (weigert gevulde tabbladen zonder
    --force)."""
    workbook = selected_workbook(context.settings)
    occupied = seed_workbook(workbook, context.settings.seed_dir, force=force)
    if occupied:
        click.echo(
            f"Niets geschreven: {', '.join(occupied)} bevat(ten) al gegevens in "
            f"{workbook.location}. Gebruik --force om ze te overschrijven.",
            err=True,
        )
        sys.exit(1)
    click.echo(f"Seed geschreven naar {workbook.location}.")


@main.command("reload")
@pass_context
def reload_command(context: Context) -> None:
    """Lees het sheet nu in en toon wat de bot ziet (aantallen en problemen)."""
    source = context.source(read_now=False)
    started = time.perf_counter()
    snapshot = source.reload()
    elapsed = time.perf_counter() - started
    errors, warnings = len(snapshot.errors), len(snapshot.problems) - len(snapshot.errors)
    click.echo(
        f"Ingelezen in {elapsed:.1f} s uit {source.workbook.location}: "
        f"{len(snapshot.roles)} functies, {len(snapshot.portfolios)} portefeuilles, "
        f"{len(snapshot.people)} personen, {len(snapshot.phases)} fasen, "
        f"{len(snapshot.candidacies)} kandidaturen; {errors} fout(en), "
        f"{warnings} waarschuwing(en)" + (" — zie 'g40bot check-sheet'." if errors else ".")
    )


@main.group()
def serve() -> None:
    """Draai g40bot op een chatplatform (zie docs/deploy.md)."""


@serve.command("slack")
@click.option(
    "--socket",
    is_flag=True,
    help="Socket Mode (SLACK_APP_TOKEN) in plaats van HTTP op $PORT: voor een werkplek zonder "
    "publieke URL.",
)
@pass_context
def serve_slack(context: Context, socket: bool) -> None:
    """De Slack-app: /g40, @g40bot, DM's en App Home (HTTP op $PORT, standaard 3000)."""
    # Imported here so the console commands start without loading Slack's SDK.
    from bot.platforms import slack

    logging.getLogger("bot").setLevel(logging.INFO)
    slack.serve(context.settings, socket_mode=socket, announce=lambda line: click.echo(line))


def run() -> None:
    """Entry point with the CLI's one error boundary: known failures as one line, exit 2."""
    try:
        main(standalone_mode=True)
    except (WorkbookError, MissingSetting) as error:
        click.echo(str(error), err=True)
        sys.exit(2)
