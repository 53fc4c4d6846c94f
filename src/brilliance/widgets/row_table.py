"""A DataTable with a row cursor whose moves redraw only the two rows that change.

Textual's DataTable keys its cache of rendered lines on the cursor's coordinate, so every move of
the cursor renders every visible line again from its cells: about 15 ms a key for a 35-line
List, more than a frame at 60 Hz (see benchmarks/NOTES.md). With a row cursor, a line only
depends on whether *its own* row holds the cursor (or the mouse), so this table keys its caches
on that instead, and a move re-renders two lines while the rest come from the cache.

It keeps the lines it drew while rows are added below them, and fills itself the visible rows
first (issue 19); its cells are drawn by :class:`~brilliance.widgets.quick_table.QuickTable`.

It overrides private methods of DataTable; Textual is pinned to one exact version in
pyproject.toml, and ``tests/tui/test_row_table.py`` checks that every line drawn is the same as
the stock DataTable's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from typing import Self, TypeVar, cast

from rich.segment import Segment
from rich.style import Style
from rich.text import TextType
from textual._segment_tools import line_crop
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets.data_table import RowKey

from brilliance.widgets.quick_table import QuickTable

CellType = TypeVar("CellType")
Item = TypeVar("Item")

ELSEWHERE = Coordinate(-2, 0)
"""Stands for "on another row": no line is drawn for row -2 (the header is row -1)."""

FIRST_ROWS = 50
"""Rows a fill adds before the frame that follows it: more than a screenful."""
CHUNK_ROWS = 100
"""Rows a fill adds in each later frame, until every row is there."""


class RowCursorTable(QuickTable[CellType]):
    """A DataTable for ``cursor_type="row"`` that redraws only the rows a cursor move touches,
    and keeps the lines it drew while rows are added below them (a list filled a chunk a frame
    would otherwise draw every visible line again for each chunk)."""

    _appended = 0
    """How many of DataTable's changes (``_update_count``) were rows added at the end."""
    _fills = 0
    """Counts fills and clears, so that the rest of a fill replaced by a newer one is dropped."""
    _filling = False

    @property
    def filling(self) -> bool:
        """Whether rows of the last fill are still to come (in the next frames)."""
        return self._filling

    def fill(
        self,
        keys: Sequence[str],
        items: Sequence[Item],
        cells: Callable[[Item], Sequence[CellType]],
        keep: str | None = None,
    ) -> None:
        """Replace the rows with one row per item, keyed ``keys[i]`` and holding
        ``cells(items[i])``, and put the cursor on the row keyed ``keep`` if there is one.

        Draws what is visible first (issue 19): the rows up to a screenful past the cursor are
        added before the next frame, the rest a chunk a frame after it, so neither that frame
        nor the next key waits for hundreds of rows. A newer fill (or a clear) drops what is
        left of an older one.
        """
        self.clear()
        first = FIRST_ROWS
        cursor = keys.index(keep) if keep is not None and keep in keys else None
        if cursor is not None:
            first = max(first, cursor + FIRST_ROWS)
        self._add_chunk(self._fills, keys, items, cells, 0, first)
        if cursor is not None:
            self.move_cursor(row=cursor, animate=False)

    def _add_chunk(
        self,
        fill: int,
        keys: Sequence[str],
        items: Sequence[Item],
        cells: Callable[[Item], Sequence[CellType]],
        start: int,
        count: int,
    ) -> None:
        if fill != self._fills or not self.is_mounted:  # a newer fill replaced the rows
            return
        end = min(len(items), start + count)
        for index in range(start, end):
            self.add_row(*cells(items[index]), key=keys[index])
        self._filling = end < len(items)
        if self._filling:  # a frame (and the keys waiting) between chunks
            self.call_after_refresh(self._add_chunk, fill, keys, items, cells, end, CHUNK_ROWS)

    def clear(self, columns: bool = False) -> Self:
        self._fills += 1
        self._filling = False
        return super().clear(columns)

    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        row_key = super().add_row(*cells, height=height, key=key, label=label)
        if height == 1 and label is None:  # a row of its own below the others: no line above
            self._appended += 1  # it changes, unless it widens a column (in the line's key)
        return row_key

    @property
    def _lines(self) -> LRUCache[tuple[object, ...], Strip]:
        """DataTable's line cache (cleared whenever DataTable clears it), with this table's keys."""
        return cast("LRUCache[tuple[object, ...], Strip]", self._line_cache)

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
        # them rather than as coordinates, and rows added below not changing the key.
        width = self.size.width
        try:
            row_key, y_offset_in_row = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        row_index = self._row_index(row_key)
        cursor = self._seen_from(self.cursor_coordinate, row_index)
        hover = self._seen_from(self.hover_coordinate, row_index)
        cache_key = (
            row_key,
            y,
            x1,
            x2,
            width,
            cursor,
            hover,
            base_style,
            self.cursor_type,
            self._show_hover_cursor,
            self._update_count - self._appended,
            tuple(column.get_render_width(self) for column in self.ordered_columns),
            self._pseudo_class_state,
        )
        lines = self._lines
        cached = lines.get(cache_key)
        if cached is not None:
            return cached
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
        lines[cache_key] = strip
        return strip
