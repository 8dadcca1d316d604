"""Running `g40bot` in tests: in-process for plain CLI behaviour, a real process where the
point is the installed command itself.

`g40bot(...)` invokes the real click command group (`bot.cli.main`, with its one error
boundary) through click's CliRunner: arguments, piped input and environment as the shell
would pass them, stdout and stderr apart, the exit code. Settings are read from the
environment at each command, so `env` (or monkeypatch) isolates a test as a subprocess's
environment did. What `run()` adds around `main` for operators — log lines on stderr — is
mirrored here, so a test that counts stderr lines still sees a warning that would reach an
operator. Nothing is left behind: the environment, the streams and the `bot` logger's level
are restored after each call.

`installed(...)` runs the console script in a fresh process, for the few smoke tests that
must prove the entry point itself works.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from bot.cli import LOG_FORMAT, main

G40BOT = Path(sys.executable).with_name("g40bot")


@dataclass(frozen=True)
class Outcome:
    """What an operator sees of one command: its exit code, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


class _OperatorsStderr(logging.Handler):
    """`run()`'s logging.basicConfig as the operator sees it: each record on the current
    stderr (the runner's, during a command)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


@contextmanager
def _as_run_logs() -> Iterator[None]:
    root, bot = logging.getLogger(), logging.getLogger("bot")
    handler, bot_level = _OperatorsStderr(), bot.level
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        bot.setLevel(bot_level)  # `serve` and `clock` raise it to INFO for their process


@contextmanager
def _working_directory(folder: Path | None) -> Iterator[None]:
    before = Path.cwd()
    if folder is not None:
        os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def g40bot(
    *args: str,
    stdin: str | None = None,
    env: Mapping[str, str | None] | None = None,
    cwd: Path | None = None,
) -> Outcome:
    """`g40bot ARGS` in this process, with `env` set (None: unset) and in `cwd` (where a
    `.env` would be read) for the call only. An unexpected exception fails the test with its
    traceback, as the command would have printed one."""
    with _as_run_logs(), _working_directory(cwd):
        result = CliRunner().invoke(
            main, list(args), input=stdin, env=env, catch_exceptions=False, prog_name="g40bot"
        )
    return Outcome(result.exit_code, result.stdout, result.stderr)


def only_settings(**values: str) -> dict[str, str | None]:
    """An `env` with these settings and none of the developer's own: every SLACK_, G40_ and
    CONNECTIONS__ (Teams) variable is unset."""
    prefixes = ("SLACK_", "G40_", "CONNECTIONS__")
    unset: dict[str, str | None] = {name: None for name in os.environ if name.startswith(prefixes)}
    return unset | values


def installed(
    *args: str,
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """The installed `g40bot` console script in a fresh process."""
    return subprocess.run(
        [str(G40BOT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
