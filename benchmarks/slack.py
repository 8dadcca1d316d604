"""Slack answer-path benchmark.

    .venv/bin/python benchmarks/slack.py

A signed `/g40 wie heeft Europa?` through the real g40bot Bolt app versus a bare Bolt app whose
only listener acks a constant, side by side in one run, under both `process_before_response`
settings:

1. in-process: `app.dispatch(BoltRequest)` (signature check, parsing, middleware, listener);
   per-request cost and the ratio real / bare (budget <= 1.5);
2. over HTTP: the real waitress server on a loopback port, 20 concurrent clients with
   keep-alive, a bounded number of requests; p50/p99 latency, requests per second and CPU
   time per request (the clients' and the server's, in this one process). The
   apps take turns over HTTP_ROUNDS rounds, so that a load spike on the machine hits them
   alike, and each figure is the median of its rounds. The budget (DESIGN.md: a question not
   asked before costs at most 2x a bare Bolt ack) is checked on the HTTP p50, and on the CPU
   time per request, which other programs on a busy machine do not disturb.

The g40bot apps run on the runtime `g40bot serve slack` builds (serving, answering while a
saved edit is read).

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
from waitress.server import create_server

from bot.platforms.slack.app import create_slack_app
from bot.platforms.slack.client import build_web_client
from bot.runtime import Runtime
from bot.settings import Settings
from tests.fake_slack import running_fake_slack
from tests.test_slack import running

SECRET = "benchmark-signing-secret"
BARE = "bare (acks a constant)"
NO_CACHE = "g40bot, no answer cache"
IN_PROCESS_ROUNDS = 2_000
HTTP_REQUESTS = 1_200
HTTP_ROUNDS = 3
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
    """The app behind waitress as `serve slack` runs it (16 threads), stopped as the tests
    stop theirs (workers first, then the loop from inside)."""
    server = create_server(SlackRequestHandler(app), host="127.0.0.1", port=0, threads=16)
    with running(server):
        yield int(server.effective_port)


def http_latencies(port: int) -> tuple[list[float], float, float]:
    """Per-request latencies, requests/second and CPU seconds per request (this process's,
    clients and server together: what another program's load on the machine does not
    change) for HTTP_REQUESTS over CONCURRENCY clients."""
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
    start, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return latencies, len(latencies) / elapsed, cpu / len(latencies)


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
        runtime = Runtime(settings, serving=True, answer_while_reading=True)
        background = runtime.background
        builders: dict[str, Callable[[bool], App]] = {
            BARE: lambda pbr: bare_app(settings, pbr),
            "g40bot /g40": lambda pbr: create_slack_app(
                settings, runtime, process_before_response=pbr
            ),
            # Every request renders the answer afresh: what a never-asked-before question costs.
            NO_CACHE: lambda pbr: create_slack_app(
                settings, runtime, process_before_response=pbr, answer_cache_size=0
            ),
        }
        print(f"In-process: {IN_PROCESS_ROUNDS} dispatches (200 with False); HTTP: {HTTP_ROUNDS}")
        print(f"rounds of {HTTP_REQUESTS} requests from {CONCURRENCY} concurrent keep-alive")
        print("clients, waitress 16 threads (medians of the rounds).\n")
        header = f"{'process_before_response':<25}{'app':<24}{'in-process':>12}"
        print(header + f"{'HTTP p50':>11}{'HTTP p99':>11}{'req/s':>9}{'CPU/req':>11}")
        for pbr in (True, False):
            apps = {name: build(pbr) for name, build in builders.items()}
            costs: dict[str, float] = {}
            for name, app in apps.items():
                # Seed the locale cache so the steady state is measured, not the first ask.
                app.dispatch(BoltRequest(body=BODY, headers=signed_headers()))
                background.wait_idle(10)
                # Each dispatch with False waits for Bolt's 10 ms ack poll: fewer rounds suffice.
                costs[name] = in_process_cost(app, IN_PROCESS_ROUNDS if pbr else 200)
            rounds: dict[str, list[tuple[float, ...]]] = {name: [] for name in apps}
            for _ in range(HTTP_ROUNDS):
                for name, app in apps.items():
                    with serving(app) as port:
                        latencies, rate, cpu = http_latencies(port)
                    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
                    rounds[name].append((p50, p99, rate, cpu))
            p50s = {name: statistics.median(r[0] for r in rounds[name]) for name in apps}
            cpus = {name: statistics.median(r[3] for r in rounds[name]) for name in apps}
            for name in apps:
                p99 = statistics.median(r[1] for r in rounds[name])
                rate = statistics.median(r[2] for r in rounds[name])
                print(
                    f"{pbr!s:<25}{name:<26}{costs[name] * 1e6:>10.0f}µs"
                    f"{p50s[name] * 1e3:>9.2f}ms{p99 * 1e3:>9.2f}ms{rate:>9.0f}"
                    f"{cpus[name] * 1e6:>9.0f}µs"
                )
            for name in ("g40bot /g40", NO_CACHE):
                ratio = costs[name] / costs[BARE]
                print(f"{'':<25}in-process ratio {name} / bare: {ratio:.2f}")
            ratio = p50s[NO_CACHE] / p50s[BARE]
            verdict = "within" if ratio <= 2 else "OVER"
            pairs = zip(rounds[NO_CACHE], rounds[BARE], strict=True)
            each = ", ".join(f"{mine[0] / bare[0]:.2f}" for mine, bare in pairs)
            print(
                f"{'':<25}HTTP p50 ratio {NO_CACHE} / bare: {ratio:.2f} ({verdict} 2; "
                f"rounds {each})"
            )
            ratio = cpus[NO_CACHE] / cpus[BARE]
            verdict = "within" if ratio <= 2 else "OVER"
            label = f"HTTP CPU per request ratio {NO_CACHE} / bare"
            print(f"{'':<25}{label}: {ratio:.2f} ({verdict} 2)")
            print()
        runtime.close()


if __name__ == "__main__":
    main()
