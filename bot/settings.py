"""All configuration, from the environment and `.env`. One class; tests pass values directly."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import OperatorError
from bot.paths import SEED_DIR


def user_data_folder() -> Path:
    """g40bot's folder in the user's data directory (e.g. ~/.local/share/g40bot on Linux)."""
    from platformdirs import user_data_path  # only when a path is not set

    return user_data_path("g40bot", appauthor=False)


def default_workbook() -> Path:
    return user_data_folder() / "g40-werkboek.xlsx"


def default_database_url() -> str:
    return f"sqlite:///{user_data_folder() / 'g40bot.sqlite3'}"


_TEAMS_SETTINGS = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
TEAMS_CLIENT_ID = _TEAMS_SETTINGS + "CLIENTID"
TEAMS_CLIENT_SECRET = _TEAMS_SETTINGS + "CLIENTSECRET"
TEAMS_TENANT_ID = _TEAMS_SETTINGS + "TENANTID"
TEAMS_ANONYMOUS_ALLOWED = _TEAMS_SETTINGS + "ANONYMOUS_ALLOWED"


class MissingSetting(OperatorError):
    """A setting the chosen process cannot start without; the message is one line for operators."""


class UnusableSetting(MissingSetting):
    """A setting that is there but does not work (the service at that URL is unreachable, or it
    refuses that token); one line for operators, naming the setting."""


# How to obtain each secret, for the one-line start-up message when it is missing.
_WHERE_TO_FIND = {
    "SLACK_BOT_TOKEN": "het Bot User OAuth Token (xoxb-…) van je Slack-app (OAuth & Permissions)",
    "SLACK_SIGNING_SECRET": "het Signing Secret onder Basic Information van je Slack-app",
    "SLACK_APP_TOKEN": "een App-Level Token (xapp-…) met connections:write (Basic Information)",
    # Microsoft Teams (the Agents SDK's own variable names; see docs/deploy.md, "Microsoft Teams").
    TEAMS_CLIENT_ID: "de Application (client) ID van de Entra-app achter je Azure Bot",
    TEAMS_CLIENT_SECRET: "een client secret van die Entra-app (Certificates & secrets)",
    TEAMS_TENANT_ID: "de Directory (tenant) ID van die Entra-app",
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    workbook: Path = Field(default_factory=default_workbook, alias="G40_WORKBOOK")
    seed_dir: Path = Field(SEED_DIR, alias="G40_SEED_DIR")

    # Google Sheets (see docs/deploy.md): a spreadsheet id plus a service-account key selects
    # Google; without an id the local workbook is used.
    spreadsheet_id: str | None = Field(None, alias="G40_SPREADSHEET_ID")
    google_key_file: Path | None = Field(None, alias="GOOGLE_APPLICATION_CREDENTIALS")
    google_key_json: SecretStr | None = Field(None, alias="G40_GOOGLE_CREDENTIALS")
    refresh_seconds: float = Field(60.0, ge=5, alias="G40_REFRESH_SECONDS")

    # Slack (see docs/deploy.md); secrets stay None until a Slack process requires them.
    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    staff_channel: str | None = Field(None, alias="G40_STAFF_CHANNEL")
    port: int = Field(3000, alias="PORT")
    database_url: str = Field(default_factory=default_database_url, alias="DATABASE_URL")
    # Candidacies: how often a long-running process retries pending sheet writes, and who
    # the console user is (default: the operating-system user name).
    outbox_seconds: float = Field(30.0, ge=0.05, alias="G40_OUTBOX_SECONDS")
    console_user: str | None = Field(None, alias="G40_CONSOLE_USER")

    # Reminders (the clock process; docs/deploy.md, "Herinneringen / reminders"): the channel
    # for announcements when a Planning row names none, and how late a reminder may still go
    # out after downtime (older ones are skipped and logged).
    announce_channel: str | None = Field(None, alias="G40_ANNOUNCE_CHANNEL")
    reminder_grace_hours: float = Field(6.0, gt=0, le=168, alias="G40_REMINDER_GRACE_HOURS")

    # Microsoft Teams (see docs/deploy.md): the Agents SDK's own variable names, so one .env
    # serves both; authentication is on unless anonymous mode is set for local testing.
    teams_client_id: str | None = Field(None, alias=TEAMS_CLIENT_ID)
    teams_client_secret: SecretStr | None = Field(None, alias=TEAMS_CLIENT_SECRET)
    teams_tenant_id: str | None = Field(None, alias=TEAMS_TENANT_ID)
    teams_anonymous_allowed: bool = Field(False, alias=TEAMS_ANONYMOUS_ALLOWED)
    # The Teams app package: its manifest id (default: the bot's client id) and the public host
    # of the messaging endpoint (validDomains).
    teams_app_id: str | None = Field(None, alias="G40_TEAMS_APP_ID")
    teams_domain: str | None = Field(None, alias="G40_TEAMS_DOMAIN")
    # Teams conversations (stored conversation ids, listed by `g40bot teams-conversations`):
    # where reminders are announced, and where staff get a notice of each candidacy.
    teams_announce_conversation: str | None = Field(None, alias="G40_TEAMS_ANNOUNCE_CONVERSATION")
    teams_staff_conversation: str | None = Field(None, alias="G40_TEAMS_STAFF_CONVERSATION")

    def secret(self, variable: str) -> str:
        """The value of a required secret, by its environment name; raises MissingSetting."""
        field = next(
            name for name, info in type(self).model_fields.items() if info.alias == variable
        )
        value = getattr(self, field)
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if value is None or not str(value).strip():
            raise MissingSetting(
                f"{variable} ontbreekt: zet {_WHERE_TO_FIND.get(variable, 'de waarde')} "
                "in de omgeving of in .env."
            )
        return str(value).strip()
