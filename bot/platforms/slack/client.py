"""The Slack Web API client every part of the app uses: bounded retries, one base URL."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse

# Waiting longer than this for a rate limit would outlast any user's patience; give up instead.
MAX_RETRY_AFTER_SECONDS = 30


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Honours Retry-After, but gives up rather than wait longer than MAX_RETRY_AFTER_SECONDS."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        assert response is not None
        waits = [v for k, v in response.headers.items() if k.lower() == "retry-after"]
        try:
            return not waits or int(waits[0][0]) <= MAX_RETRY_AFTER_SECONDS
        except (ValueError, IndexError):
            return True


def build_web_client(token: str, api_url: str) -> WebClient:
    """Every Web API call of the app, in both modes, goes to `api_url` (GovSlack, tests)."""
    base_url = api_url if api_url.endswith("/") else api_url + "/"
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=10,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            BoundedRateLimitRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def fan_out_client(token: str, api_url: str) -> WebClient:
    """`build_web_client` without the rate-limit retry: a 429 comes straight back, so the
    reminder fan-out can park that target for its Retry-After and go on with the others
    instead of the whole fan-out sleeping."""
    client = build_web_client(token, api_url)
    client.retry_handlers = [
        handler
        for handler in client.retry_handlers
        if not isinstance(handler, RateLimitErrorRetryHandler)
    ]
    return client
