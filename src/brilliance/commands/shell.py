"""Habits every subcommand shares: exit statuses, plain or coloured text, JSON on stdout.

Light on purpose (standard library only): ``brilliance note`` imports it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Styled:
    """A piece of a line shown in a style when colour is on (see :class:`Lines`)."""

    text: str
    styles: tuple[str, ...]


def styled(text: str, *styles: str) -> Styled:
    return Styled(text, styles)


class Lines:
    """Prints lines made of pieces, coloured only when :func:`use_colour` says so.

    Every piece is made visible (control characters from user text shown as symbols, as
    issue 13 asks of all output); our own colour codes are written with
    :func:`~brilliance.commands.output.sgr`, which the output's control filter lets through.
    """

    def __init__(self, colour: bool | None = None) -> None:
        self.colour = use_colour() if colour is None else colour

    def render(self, piece: str | Styled) -> str:
        from brilliance.commands.output import sgr
        from brilliance.domain.visible_text import visible

        if isinstance(piece, str):
            return visible(piece, multiline=True)
        text = visible(piece.text, multiline=True)
        if not self.colour or not piece.styles:
            return text
        return sgr(";".join(_STYLES[s] for s in piece.styles)) + text + sgr("0")

    def __call__(self, *pieces: str | Styled) -> None:
        line = "".join(self.render(piece) for piece in pieces)
        sys.stdout.write(line.rstrip(" ") + "\n")


def print_json(kind: str, payload: dict[str, Any]) -> None:
    """One JSON document on stdout: ``{"schema": N, "kind": kind, ...payload}``."""
    import json  # here, not above: `brilliance note` never prints JSON

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
