"""The Teams configuration: the Agents SDK's own variables (CONNECTIONS__…) with the four we
document laid over them from Settings, so .env works too."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.settings import TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID, Settings

DEFAULT_PORT = 3978


@dataclass(frozen=True)
class TeamsConfiguration:
    sdk: dict[str, Any]
    anonymous: bool
    client_id: str


def teams_configuration(
    settings: Settings, environ: Mapping[str, str] | None = None
) -> TeamsConfiguration:
    """Reads the SDK's own variables (AUTHTYPE, AUTHORITY, CONNECTIONSMAP, …) from the
    environment and ours from Settings. With authentication on, a missing client id, secret or
    tenant raises MissingSetting naming it."""
    from microsoft_agents.activity import load_configuration_from_env

    sdk = load_configuration_from_env(os.environ if environ is None else environ)
    connections = sdk.setdefault("CONNECTIONS", {})
    connection = connections.setdefault("SERVICE_CONNECTION", {}).setdefault("SETTINGS", {})
    anonymous = settings.teams_anonymous_allowed
    connection["ANONYMOUS_ALLOWED"] = anonymous
    if not anonymous:
        settings.secret(TEAMS_CLIENT_ID)
        auth_type = str(connection.get("AUTHTYPE") or "ClientSecret")
        if auth_type.casefold() == "clientsecret":
            settings.secret(TEAMS_CLIENT_SECRET)
        settings.secret(TEAMS_TENANT_ID)
    values = {
        "CLIENTID": settings.teams_client_id,
        "TENANTID": settings.teams_tenant_id,
        "CLIENTSECRET": (
            settings.teams_client_secret.get_secret_value()
            if settings.teams_client_secret
            else None
        ),
    }
    connection.update({key: value.strip() for key, value in values.items() if value})
    return TeamsConfiguration(
        sdk=sdk, anonymous=anonymous, client_id=str(connection.get("CLIENTID") or "")
    )


def teams_configured(settings: Settings) -> bool:
    """Whether this deployment uses Teams: credentials (even incomplete: then starting names
    what is missing) or anonymous mode."""
    return settings.teams_anonymous_allowed or any(
        (value or "").strip()
        for value in (
            settings.teams_client_id,
            settings.teams_tenant_id,
            settings.teams_client_secret.get_secret_value()
            if settings.teams_client_secret
            else None,
        )
    )


def port_of(settings: Settings) -> int:
    """$PORT when set (Heroku, Azure), else the Bot Framework's customary 3978."""
    return settings.port if "port" in settings.model_fields_set else DEFAULT_PORT
