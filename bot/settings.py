"""All configuration, from the environment and `.env`. One class; tests pass values directly."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.sheets import SEED_DIR


def default_workbook() -> Path:
    return user_data_path("g40bot", appauthor=False) / "g40-werkboek.xlsx"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    workbook: Path = Field(default_factory=default_workbook, alias="G40_WORKBOOK")
    seed_dir: Path = Field(SEED_DIR, alias="G40_SEED_DIR")
    timezone: str = Field("Europe/Amsterdam", alias="G40_TIMEZONE")
