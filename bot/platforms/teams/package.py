"""The Teams app package: config/teams/manifest.json with its placeholders filled in from the
settings, zipped with the two icons, ready to upload in Teams or the Teams admin center.

No Agents SDK here: building a package needs no running bot.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

from bot.settings import TEAMS_CLIENT_ID, Settings

TEAMS_DIR = Path(__file__).resolve().parents[3] / "config" / "teams"
ICONS = ("color.png", "outline.png")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


class PackageError(Exception):
    """A value the package cannot be built with; the message says which and how to fix it."""


def package_values(settings: Settings) -> dict[str, str]:
    """The placeholders' values: {{BOT_ID}} is the Entra client id, {{TEAMS_APP_ID}} the
    manifest's own id (G40_TEAMS_APP_ID, default the client id), {{BOT_DOMAIN}} the host of
    the messaging endpoint (G40_TEAMS_DOMAIN; may be empty)."""
    bot_id = settings.secret(TEAMS_CLIENT_ID)
    app_id = (settings.teams_app_id or "").strip() or bot_id
    for variable, value in ((TEAMS_CLIENT_ID, bot_id), ("G40_TEAMS_APP_ID", app_id)):
        if not _GUID.match(value):
            raise PackageError(
                f"{variable} '{value}' is geen GUID (zoals 00000000-0000-0000-0000-000000000000):"
                " kopieer de Application (client) ID uit de Entra-app."
            )
    domain = (settings.teams_domain or "").strip().casefold()
    domain = domain.removeprefix("https://").split("/")[0]
    if domain and not _HOST.match(domain):
        raise PackageError(
            f"G40_TEAMS_DOMAIN '{settings.teams_domain}' is geen hostnaam: zet alleen de host van "
            "je berichten-URL, bijv. g40bot.example.nl."
        )
    return {"TEAMS_APP_ID": app_id.lower(), "BOT_ID": bot_id.lower(), "BOT_DOMAIN": domain}


def fill(value: Any, values: dict[str, str]) -> Any:
    """The manifest with every {{NAME}} replaced; list items left empty are dropped."""
    if isinstance(value, dict):
        return {key: fill(item, values) for key, item in value.items()}
    if isinstance(value, list):
        filled = [fill(item, values) for item in value]
        return [item for item in filled if item != ""]
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda match: values[match.group(1)], value)
    return value


def build_package(settings: Settings, output: Path, source: Path = TEAMS_DIR) -> dict[str, Any]:
    """Writes the zip (manifest.json and the icons at its root, as Teams requires) and
    returns the filled manifest."""
    manifest = fill(
        json.loads((source / "manifest.json").read_text("utf-8")), package_values(settings)
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for icon in ICONS:
            package.write(source / icon, icon)
    return dict(manifest)
