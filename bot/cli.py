"""The `g40bot` command. Every subcommand has --help; errors are one line, never a traceback.

Each command imports what it uses inside its own body: `g40bot --help` loads click and this
module only, `g40bot ask` the settings, the local workbook reader and the directory, and no
command pays for the database, Google, the chat SDKs or the scheduler unless it uses them
(benchmarks/startup.py measures it; tests/test_cli.py checks what --help and ask load).
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from bot.errors import OperatorError

if TYPE_CHECKING:
    from bot.models import Snapshot
    from bot.reply import Language
    from bot.sheets import SnapshotSource

# How the installed command logs to stderr (WARNING and up; INFO of `bot` for the servers).
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


class OperatorMessage(click.ClickException):
    """An operator's error as the CLI shows it: the message alone on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


def usage_line(error: click.UsageError) -> str:
    """A mistyped command as one Dutch line naming what is wrong and where help is, like every
    other operator error (click's own is four English lines)."""
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "g40bot"
    if isinstance(error, click.NoSuchOption):
        what = f"Onbekende optie {error.option_name}."
    elif isinstance(getattr(error, "command_name", None), str):  # click >= 8.4's NoSuchCommand
        what = f"Onbekend commando '{getattr(error, 'command_name', '')}'."
        close = getattr(error, "possibilities", None) or []
        if close:
            what += f" Bedoel je '{close[0]}'?"
    elif isinstance(error, click.BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and ctx is not None:
            hint = error.param.get_error_hint(ctx)
        if isinstance(error, click.MissingParameter):
            what = f"{hint} ontbreekt."
        else:
            what = f"Ongeldige waarde voor {hint}: {error.message}"
    else:
        what = error.message
    return f"{command}: {what} Zie '{command} --help'."


class Day(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A day as JJJJ-MM-DD (a datetime at midnight), refused in Dutch."""

    name = "JJJJ-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(str(value).strip(), "%Y-%m-%d")
        except ValueError:
            self.fail(f"'{value}' is geen datum: schrijf JJJJ-MM-DD, bijv. 2026-09-10.", param, ctx)


class OneOf(click.Choice):  # type: ignore[type-arg]  # generic only in newer click
    """A choice of words, refused in Dutch."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            choices = " of ".join(f"'{choice}'" for choice in self.choices)
            self.fail(f"'{value}' kan niet; kies {choices}.", param, ctx)


# click >= 8.2 raises this for a group called without a command; its message is the help.
_HELP_INSTEAD: tuple[type[Exception], ...] = tuple(
    getattr(click.exceptions, name)
    for name in ("NoArgsIsHelpError",)
    if hasattr(click.exceptions, name)
)


class Commands(click.Group):
    """The command group, with the CLI's one error boundary: a failure an operator fixes (a
    setting, the workbook, the database, a mistyped command) is its own message, exit code 2,
    no traceback."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _HELP_INSTEAD:  # `g40bot` alone: the help
            raise
        except click.UsageError as error:  # the group's own options
            raise OperatorMessage(usage_line(error)) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OperatorError as error:
            raise OperatorMessage(str(error)) from None
        except _HELP_INSTEAD:  # `g40bot serve` alone: its help, as click shows it
            raise
        except click.UsageError as error:  # a command, its options or its arguments
            raise OperatorMessage(usage_line(error)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            from pydantic import ValidationError  # loaded by then if this is one

            if not isinstance(error, ValidationError):
                raise
            # a setting from the environment or .env is malformed
            raise OperatorMessage(
                "\n".join(
                    f"Ongeldige instelling {'.'.join(str(part) for part in problem['loc'])}="
                    f"{problem.get('input')!r}: {problem['msg']}."
                    for problem in error.errors()
                )
            ) from None


class Context:
    def __init__(self, workbook: Path | None) -> None:
        from bot.settings import Settings

        self.settings = Settings()
        if workbook is not None:
            # An explicit local workbook wins over G40_SPREADSHEET_ID.
            self.settings.workbook = workbook
            self.settings.spreadsheet_id = None

    def source(self, *, read_now: bool = True, keep_fresh: bool = False) -> SnapshotSource:
        from bot.app import open_source

        return open_source(
            self.settings,
            announce=lambda line: click.echo(line, err=True),
            read_now=read_now,
            keep_fresh=keep_fresh,
        )


pass_context = click.make_pass_decorator(Context)
DAY = Day()
ON = click.option(
    "--on",
    "on",
    type=DAY,
    help="Doe alsof het vandaag deze datum is (JJJJ-MM-DD), bijv. voor afwezigheden.",
)
LANG = click.option(
    "--lang",
    type=OneOf(["nl", "en"]),
    help="Antwoordtaal (nl of en); standaard de taal van de vraag.",
)


def _day(on: object) -> date | None:
    return on.date() if hasattr(on, "date") else None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--workbook",
    # Not click's readable check: its English "is not readable" would replace g40bot's advice.
    type=click.Path(dir_okay=False, readable=False, path_type=Path),
    help="Het lokale werkboek (.xlsx); standaard G40_WORKBOOK of een bestand in je gebruikersmap. "
    "Gaat vóór G40_SPREADSHEET_ID.",
)
@click.version_option(package_name="g40bot")
@click.pass_context
def main(ctx: click.Context, workbook: Path | None) -> None:
    """g40bot: vragen over functies, portefeuilles en contacten van de G40."""
    ctx.obj = Context(workbook)


@main.command()
@click.argument("question", nargs=-1, required=True)
@ON
@LANG
@pass_context
def ask(context: Context, question: tuple[str, ...], on: object, lang: Language | None) -> None:
    """Beantwoord één vraag, bijv.: g40bot ask "wie heeft Europa?"."""
    from bot.handlers.ask import AskHandler
    from bot.platforms.console_answer import answer_safely

    handler = AskHandler(context.source())
    click.echo(answer_safely(handler, " ".join(question), today=_day(on), language=lang))


@main.command("chat")
@ON
@LANG
@pass_context
def chat_command(context: Context, on: object, lang: Language | None) -> None:
    """Chat met g40bot in de terminal ('help' voor voorbeelden, 'stop' om te stoppen)."""
    from bot.dates import AMSTERDAM
    from bot.platforms.console import console_person, run_chat
    from bot.runtime import Runtime
    from bot.settings import user_data_folder

    with Runtime(
        context.settings, serving=True, announce=lambda line: click.echo(line, err=True)
    ) as runtime:
        day = _day(on)
        if day is not None:
            # Pretend it is noon of that day: answers (absences) and the candidacy window.
            noon = datetime(day.year, day.month, day.day, 12, tzinfo=AMSTERDAM)
            runtime.chat.today = lambda: day
            runtime.candidacy.now = lambda: noon
        banner = (
            f"g40bot — werkboek: {runtime.source.workbook.location}\n"
            "Stel een vraag (bijv. 'wie heeft Europa?'), 'help' voor voorbeelden, 'stop' om te "
            "stoppen.\nKandidaat stellen: 'kandidaat'; ook 'mijn kandidaturen' en 'intrekken'."
        )
        errors = runtime.source.current().errors
        if errors:
            banner += (
                f"\nLet op: het werkboek heeft {len(errors)} fout(en); zie 'g40bot check-sheet'."
            )
        run_chat(
            runtime.chat,
            console_person(context.settings),
            language=lang,
            banner=banner,
            history=user_data_folder() / "chat-history",
            stream=sys.stdin,  # the one at this call: a test's runner swaps it
        )


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
@click.option(
    "--force", is_flag=True, help="Overschrijf álle tabbladen met de startgegevens (seed)."
)
@pass_context
def init_sheet(context: Context, force: bool) -> None:
    """Zet de tabbladen met de startgegevens in het werkboek of Google Sheet.

    Zonder --force voegt het alleen de tabbladen toe die ontbreken (of helemaal leeg zijn);
    tabbladen met inhoud blijven onaangeroerd."""
    from bot.app import selected_workbook
    from bot.models import TAB_MODELS
    from bot.sheets import seed_workbook

    workbook = selected_workbook(context.settings)
    written = seed_workbook(workbook, context.settings.seed_dir, force=force)
    if not written:
        click.echo(
            f"Niets toegevoegd: alle tabbladen staan al in {workbook.location}. Gebruik --force "
            "om ze allemaal te overschrijven met de startgegevens."
        )
    elif force:
        click.echo(f"Alle tabbladen overschreven met de startgegevens in {workbook.location}.")
    else:
        untouched = len(written) < len(TAB_MODELS)
        click.echo(
            f"Toegevoegd aan {workbook.location}, met de startgegevens: {', '.join(written)}."
            + (" Tabbladen met inhoud zijn niet aangeraakt." if untouched else "")
        )


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
        f"{len(snapshot.bodies)} organen, {len(snapshot.facts)} kennisregels, "
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
    from bot.platforms.slack.app import serve as serve_on_slack

    logging.getLogger("bot").setLevel(logging.INFO)
    serve_on_slack(context.settings, socket_mode=socket, announce=lambda line: click.echo(line))


# --- Microsoft Teams ---------------------------------------------------------------------------


@serve.command("teams")
@pass_context
def serve_teams(context: Context) -> None:
    """De Teams-app: persoonlijke chat en @g40bot in kanalen (POST /api/messages op $PORT,
    standaard 3978)."""
    # Imported here so the other commands start without loading the Agents SDK.
    from bot.platforms.teams.app import serve

    logging.getLogger("bot").setLevel(logging.INFO)
    serve(context.settings, announce=lambda line: click.echo(line))


@main.command("teams-package")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("g40bot-teams.zip"),
    show_default=True,
    help="Het zip-bestand om in Teams te uploaden.",
)
@pass_context
def teams_package_command(context: Context, output: Path) -> None:
    """Maak het Teams-app-pakket (manifest en iconen) met de app-id uit de instellingen."""
    from bot.platforms.teams.package import PackageError, build_package

    try:
        manifest = build_package(context.settings, output)
    except PackageError as error:
        raise click.ClickException(str(error)) from None
    domains = ", ".join(manifest["validDomains"]) or "geen (zet G40_TEAMS_DOMAIN)"
    click.echo(
        f"Teams-app-pakket geschreven naar {output} (app-id {manifest['id']}, domein {domains})."
    )


@main.command("teams-conversations")
@pass_context
def teams_conversations_command(context: Context) -> None:
    """Toon de Teams-gesprekken die g40bot kent (voor G40_TEAMS_ANNOUNCE_CONVERSATION en
    G40_TEAMS_STAFF_CONVERSATION): noem @g40bot eerst één keer in het kanaal."""
    from bot.store import Store

    store = Store(context.settings.database_url)
    try:
        conversations = store.teams.all()
    finally:
        store.close()
    if not conversations:
        click.echo("Nog geen Teams-gesprekken: installeer de app of noem @g40bot in een kanaal.")
    for conversation in conversations:
        who = conversation.user_aad_object_id or conversation.user_id
        where = f"team {conversation.team_id}" if conversation.team_id else who
        click.echo(f"{conversation.conversation_id}  {conversation.conversation_type}  {where}")


@main.command("migrate")
@click.option("--dry-run", is_flag=True, help="Toon wat er zou gebeuren; verander niets.")
@click.option(
    "--sql",
    "as_sql",
    is_flag=True,
    help="Toon de SQL die een lege database bijwerkt (om te lezen of zelf te draaien); "
    "maakt geen verbinding.",
)
@pass_context
def migrate_command(context: Context, dry_run: bool, as_sql: bool) -> None:
    """Werk de database (DATABASE_URL) bij tot het schema van deze versie van g40bot.

    Elk proces doet dit ook zelf bij het starten, één tegelijk; met de hand op Heroku:
    heroku run g40bot migrate."""
    from bot.store import migrate
    from bot.store.database import open_engine, parse_url, shown

    url = context.settings.database_url
    if as_sql:
        click.echo(migrate.sql_script(url), nl=False)
        return
    engine = open_engine(url)
    try:
        if not dry_run:
            click.echo(migrate.upgrade_to_head(engine).summary())
            return
        steps = migrate.pending(engine)
    finally:
        engine.dispose()
    where = shown(parse_url(url))
    if not steps:
        click.echo(f"Database {where} is al bij (revisie {migrate.HEAD_REVISION}); niets te doen.")
        return
    click.echo(f"Database {where}: dit zou er gebeuren (droogloop, er is niets veranderd):")
    for step in steps:
        click.echo(f"  {step}")


# --- reminders: the clock, the dry run and the calendar ----------------------------------------


def _moment(value: str | None) -> datetime | None:
    """--now as ISO 8601; without an offset it is Dutch time (Europe/Amsterdam)."""
    if value is None:
        return None
    from bot.dates import AMSTERDAM

    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is geen tijdstip. Schrijf bijvoorbeeld 2026-09-03T09:00 (Nederlandse "
            "tijd) of 2026-09-03T07:00Z.",
            param_hint="--now",
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


@main.command("clock")
@click.option("--once", is_flag=True, help="Eén tik (herinneringen versturen) en stoppen.")
@click.option(
    "--now",
    "now_text",
    metavar="ISO-8601",
    help="Met --once: doe alsof het nu dit tijdstip is, bijv. 2026-09-03T09:00.",
)
@pass_context
def clock_command(context: Context, once: bool, now_text: str | None) -> None:
    """Verstuur de herinneringen van het tabblad Planning op tijd (Procfile: clock).

    Draait elke minuut; met --once één keer (voor cron en beheer)."""
    from bot import clock

    now = _moment(now_text)
    if now is not None and not once:
        raise click.UsageError("--now werkt alleen samen met --once.")
    if once:  # the tick's summary is printed, so not logged at INFO as well
        click.echo(clock.run_once(context.settings, now).summary())
        return
    logging.getLogger("bot").setLevel(logging.INFO)
    clock.run_forever(context.settings, announce=lambda line: click.echo(line))


@main.command("reminders")
@click.option("--from", "start", type=DAY, help="Eerste dag (JJJJ-MM-DD); standaard vandaag.")
@click.option("--to", "end", type=DAY, help="Laatste dag (JJJJ-MM-DD); standaard alles.")
@pass_context
def reminders_command(context: Context, start: datetime | None, end: datetime | None) -> None:
    """Toon de geplande herinneringen (droogloop): wanneer, waarheen, en of ze al verstuurd zijn."""
    from bot.clock import audience, unreached_subscribers
    from bot.dates import today_in_amsterdam
    from bot.handlers.reminders import describe_line, planned_lines
    from bot.ics import undated
    from bot.store import Store

    first = start.date() if start else today_in_amsterdam()
    last = end.date() if end else None
    if last is not None and last < first:
        raise click.BadParameter("--to ligt vóór --from.", param_hint="--to")
    snapshot = context.source().current()
    store = Store(context.settings.database_url)
    try:
        recipients = audience(context.settings, store.subscriptions, store.candidacies)
        lines = planned_lines(snapshot, recipients, store.deliveries, first, last)
        for unreached in unreached_subscribers(context.settings, store.subscriptions):
            click.echo(unreached, err=True)
    finally:
        store.close()
    span = f"vanaf {first.isoformat()}" + (f" t/m {last.isoformat()}" if last else "")
    if not lines:
        click.echo(f"Geen herinneringen gepland {span}.")
    else:
        click.echo(f"Herinneringen {span} (tijden in Europe/Amsterdam):")
        for line in lines:
            click.echo(f"  {describe_line(line)}")
    waiting = [phase.name for phase in undated(snapshot.phases.values()) if phase.reminders]
    if waiting:
        click.echo(f"Nog zonder datum, dus nog geen herinneringen: {', '.join(waiting)}.")


@main.command("unanswered")
@click.option(
    "--since", "since", type=DAY, help="Alleen vragen gesteld vanaf deze dag (JJJJ-MM-DD)."
)
@click.option(
    "--write",
    is_flag=True,
    help="Schrijf ze ook in het tabblad Onbeantwoord (dat doet de klok ook).",
)
@pass_context
def unanswered_command(context: Context, since: datetime | None, write: bool) -> None:
    """Toon de vragen die g40bot niet (zeker) kon beantwoorden: bijna gelijke samen, de meest
    gestelde eerst, elk met een voorstel om te bevestigen (zie docs/sheet.md, Onbeantwoord)."""
    from bot.dates import AMSTERDAM
    from bot.handlers.unanswered import describe
    from bot.runtime import Runtime

    moment = since.replace(tzinfo=AMSTERDAM) if since else None
    with Runtime(context.settings) as runtime:
        groups = runtime.unanswered.groups(moment)
        if not groups:
            click.echo(
                "Geen onbeantwoorde vragen" + (f" sinds {since:%Y-%m-%d}." if since else ".")
            )
        for group in groups:
            click.echo(describe(group))
        if write:
            runtime.publish_unanswered(groups)
            click.echo(
                f"Geschreven naar het tabblad Onbeantwoord in {runtime.source.workbook.location}."
            )


@main.command("calendar")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Schrijf naar dit .ics-bestand; standaard naar stdout.",
)
@pass_context
def calendar_command(context: Context, output: Path | None) -> None:
    """Exporteer de fasen van de verkiezingen als agenda (.ics) voor Outlook, Google, Apple."""
    from bot.ics import dated, phases_calendar, undated

    snapshot = context.source().current()
    ics = phases_calendar(snapshot)
    left_out = [phase.name for phase in undated(snapshot.phases.values())]
    if left_out:
        click.echo(f"Niet in de agenda (nog geen datum): {', '.join(left_out)}.", err=True)
    if output is None:
        click.echo(ics.decode(), nl=False)
        return
    output.write_bytes(ics)
    count = len(dated(snapshot.phases.values()))
    click.echo(f"Agenda met {count} fase(n) geschreven naar {output}.", err=True)


def run() -> None:
    """The installed `g40bot` command: operators' logging, then the commands (whose group holds
    the one error boundary, so tests that invoke `main` in-process see what operators see)."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    main()
