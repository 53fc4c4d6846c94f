"""Plain-text output of every subcommand passes through :func:`visible` (issue 13.8).

A name, a note or a backup's file name may hold terminal escape sequences; printed raw they
could write the clipboard, retitle the window, draw a fake link or clear the screen. Rather
than cleaning each print, :func:`visible_output` wraps standard output and standard error
while a subcommand runs: every text written is shown with its control characters as
visible symbols (newlines and tabs kept). Bytes written to ``.buffer`` (an export sent to
standard output) are left exactly as they are.

Our own colours (``shell.styled``) still reach the terminal: they are written as
:func:`sgr`, a token no user text can contain (it holds a secret drawn at start), which the
stream turns into the real escape sequence after every other control has been made visible.
"""

from __future__ import annotations

import contextlib
import secrets
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from brilliance.domain.visible_text import visible

_TOKEN = f"\ue000{secrets.token_hex(8)}\ue001"
"""Stands for ESC [ in text we style ourselves; unguessable, so user text cannot forge it."""


def sgr(codes: str) -> str:
    """The escape sequence that sets text styles ``codes`` (``"1;31"``), safe to write."""
    if isinstance(sys.stdout, VisibleStream) or isinstance(sys.stderr, VisibleStream):
        return f"{_TOKEN}{codes}m"
    return f"\x1b[{codes}m"


class VisibleStream:
    """A text stream that shows control characters in what is written to it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text, multiline=True).replace(_TOKEN, "\x1b["))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def visible_output() -> Iterator[None]:
    """While the block runs, ``print`` and ``sys.stdout.write`` show controls as symbols."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = VisibleStream(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = VisibleStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
