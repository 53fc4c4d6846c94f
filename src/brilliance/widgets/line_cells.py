"""A table's line drawn straight into segments: cells at known widths, in a row's styles (and
the rules of those styles, LOOK_CSS).

Used by :class:`~brilliance.widgets.line_table.LineTable`. A cell is a ``str`` (plain text, never
markup) or one line of Rich ``Text``; it is drawn as Textual's DataTable draws a one-line cell
(one space of padding each side, the text cut to the column, the row's style under the text's
own and the cursor's colour over it), without a Console round-trip for a cell without spans.
``tests/tui/test_line_table_look.py`` compares whole lines with the stock DataTable's.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

Cell = Text | str
PADDING = 1
"""Spaces on each side of a cell, as DataTable's default ``cell_padding``."""

LOOK_CSS = """
LineTable {
    background: $surface;
    color: $foreground;
    height: auto;
    max-height: 100%;

    &:focus {
        background-tint: $foreground 5%;
        & > .line-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .line-table--header {
            background-tint: $foreground 5%;
        }
    }
    &:dark {
        & > .line-table--even-row {
            background: $surface-darken-1 40%;
        }
    }
    & > .line-table--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    &:ansi > .line-table--header {
        background: ansi_bright_blue;
        color: ansi_default;
    }
    & > .line-table--even-row {
        background: $surface-lighten-1 50%;
    }
    & > .line-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    & > .line-table--header-hover {
        background: $accent 30%;
    }
    & > .line-table--hover {
        background: $block-hover-background;
    }
}
"""
"""DataTable's rules (textual 8.2.8's DEFAULT_CSS) for the parts a LineTable has, under its names:
the same colours in every theme."""


class Look(NamedTuple):
    """The styles of one kind of line: under its cells' text, over it, past the last column,
    and of the spaces around the text (``pre + post``)."""

    pre: Style
    post: Style
    extend: Style
    gap: Style

    @classmethod
    def of(cls, pre: Style, post: Style, extend: Style) -> Look:
        return cls(pre, post, extend, pre + post)


def look_of(table: Widget, kind: str, cursor: bool, hover: bool) -> Look:
    """DataTable's styles for a line of ``kind`` (header, even-row, odd-row) with or without
    the cursor and the hover, from ``table``'s component classes ``line-table--*``."""
    component = table.get_component_rich_style
    row = table.get_component_styles(f"line-table--{kind}").rich_style
    over = Style()
    if hover:
        over += component("line-table--hover")
        if kind == "header":
            over += component("line-table--header-hover")
    if cursor:
        over += component("line-table--cursor")
    post = Style.from_color(color=over.color)  # the cursor's colour over the text's own
    return Look.of(row + over, post, row + over)


def plain_cell(cell: Cell) -> str:
    """The characters of ``cell`` on one line (tabs and line breaks as spaces), control codes
    as Rich's ``Text`` holds them (a ``Text`` already did it when made): shown as symbols in
    the app (``widgets/visible_controls.py``), never sent to the terminal raw."""
    text = strip_control_codes(cell) if isinstance(cell, str) else cell.plain
    if "\n" in text or "\t" in text:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def cell_width(cell: Cell) -> int:
    """How many columns ``cell`` takes on screen, without padding."""
    return cell_len(plain_cell(cell))


def cut(plain: str, width: int, ellipsis: bool) -> str:
    """``plain`` in at most ``width`` columns: cut as DataTable cuts a cell (no mark), or with
    an ellipsis in the last column."""
    if len(plain) == cell_len(plain):  # one column a character: the common case, no graphemes
        return plain[: width - 1] + "…" if ellipsis and width > 0 else plain[:width]
    return (
        set_cell_size(plain, width - 1) + "…"
        if ellipsis and width > 0
        else set_cell_size(plain, width)
    )


def text_segments(console: Console, cell: Text, plain: str, look: Look) -> list[Segment]:
    """The segments of ``plain`` (the cell's characters, maybe cut) in the cell's own style and
    its spans' styles (combined in order, as Rich's ``Text.render``), under ``look``."""
    pre, post = look.pre, look.post
    own = cell.style if isinstance(cell.style, Style) else console.get_style(cell.style)
    end = len(plain)
    spans = [
        (span.start, min(span.end, end), span.style)
        for span in cell.spans
        if span.start < min(span.end, end)
    ]
    edges = sorted({0, end, *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    segments: list[Segment] = []
    for a, b in pairwise(edges):
        style = own
        for start, stop, span_style in spans:
            if start <= a and b <= stop:
                style += (
                    span_style if isinstance(span_style, Style) else console.get_style(span_style)
                )
        segments.append(Segment(plain[a:b], pre + style + post))
    return segments


def draw_cell(
    console: Console, cell: Cell, width: int, look: Look, padding: int = PADDING
) -> list[Segment]:
    """The segments of ``cell`` in a column ``width`` wide (without ``padding``): padded with
    spaces, or cut to the width when longer (with an ellipsis when the ``Text`` asks for one)."""
    plain = plain_cell(cell)
    length = cell_len(plain)
    if length > width:
        plain = cut(plain, width, isinstance(cell, Text) and cell.overflow == "ellipsis")
        length = cell_len(plain)
    gap = look.gap
    before, fill = " " * padding, " " * (width - length + padding)
    if isinstance(cell, str) or not (cell.style or cell.spans):
        return [Segment(f"{before}{plain}{fill}", gap)]
    return [Segment(before, gap), *text_segments(console, cell, plain, look), Segment(fill, gap)]


def draw_line(
    console: Console,
    cells: Sequence[Cell],
    widths: Sequence[int],
    look: Look,
    room: int,
    end: int | None = None,
    padding: int = PADDING,
) -> list[Segment]:
    """One row's segments: each cell at its column's width, then ``look.extend`` over what is
    left of ``room`` columns (the widget's width) past the last column; neighbours in the same
    style are one segment. Cells that start at or past column ``end`` are left out (off screen)."""
    segments: list[Segment] = []
    used = 0
    for cell, width in zip(cells, widths, strict=False):
        if end is not None and used >= end:
            break
        for segment in draw_cell(console, cell, width, look, padding):
            if segments and segments[-1].style is segment.style:
                segments[-1] = Segment(segments[-1].text + segment.text, segment.style)
            else:
                segments.append(segment)
        used += width + 2 * padding
    if room > used:
        segments.append(Segment(" " * (room - used), look.extend))
    return segments


def first_columns(segments: list[Segment], width: int) -> list[Segment]:
    """``segments`` cut after ``width`` columns (what a Strip's crop gives from column 0)."""
    used = 0
    for index, segment in enumerate(segments):
        length = segment.cell_length
        if used + length >= width:
            if used + length > width:
                segments[index] = segment.split_cells(width - used)[0]
            del segments[index + 1 :]
            break
        used += length
    return segments
