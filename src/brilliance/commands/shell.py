"""Habits every subcommand shares: exit statuses, plain or coloured text, JSON on stdout.

Light on purpose (standard library only): ``brilliance note`` imports it.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

EXIT_OK = 0
"""Done."""
EXIT_REFUSED = 1
"""Not found (no such person, no data yet), or refused (the folder is open elsewhere)."""
EXIT_USAGE = 2
"""The command line was wrong (argparse uses 2 as well)."""
EXIT_DATA = 3
"""A problem with the data file: damaged, from a newer version, or it could not be saved."""

EXIT_STATUSES = """exit status:
  0  done
  1  not found (no such person, no data yet) or refused (the folder is open elsewhere)
  2  usage: an unknown flag, a missing or malformed argument
  3  a problem with the data file (damaged, newer format, not saved); see brilliance doctor"""

JSON_SCHEMA_VERSION = 1
"""The ``"schema"`` field of every ``--json`` output; raised when a shape changes."""


class CommandError(Exception):
    """A command stops with a message for standard error and an exit status."""

    def __init__(self, message: str, status: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def use_colour(stream: TextIO | None = None) -> bool:
    """Colour only for a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    stream = sys.stdout if stream is None else stream
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_STYLES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


def styled(text: str, *styles: str, colour: bool) -> str:
    """``text`` wrapped in ANSI styles when ``colour`` is on, else unchanged."""
    if not colour or not styles:
        return text
    codes = ";".join(_STYLES[s] for s in styles)
    return f"\x1b[{codes}m{text}\x1b[0m"


def print_json(kind: str, payload: dict[str, Any]) -> None:
    """One JSON document on stdout: ``{"schema": N, "kind": kind, ...payload}``."""
    document = {"schema": JSON_SCHEMA_VERSION, "kind": kind, **payload}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def add_json_flag(parser: Any) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON document on standard output (its shape: docs/json/ in the source)",
    )


def say(message: str) -> None:
    """A message for the person at the terminal, on standard error (stdout carries data)."""
    print(message, file=sys.stderr)
