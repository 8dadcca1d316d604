"""Slack answer-path benchmark.

    .venv/bin/python benchmarks/slack.py

A signed `/g40 wie heeft Europa?` through the real g40bot Bolt app versus a bare Bolt app whose
only listener acks a constant, side by side in one run, under both `process_before_response`
settings:

1. in-process: `app.dispatch(BoltRequest)` (signature check, parsing, middleware, listener);
   per-request cost and the ratio real / bare (budget <= 1.5);
2. over HTTP: the real waitress server on a loopback port, 20 concurrent clients with
   keep-alive, a bounded number of requests; p50/p99 latency and requests per second.

Web API calls go to the local fake Slack (tests/fake_slack.py); nothing leaves the machine.
"""

from __future__ import annotations

import http.client
import logging
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from waitress import wasyncore
from waitress.server import create_server

from bot.platforms.slack.app import create_slack_app
from bot.platforms.slack.client import build_web_client
from bot.runtime import Runtime
from bot.settings import Settings
from tests.fake_slack import running_fake_slack

SECRET = "benchmark-signing-secret"
IN_PROCESS_ROUNDS = 2_000
HTTP_REQUESTS = 1_200
CONCURRENCY = 20
BODY = urlencode(
    {
        "team_id": "T0G40",
        "channel_id": "C0GENERAL",
        "user_id": "UASKER",
        "command": "/g40",
        "text": "wie heeft Europa?",
        "response_url": "http://127.0.0.1:9/response",
        "trigger_id": "1.2.3",
    }
)


def signed_headers() -> dict[str, str]:
    stamp = str(int(time.time()))
    return {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": SignatureVerifier(SECRET).generate_signature(
            timestamp=stamp, body=BODY
        ),
    }


def bare_app(settings: Settings, process_before_response: bool) -> App:
    app = App(
        client=build_web_client("xoxb-bench", settings.slack_api_url),
        signing_secret=SECRET,
        process_before_response=process_before_response,
    )

    @app.command("/g40")
    def constant(ack: Any) -> None:
        ack("ok")

    return app


def in_process_cost(app: App, rounds: int) -> float:
    """Mean seconds per dispatched request (after a warm-up)."""
    headers = signed_headers()
    for _ in range(20):
        assert app.dispatch(BoltRequest(body=BODY, headers=headers)).status == 200
    start = time.perf_counter()
    for _ in range(rounds):
        app.dispatch(BoltRequest(body=BODY, headers=headers))
    return (time.perf_counter() - start) / rounds


@contextmanager
def serving(app: App) -> Iterator[int]:
    server = create_server(SlackRequestHandler(app), host="127.0.0.1", port=0, threads=16)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        # Closed from inside the server's own loop, so its select() never sees a closed socket.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(5)
        server.task_dispatcher.shutdown()


def http_latencies(port: int) -> tuple[list[float], float]:
    """Per-request latencies and requests/second for HTTP_REQUESTS over CONCURRENCY clients."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = HTTP_REQUESTS // CONCURRENCY
    body = BODY.encode()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        headers = signed_headers()
        for _ in range(per_client):
            start = time.perf_counter()
            connection.request("POST", "/slack/events", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            assert response.status == 200, response.status
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return latencies, len(latencies) / elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp, running_fake_slack() as fake:
        settings = Settings(
            _env_file=None,
            G40_WORKBOOK=str(Path(tmp) / "werkboek.xlsx"),
            DATABASE_URL=f"sqlite:///{tmp}/g40.db",
            SLACK_API_URL=fake.api_url,
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_SIGNING_SECRET=SECRET,
        )
        runtime = Runtime(settings)
        background = runtime.background
        builders: dict[str, Callable[[bool], App]] = {
            "bare (acks a constant)": lambda pbr: bare_app(settings, pbr),
            "g40bot /g40": lambda pbr: create_slack_app(
                settings, runtime, process_before_response=pbr
            ),
            # Every request renders the answer afresh: what a never-asked-before question costs.
            "g40bot, no answer cache": lambda pbr: create_slack_app(
                settings, runtime, process_before_response=pbr, answer_cache_size=0
            ),
        }
        print(f"In-process: {IN_PROCESS_ROUNDS} dispatches (200 with False); HTTP: {HTTP_REQUESTS}")
        print(f"requests from {CONCURRENCY} concurrent keep-alive clients, waitress 16 threads.\n")
        header = f"{'process_before_response':<25}{'app':<24}{'in-process':>12}"
        print(header + f"{'HTTP p50':>11}{'HTTP p99':>11}{'req/s':>9}")
        for pbr in (True, False):
            costs: dict[str, float] = {}
            for name, build in builders.items():
                app = build(pbr)
                # Seed the locale cache so the steady state is measured, not the first ask.
                app.dispatch(BoltRequest(body=BODY, headers=signed_headers()))
                background.wait_idle(10)
                # Each dispatch with False waits for Bolt's 10 ms ack poll: fewer rounds suffice.
                costs[name] = in_process_cost(app, IN_PROCESS_ROUNDS if pbr else 200)
                with serving(app) as port:
                    latencies, rate = http_latencies(port)
                print(
                    f"{pbr!s:<25}{name:<26}{costs[name] * 1e6:>10.0f}µs"
                    f"{statistics.median(latencies) * 1e3:>9.2f}ms"
                    f"{percentile(latencies, 0.99) * 1e3:>9.2f}ms{rate:>9.0f}"
                )
            bare = costs["bare (acks a constant)"]
            for name in ("g40bot /g40", "g40bot, no answer cache"):
                ratio = costs[name] / bare
                verdict = "within" if ratio <= 1.5 else "OVER"
                print(f"{'':<25}in-process ratio {name} / bare: {ratio:.2f} ({verdict} 1.5)")
            print()
        runtime.close()


if __name__ == "__main__":
    main()
