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
"""Rows a fill adds past the cursor before the frame that follows it while the table has no
size yet; once it has, a screenful and ``MARGIN_ROWS``."""
MARGIN_ROWS = 10
CHUNK_ROWS = 50
"""Rows a fill adds in each later frame, until every row is there (about 4 ms at 10 years:
a key that comes meanwhile waits at most that long)."""
REST_AFTER = 0.1
"""Seconds a fill waits before it adds the rows out of view: a key typed meanwhile (a filter
or a search as you type) replaces them before any is built. Rows scrolled to come at once."""


class RowCursorTable(QuickTable[CellType]):
    """A DataTable for ``cursor_type="row"`` that redraws only the rows a cursor move touches,
    and keeps the lines it drew while rows are added below them (a list filled a chunk a frame
    would otherwise draw every visible line again for each chunk)."""

    _appended = 0
    """How many of DataTable's changes (``_update_count``) were rows added at the end."""
    _fills = 0
    """Counts fills and clears, so that the rest of a fill replaced by a newer one is dropped."""
    _rest: tuple[Sequence[str], Sequence[object], Callable[[object], Sequence[CellType]]] | None
    _rest = None
    """The keys, items and cell maker of the fill under way, while rows are still to come."""
    _added = 0
    """How many rows of the fill under way are in the table."""

    @property
    def filling(self) -> bool:
        """Whether rows of the last fill are still to come (in the next frames)."""
        return self._rest is not None

    def fill(
        self,
        keys: Sequence[str],
        items: Sequence[Item],
        cells: Callable[[Item], Sequence[CellType]],
        keep: str | None = None,
    ) -> None:
        """Replace the rows with one row per item, keyed ``keys[i]`` and holding
        ``cells(items[i])``, and put the cursor on the row keyed ``keep`` if there is one.

        Draws what is visible first (issue 19): the rows up to a screenful past the cursor
        are added before the next frame; the rest when they scroll into view, or a chunk a
        frame once no key has come for ``REST_AFTER`` seconds. A newer fill (or a clear)
        drops what is left of an older one.
        """
        self.clear()
        self._rest = (keys, items, cast("Callable[[object], Sequence[CellType]]", cells))
        self._added = 0
        cursor = keys.index(keep) if keep is not None and keep in keys else None
        height = self.size.height
        self.add_rows_through((cursor or 0) + (height + MARGIN_ROWS if height else FIRST_ROWS))
        self._measure_new_rows()
        if cursor is not None:
            self.move_cursor(row=cursor, animate=False)
        if self._rest is not None:
            fill = self._fills
            self.set_timer(REST_AFTER, lambda: self._add_chunk(fill))

    def add_rows_through(self, end: int) -> None:
        """Add the fill's rows up to (not including) row ``end``, if they are still to come."""
        if self._rest is None:
            return
        keys, items, cells = self._rest
        end = min(len(items), end)
        for index in range(self._added, end):
            self.add_row(*cells(items[index]), key=keys[index])
        self._added = max(self._added, end)
        if self._added >= len(items):
            self._rest = None

    def _measure_new_rows(self) -> None:
        """Size the columns and the scrollable height for the rows just added, as DataTable
        does when it is next idle, but before the frame: that frame then draws them at their
        widths, with one layout, rather than drawing them and then again once measured."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def _add_chunk(self, fill: int) -> None:
        if fill != self._fills or not self.is_mounted:  # a newer fill replaced the rows
            return
        self.add_rows_through(self._added + CHUNK_ROWS)
        if self._rest is not None:  # a frame (and the keys waiting) between chunks
            self.call_after_refresh(self._add_chunk, fill)

    def clear(self, columns: bool = False) -> Self:
        self._fills += 1
        self._rest = None
        return super().clear(columns)

    # -- the rows a move or a scroll needs come at once --------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if self._rest is not None:  # a wheel, the scrollbar, a cursor at the bottom
            self.add_rows_through(int(new_value) + 2 * self.size.height)
        super().watch_scroll_y(old_value, new_value)

    def action_cursor_down(self) -> None:
        self.add_rows_through(self.cursor_row + 2 + self.size.height)
        super().action_cursor_down()

    def action_page_down(self) -> None:
        self.add_rows_through(self.cursor_row + 1 + 2 * self.size.height)
        super().action_page_down()

    def action_scroll_bottom(self) -> None:
        self.add_rows_through(len(self._rest[1]) if self._rest is not None else 0)
        super().action_scroll_bottom()

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
            widths := self.column_widths(),
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
        fixed_width = sum(widths[: self.fixed_columns])
        fixed_line: list[Segment] = list(chain.from_iterable(fixed)) if fixed else []
        scrollable_line: list[Segment] = list(chain.from_iterable(scrollable))
        segments = fixed_line + line_crop(scrollable_line, x1 + fixed_width, x2, width)
        strip = Strip(segments).adjust_cell_length(width, base_style).simplify()
        lines[cache_key] = strip
        return strip
