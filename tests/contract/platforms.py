"""Each platform ready for the contract suite: its real server (or session) on a seeded local
workbook and a fresh database, with a staff member listed by this platform's chat id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.settings import Settings
from bot.sheets import LocalWorkbook, load_seed
from tests.contract.drivers import (
    SLACK_USERS,
    STAFF,
    TEAMS_USERS,
    Driver,
    SlackDriver,
    TeamsDriver,
    console_driver,
)
from tests.fake_slack import running_fake_slack

PLATFORMS = ["console", "slack", "teams"]


def seeded(workbook: Path, staff: dict[str, str]) -> None:
    """The seed, with a staff member listed in Beheerders by chat id."""
    book = LocalWorkbook(workbook)
    tabs = load_seed()
    tabs["Beheerders"].append(["Sam Staf", "", staff.get("slack", ""), staff.get("teams", "")])
    book.write_tabs(tabs)


@contextmanager
def platform_driver(
    name: str, tmp: Path, prepare: Callable[[Path], None] | None = None
) -> Iterator[Driver]:
    workbook = tmp / "werkboek.xlsx"
    seeded(workbook, {"slack": SLACK_USERS[STAFF], "teams": TEAMS_USERS[STAFF]["aadObjectId"]})
    if prepare is not None:
        prepare(workbook)
    values = {"G40_WORKBOOK": str(workbook), "DATABASE_URL": f"sqlite:///{tmp / 'g40.db'}"}
    if name == "console":
        with console_driver(Settings(_env_file=None, **values)) as console:
            yield console
        return
    if name == "slack":
        from bot.platforms.slack.app import build_slack_service
        from tests.test_candidacy_slack import CandidacyApp
        from tests.test_slack import SECRET, serving

        with running_fake_slack() as fake:
            settings = Settings(
                _env_file=None,
                **values,
                SLACK_API_URL=fake.api_url,
                SLACK_BOT_TOKEN="xoxb-test-token",
                SLACK_SIGNING_SECRET=SECRET,
            )
            service = build_slack_service(settings)
            try:
                with serving(service.wsgi()) as url:
                    app = CandidacyApp(fake, service, url, tmp, None)  # type: ignore[arg-type]
                    yield SlackDriver(app, fake, workbook)
            finally:
                service.close()
        return
    if name == "teams":
        from bot.platforms.teams.app import create_teams_service
        from bot.platforms.teams.config import teams_configuration
        from bot.runtime import Runtime
        from bot.settings import TEAMS_ANONYMOUS_ALLOWED
        from tests.fake_teams_connector import FakeConnector
        from tests.test_teams import serving as serving_teams
        from tests.test_teams_candidacy import CandidacyHarness

        settings = Settings(_env_file=None, **values, **{TEAMS_ANONYMOUS_ALLOWED: "true"})
        runtime = Runtime(settings)
        connector = FakeConnector().start()
        try:
            service = create_teams_service(teams_configuration(settings, environ={}), runtime)
            with serving_teams(service.web_app) as url:
                book = LocalWorkbook(workbook)
                harness = CandidacyHarness(url, connector, service, runtime.store, book, [])
                yield TeamsDriver(harness, workbook)
        finally:
            connector.stop()
            runtime.close()
        return
    raise ValueError(name)
