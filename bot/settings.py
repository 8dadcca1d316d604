"""All configuration, from the environment and `.env`. One class; tests pass values directly."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.sheets import SEED_DIR


def default_workbook() -> Path:
    return user_data_path("g40bot", appauthor=False) / "g40-werkboek.xlsx"


def default_database_url() -> str:
    return f"sqlite:///{user_data_path('g40bot', appauthor=False) / 'g40bot.sqlite3'}"


class MissingSetting(Exception):
    """A setting the chosen process cannot start without; the message is one line for operators."""


# How to obtain each secret, for the one-line start-up message when it is missing.
_WHERE_TO_FIND = {
    "SLACK_BOT_TOKEN": "het Bot User OAuth Token (xoxb-…) van je Slack-app (OAuth & Permissions)",
    "SLACK_SIGNING_SECRET": "het Signing Secret onder Basic Information van je Slack-app",
    "SLACK_APP_TOKEN": "een App-Level Token (xapp-…) met connections:write (Basic Information)",
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    workbook: Path = Field(default_factory=default_workbook, alias="G40_WORKBOOK")
    seed_dir: Path = Field(SEED_DIR, alias="G40_SEED_DIR")
    timezone: str = Field("Europe/Amsterdam", alias="G40_TIMEZONE")

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

    def secret(self, variable: str) -> str:
        """The value of a required secret, by its environment name; raises MissingSetting."""
        field = next(
            name for name, info in type(self).model_fields.items() if info.alias == variable
        )
        value = getattr(self, field)
        if value is None or not value.get_secret_value().strip():
            raise MissingSetting(
                f"{variable} ontbreekt: zet {_WHERE_TO_FIND.get(variable, 'de waarde')} "
                "in de omgeving of in .env."
            )
        return str(value.get_secret_value().strip())
