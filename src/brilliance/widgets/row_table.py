"""A DataTable with a row cursor whose moves redraw only the two rows that change.

Textual's DataTable keys its cache of rendered lines on the cursor's coordinate, so every move of
the cursor renders every visible line again from its cells: about 15 ms a key for a 35-line
List, more than a frame at 60 Hz (see benchmarks/NOTES.md). With a row cursor, a line only
depends on whether *its own* row holds the cursor (or the mouse), so this table keys its caches
on that instead, and a move re-renders two lines while the rest come from the cache.

It also draws and measures the common cell, one line of ``Text`` that fits its column, without
Rich's general layout machinery (padding, wrapping, a fresh ``ConsoleOptions`` with a terminal
size query for every cell measured): the same segments, built directly. A List filter key that
changes the matches draws a screenful of new cells and measures every row added; through Rich
that was about 65 ms each at 300 rows (issue 19).

It overrides private methods of DataTable; Textual is pinned to one exact version in
pyproject.toml, and ``tests/tui/test_row_table.py`` checks that every line drawn is the same as
the stock DataTable's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Self, TypeVar, cast

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text, TextType
from textual._segment_tools import line_crop
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.render import measure
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

CellType = TypeVar("CellType")
Item = TypeVar("Item")

ELSEWHERE = Coordinate(-2, 0)
"""Stands for "on another row": no line is drawn for row -2 (the header is row -1)."""

FIRST_ROWS = 50
"""Rows a fill adds before the frame that follows it: more than a screenful."""
CHUNK_ROWS = 100
"""Rows a fill adds in each later frame, until every row is there."""

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
    console: Console, cell: RenderableType, width: int, padding: int, pre: Style, post: Style
) -> list[Segment] | None:
    """The segments Rich draws for ``Styled(Padding(cell, (0, padding)), pre, post)`` on one line
    ``width`` cells wide, when ``cell`` is one line of ``Text`` that fits; None otherwise."""
    if not isinstance(cell, Text) or cell.justify not in PLAIN_JUSTIFY:
        return None
    plain = cell.plain
    inner = width - 2 * padding
    if "\n" in plain or "\t" in plain or inner < 1:
        return None
    length = cell_len(plain)
    if length > inner:
        return None
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


class RowCursorTable(DataTable[CellType]):
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

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        # DataTable._render_cell, with one line of Text that fits drawn by one_line.
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        if fixed or row_key is None or column_key is None:  # also the header and row labels
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        row = self.rows.get(row_key)
        options = self.app.console_options
        if row is None or row.height != 1 or options.justify not in PLAIN_JUSTIFY:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = (
            base_style + Style.from_meta({"row": row_index, "column": column_index})
        ) + component_style
        cell = self._get_row_renderables(row_index).cells[column_index]
        line = one_line(self.app.console, cell, width, self.cell_padding, pre_style, post_style)
        if line is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        lines = [line]
        self._cell_render_cache[cache_key] = lines
        return lines

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # Measure the new rows' cells as DataTable does, without a terminal size query each;
        # rows with a label or an automatic height are left to DataTable.
        console = self.app.console
        columns = self.ordered_columns
        left: list[RowKey] = []
        for row_key in new_rows:
            row_index = self._row_locations.get(row_key)
            row = self.rows.get(row_key)
            if row_index is None or row is None:
                continue
            if row.label is not None or row.auto_height:
                left.append(row_key)
                continue
            cells = self._get_row_renderables(row_index).cells
            for column, renderable in zip(columns, cells, strict=False):
                width = content_width(console, renderable)
                if width > column.content_width:
                    column.content_width = width
        super()._update_dimensions(left)
