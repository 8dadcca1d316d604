"""Flood benchmark: the real servers under oversized and forged requests.

    .venv/bin/python benchmarks/flood.py [--requests 400] [--concurrency 16] [--megabytes 100]

Starts `g40bot serve slack` (waitress, exactly as deployed) and `g40bot serve teams` (aiohttp,
authentication on) as subprocesses on loopback ports, so the resident memory measured is the
server's own, then floods each with

- oversized: POSTs declaring --megabytes of body, which the client keeps sending until the
  server answers (unsigned / without a token);
- oversized, chunked: the same size without a Content-Length;
- forged: small POSTs with a timestamp that is not a number (Slack) or a token with alg=none
  and no key id (Teams) — the requests that used to reach the error handler or the SDK's 500;

and then Teams in anonymous mode (local testing only, no token needed) with both oversized
scenarios, where the body is read: the size limit alone bounds it.

Each scenario runs --requests requests over --concurrency clients and prints the statuses, the
p50/p99 latency and the server's RSS before and after (VmRSS) and its peak (VmHWM). Slack's
auth.test at start goes to the local fake Slack (tests/fake_slack.py); nothing leaves the
machine. Linux only (/proc). Run it against another checkout with PYTHONPATH=<its root>.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fake_slack import running_fake_slack

SECRET = "flood-signing-secret"
CLIENT_ID = "00000000-1111-2222-3333-444444444444"
CHUNK = b"A" * (64 * 1024)


@dataclass(frozen=True)
class Request:
    """What one client sends: the head, then `body_bytes` of body (chunked or not)."""

    head: bytes
    body_bytes: int
    chunked: bool = False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.split()[0] if value.split() else "0"
    return int(fields["VmRSS"]), int(fields["VmHWM"])


def one(port: int, request: Request) -> tuple[int, float]:
    """Sends the request, keeps sending its body until the server answers or closes, and
    returns (status, seconds until the status line arrived)."""
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        answered = threading.Event()

        def feed() -> None:
            left = request.body_bytes
            try:
                while left > 0 and not answered.is_set():
                    piece = CHUNK[: min(left, len(CHUNK))]
                    if request.chunked:
                        connection.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                    else:
                        connection.sendall(piece)
                    left -= len(piece)
                if request.chunked and not answered.is_set():
                    connection.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server answered and closed: that is the point

        connection.sendall(request.head)
        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        received = b""
        while b"\r\n" not in received:
            try:
                data = connection.recv(4096)
            except OSError:
                break
            if not data:
                break
            received += data
        elapsed = time.perf_counter() - start
        answered.set()
        with contextlib.suppress(OSError):
            connection.shutdown(socket.SHUT_RDWR)  # unblocks a send the server never reads
        feeder.join(60)
    parts = received.split(b" ", 2)
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return status, elapsed


def flood(
    port: int, request: Request, requests: int, concurrency: int
) -> tuple[Counter[int], list[float]]:
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def client() -> None:
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            status, elapsed = one(port, request)
            with lock:
                statuses[status] += 1
                latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@contextmanager
def server(
    command: str, env: dict[str, str], port: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`g40bot serve <command>`, its output in `log` (a pipe nobody reads would block it)."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", "from bot.cli import run; run()", "serve", command],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"serve {command} stopped: {log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"serve {command} did not listen on {port}") from None
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def slack_requests(size: int) -> dict[str, Request]:
    forged_body = json.dumps(
        {
            "type": "event_callback",
            "event": {"type": "app_mention", "channel": "C0VICTIM", "text": "x", "ts": "1.2"},
            "response_url": "http://127.0.0.1:9/victim",
        }
    ).encode()
    unsigned = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": "0"}
    forged = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": "abc",
        "X-Slack-Signature": "v0=" + "0" * 64,
        "Content-Length": str(len(forged_body)),
    }
    return {
        "oversized": Request(
            head("/slack/events", {**unsigned, "Content-Length": str(size)}), size
        ),
        "oversized, chunked": Request(
            head("/slack/events", {**unsigned, "Transfer-Encoding": "chunked"}), size, True
        ),
        "forged timestamp": Request(head("/slack/events", forged) + forged_body, 0),
    }


def teams_requests(size: int) -> dict[str, Request]:
    def segment(document: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()

    token = f"{segment({'alg': 'none', 'typ': 'JWT'})}.{segment({'aud': CLIENT_ID})}."
    activity = json.dumps(
        {"type": "message", "text": "x", "conversation": {"id": "a"}, "serviceUrl": "http://x/"}
    ).encode()
    json_type = {"Content-Type": "application/json"}
    forged = {**json_type, "Authorization": f"Bearer {token}", "Content-Length": str(len(activity))}
    return {
        "oversized": Request(
            head("/api/messages", {**json_type, "Content-Length": str(size)}), size
        ),
        "oversized, chunked": Request(
            head("/api/messages", {**json_type, "Transfer-Encoding": "chunked"}), size, True
        ),
        "forged token": Request(head("/api/messages", forged) + activity, 0),
    }


def run(
    name: str,
    process: subprocess.Popen[bytes],
    port: int,
    scenarios: dict[str, Request],
    requests: Callable[[str], int],
    concurrency: int,
) -> None:
    for scenario, request in scenarios.items():
        before, _ = memory_kib(process.pid)
        count = requests(scenario)
        started = time.perf_counter()
        statuses, latencies = flood(port, request, count, concurrency)
        elapsed = time.perf_counter() - started
        after, peak = memory_kib(process.pid)
        shown = ", ".join(f"{status}×{n}" for status, n in sorted(statuses.items()))
        print(
            f"{name:<7}{scenario:<20}{count:>6}{concurrency:>5}  {shown:<14}"
            f"{statistics.median(latencies) * 1e3:>9.1f}{percentile(latencies, 0.99) * 1e3:>9.1f}"
            f"{before / 1024:>9.1f}{after / 1024:>8.1f}{peak / 1024:>8.1f}{elapsed:>7.1f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--megabytes", type=int, default=100, help="size of an oversized body")
    parser.add_argument(
        "--oversized-requests",
        type=int,
        help="requests per oversized scenario (default: --requests)",
    )
    options = parser.parse_args()
    size = options.megabytes * 1024 * 1024

    def requests(scenario: str) -> int:
        if scenario.startswith("oversized") and options.oversized_requests is not None:
            return int(options.oversized_requests)
        return int(options.requests)

    print(
        f"{'server':<7}{'scenario':<20}{'reqs':>6}{'conc':>5}  {'statuses':<14}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'RSS MiB':>9}{'after':>8}{'peak':>8}{'secs':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp, running_fake_slack() as fake:
        base = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SLACK_", "G40_", "CONNECTIONS__", "DATABASE_URL", "PORT"))
        }
        base |= {"G40_WORKBOOK": str(Path(tmp) / "werkboek.xlsx")}
        slack_port = free_port()
        slack_env = base | {
            "DATABASE_URL": f"sqlite:///{tmp}/slack.db",
            "SLACK_API_URL": fake.api_url,
            "SLACK_BOT_TOKEN": "xoxb-flood",
            "SLACK_SIGNING_SECRET": SECRET,
            "PORT": str(slack_port),
        }
        with server("slack", slack_env, slack_port, Path(tmp) / "slack.log") as process:
            time.sleep(1)  # let start-up work (the first sheet read) settle
            run("slack", process, slack_port, slack_requests(size), requests, options.concurrency)
        teams_port = free_port()
        settings = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
        teams_env = base | {
            "DATABASE_URL": f"sqlite:///{tmp}/teams.db",
            f"{settings}CLIENTID": CLIENT_ID,
            f"{settings}CLIENTSECRET": "flood-secret",
            f"{settings}TENANTID": "flood-tenant",
            "PORT": str(teams_port),
        }
        with server("teams", teams_env, teams_port, Path(tmp) / "teams.log") as process:
            time.sleep(1)
            run("teams", process, teams_port, teams_requests(size), requests, options.concurrency)
        # Anonymous mode (local testing only) reads bodies without a token: the size limit
        # is all that stands between a flood and memory there.
        anonymous_env = base | {
            "DATABASE_URL": f"sqlite:///{tmp}/anonymous.db",
            f"{settings}ANONYMOUS_ALLOWED": "true",
            "PORT": str(teams_port),
        }
        oversized = {k: v for k, v in teams_requests(size).items() if k.startswith("oversized")}
        with server("teams", anonymous_env, teams_port, Path(tmp) / "anonymous.log") as process:
            time.sleep(1)
            run("anon", process, teams_port, oversized, requests, options.concurrency)


if __name__ == "__main__":
    main()
