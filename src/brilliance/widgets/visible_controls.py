"""Every widget shows control characters in user text as visible symbols (issue 13.8).

Textual's ``Content`` and Rich's ``Text`` already drop five control codes (bell, backspace,
vertical tab, form feed, carriage return) from everything they hold, through one translate
table each, but pass ESC and the rest to the terminal: a name holding ``ESC [2J`` cleared the
screen under the List. Rather than remembering to clean every one of the hundred places that
show a name or a note, :func:`install` puts the visible symbols of
:mod:`brilliance.domain.visible_text` into those two tables, so *every* piece of text any
widget draws is covered, ours or Textual's. Each control becomes one symbol (except the
five the libraries drop), so the offsets of styled spans stay right.

Textual is pinned to one exact version (pyproject.toml); ``tests/tui/test_visible_controls.py``
fails if a new version stops using these tables.
"""

from __future__ import annotations

from typing import Any

import rich.control
import textual.content

from brilliance.domain.visible_text import CONTROL_PICTURES


def _tables() -> list[dict[int, Any]]:
    return [textual.content._CONTROL_STRIP_TRANSLATE, rich.control._CONTROL_STRIP_TRANSLATE]


def install() -> None:
    """Make every control character visible in all text drawn from now on (idempotent)."""
    for table in _tables():
        for code, picture in CONTROL_PICTURES.items():
            if code not in table:  # the five the libraries drop stay dropped
                table[code] = picture
