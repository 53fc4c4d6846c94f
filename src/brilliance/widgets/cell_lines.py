"""One line of a table cell drawn and measured as Rich would, without its general machinery.

A cell that is one line of ``Text`` is drawn straight into the segments Rich would give for it
(DataTable goes through ``Padding``, wrapping and line splitting for each), and measured with one
console rather than a fresh ``ConsoleOptions`` for every cell (issue 19). Used by
``widgets.quick_table``; ``tests/tui/test_row_table_drawing.py`` compares both with Rich.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, OverflowMethod, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import DEFAULT_OVERFLOW, Text
from textual.render import measure

NEWLINE = Text("\n")
PLAIN_JUSTIFY = (None, "default")
"""Justifications that leave a line of text as it is (others pad it: Rich draws those)."""


def content_width(console: Console, renderable: RenderableType) -> int:
    """What ``textual.render.measure`` gives for a cell, without its per-call console options."""
    if isinstance(renderable, Text):
        lines = renderable.plain.splitlines()
        return max(cell_len(line) for line in lines) if lines else 0
    return measure(console, renderable, 1)


def one_line(
    console: Console,
    cell: RenderableType,
    width: int,
    padding: int,
    pre: Style,
    post: Style,
    overflow: OverflowMethod | None = None,
) -> list[Segment] | None:
    """The segments Rich draws for ``Styled(Padding(cell, (0, padding)), pre, post)`` on one line
    ``width`` cells wide and not wrapped, when ``cell`` is one line of ``Text`` (cut to the
    column as Rich cuts it, by the cell's or else ``overflow``); None otherwise."""
    if not isinstance(cell, Text) or cell.justify not in PLAIN_JUSTIFY:
        return None
    plain = cell.plain
    inner = width - 2 * padding
    if "\n" in plain or "\t" in plain or inner < 1:
        return None
    length = cell_len(plain)
    if length > inner:
        method = cell.overflow or overflow or DEFAULT_OVERFLOW
        if cell.no_wrap is False or method == "ignore":
            return None
        cell = cell.copy()
        cell.truncate(inner, overflow=method)
        length = cell_len(cell.plain)
    # Text.__rich_console__ joins its lines, which turns the text's own style into a span.
    segments = list(NEWLINE.join([cell]).render(console))
    null = Style.null()
    if padding:
        segments.insert(0, Segment(" " * padding, null))
    if length < inner:
        segments.append(Segment(" " * (inner - length), null))
    if padding:
        segments.append(Segment(" " * padding, null))
    return list(Segment.apply_style(segments, style=pre, post_style=post))
