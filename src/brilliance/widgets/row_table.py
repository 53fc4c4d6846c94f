"""A DataTable with a row cursor whose moves redraw only the two rows that change.

Textual's DataTable keys its cache of rendered lines on the cursor's coordinate, so every move of
the cursor renders every visible line again from its cells: about 15 ms a key for a 35-line
List, more than a frame at 60 Hz (see benchmarks/NOTES.md). With a row cursor, a line only
depends on whether *its own* row holds the cursor (or the mouse), so this table keys its caches
on that instead, and a move re-renders two lines while the rest come from the cache.

It overrides two private methods of DataTable; Textual is pinned to one exact version in
pyproject.toml, and ``tests/tui/test_row_table.py`` checks that every line drawn is the same as
the stock DataTable's.
"""

from __future__ import annotations

from itertools import chain
from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual._segment_tools import line_crop
from textual._types import SegmentLines
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

CellType = TypeVar("CellType")

ELSEWHERE = Coordinate(-2, 0)
"""Stands for "on another row": no line is drawn for row -2 (the header is row -1)."""


class RowCursorTable(DataTable[CellType]):
    """A DataTable for ``cursor_type="row"`` that redraws only the rows a cursor move touches."""

    def _row_index(self, row_key: RowKey) -> int:
        index = self._row_locations.get(row_key)
        return -1 if index is None else index  # the header row is not in _row_locations

    def _seen_from(self, location: Coordinate, row_index: int) -> Coordinate:
        """``location`` as far as drawing row ``row_index`` is concerned."""
        if self.cursor_type != "row" or location.row == row_index:
            return location
        return ELSEWHERE

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        row_index = self._row_index(row_key)
        return super()._render_line_in_row(
            row_key,
            line_no,
            base_style,
            self._seen_from(cursor_location, row_index),
            self._seen_from(hover_location, row_index),
        )

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        # DataTable._render_line, with the cursor and hover in the cache key as this row sees
        # them rather than as coordinates.
        width = self.size.width
        try:
            row_key, y_offset_in_row = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        row_index = self._row_index(row_key)
        cursor = self._seen_from(self.cursor_coordinate, row_index)
        hover = self._seen_from(self.hover_coordinate, row_index)
        cache_key = (
            y,
            x1,
            x2,
            width,
            cursor,
            hover,
            base_style,
            self.cursor_type,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        if cache_key in self._line_cache:
            return self._line_cache[cache_key]
        fixed, scrollable = self._render_line_in_row(
            row_key,
            y_offset_in_row,
            base_style,
            cursor_location=cursor,
            hover_location=hover,
        )
        fixed_width = sum(
            column.get_render_width(self) for column in self.ordered_columns[: self.fixed_columns]
        )
        fixed_line: list[Segment] = list(chain.from_iterable(fixed)) if fixed else []
        scrollable_line: list[Segment] = list(chain.from_iterable(scrollable))
        segments = fixed_line + line_crop(scrollable_line, x1 + fixed_width, x2, width)
        strip = Strip(segments).adjust_cell_length(width, base_style).simplify()
        self._line_cache[cache_key] = strip
        return strip
