"""A DataTable that draws and measures its common cells without Rich's general machinery.

A cell that is one line of ``Text`` is drawn straight into the segments Rich would give for it
(DataTable goes through ``Padding``, wrapping and line splitting for each), and measured with one
console rather than a fresh ``ConsoleOptions``, with a terminal size query, for every cell. The
styles a line needs are looked up once a drawing pass instead of once a row. A List filter key
that changes the matches draws a screenful of new cells and measures every row added: through
Rich that was about 65 ms each at 300 rows (issue 19).

Clearing the table frees its caches at once: Textual's ``LRUCache`` keeps its entries in a ring
of lists, so a cleared cache was garbage in a cycle, left with every line and segment it held
(about 30,000 objects a List filter key) for the cyclic collector, whose full collections then
cost 20-70 ms in the middle of a later key (issue 19).

It overrides private methods of DataTable; Textual is pinned to one exact version in
pyproject.toml, and ``tests/tui/test_row_table_drawing.py`` checks what it draws against Rich
and against the stock DataTable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import default_cell_formatter
from textual.widgets.data_table import Column, RowKey

from brilliance.widgets.cell_lines import PLAIN_JUSTIFY, content_width, one_line

CellType = TypeVar("CellType")


def drop_all(cache: object) -> None:
    """Empty ``cache``; for an ``LRUCache``, break its ring first, so that what it held is freed
    now by reference counting rather than left to the cyclic garbage collector."""
    if isinstance(cache, LRUCache):
        for link in cache._cache.values():
            link.clear()  # [previous, next, key, value]: no link points to another any more
    clear = getattr(cache, "clear", None)
    if clear is not None:
        clear()


CACHES = (
    "_row_render_cache",
    "_cell_render_cache",
    "_row_renderable_cache",
    "_line_cache",
    "_offset_cache",
    "_ordered_row_cache",
)
"""DataTable's caches that ``_clear_caches`` empties (the others hold no ring)."""


class QuickTable(DataTable[CellType]):
    """A DataTable drawing one-line text cells, and the rows of a row cursor, more directly."""

    _pass: dict[object, Style] | None = None
    _ordered: tuple[object, int, list[Column]] | None = None
    """The columns in order, with the locations and count they were ordered from."""
    _widths: tuple[int, ...] | None = None
    """The columns' widths during the drawing pass under way (a table's columns never change
    within one pass)."""
    """Styles looked up during the drawing pass under way (none between passes: the theme,
    focus and hover may change the styles between two passes, never within one)."""

    def _clear_caches(self) -> None:
        for name in CACHES:
            drop_all(getattr(self, name, None))
        super()._clear_caches()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass = {}
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None
            self._widths = None

    def column_widths(self) -> tuple[int, ...]:
        """Each column's drawn width, in order (looked up once a drawing pass)."""
        widths = self._widths
        if widths is None:
            widths = tuple(column.get_render_width(self) for column in self.ordered_columns)
            if self._pass is not None:
                self._widths = widths
        return widths

    def render_line(self, y: int) -> Strip:
        # DataTable.render_line, with the table's own style looked up once a pass.
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        fixed_rows_height = 0
        for row_index in range(self.fixed_rows):
            row_key = self._row_locations.get_key(row_index)
            if row_key is not None:
                fixed_rows_height += self.get_row_height(row_key)
        if self.show_header:
            fixed_rows_height += self.get_row_height(self._header_row_key)
        if y >= fixed_rows_height:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + width, self._table_style())

    def _table_style(self) -> Style:
        styles = self._pass
        if styles is None:
            return self.rich_style
        style = styles.get("table")
        if style is None:
            style = styles["table"] = self.rich_style
        return style

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        # DataTable's, looked up once a pass for each kind of row.
        styles = self._pass
        if styles is None:
            return super()._get_row_style(row_index, base_style)
        if row_index == -1:
            kind = "header"
        elif row_index < self.fixed_rows:
            kind = "fixed"
        elif self.zebra_stripes:
            kind = "odd" if row_index % 2 else "even"
        else:
            kind = "plain"
        key = (kind, base_style)
        style = styles.get(key)
        if style is None:
            style = styles[key] = super()._get_row_style(row_index, base_style)
        return style

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        # DataTable._render_line_in_row for a row cursor without fixed columns or row labels,
        # without looking up the header's style for every row.
        labels = self._labelled_row_exists and self.show_row_labels
        cursor_type = self.cursor_type
        if self.fixed_columns or labels or cursor_type != "row":
            return super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
        cache_key = (
            row_key,
            line_no,
            base_style,
            cursor_location,
            hover_location,
            cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        index = self._row_locations.get(row_key)
        row_index = -1 if index is None else index
        highlight = self._should_highlight
        row_style = self._get_row_style(row_index, base_style)
        widths = self.column_widths()
        scrollable = self._row_cells(
            row_key, row_index, row_style, widths, cursor_location, hover_location
        )
        if scrollable is None:
            scrollable = []
            for column_index, width in enumerate(widths):
                where = Coordinate(row_index, column_index)
                lines = self._render_cell(
                    row_index,
                    column_index,
                    row_style,
                    width,
                    cursor=highlight(cursor_location, where, cursor_type),
                    hover=highlight(hover_location, where, cursor_type),
                )
                scrollable.append(lines[line_no])
        table_width = sum(widths)
        remaining = max(0, self.size.width - table_width - self._row_label_column_width)
        extend_style, _ = self._get_styles_to_render_cell(
            row_index == -1,
            False,
            False,
            highlight(hover_location, Coordinate(row_index or 0, 0), cursor_type),
            row_index == cursor_location.row,
            self.show_cursor,
            self._show_hover_cursor,
            False,
            False,
        )
        extend_style = row_style + extend_style
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        scrollable.append([Segment(" " * remaining, extend_style)])
        row_pair: tuple[SegmentLines, SegmentLines] = ([], scrollable)
        self._row_render_cache[cache_key] = row_pair
        return row_pair

    def _row_cells(
        self,
        row_key: RowKey,
        row_index: int,
        row_style: Style,
        widths: tuple[int, ...],
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> list[list[Segment]] | None:
        """The line of each cell of a one-line row under a row cursor, drawn as ``_render_cell``
        draws them, with what is the same for the whole row worked out once rather than for
        each cell (issue 19: a filter key draws a screenful of new rows); None when a cell is
        not one line of text (DataTable draws the row then)."""
        row = self.rows.get(row_key)
        options = self.app.console_options
        if row_index < self.fixed_rows or self.fixed_columns or row is None or row.height != 1:
            return None
        if options.justify not in PLAIN_JUSTIFY:
            return None
        cursor = cursor_location.row == row_index
        hover = hover_location.row == row_index
        component_style, post_style = self._body_cell_styles(hover, cursor)
        cells = self._get_row_renderables(row_index).cells
        if len(cells) != len(widths):
            return None
        console = self.app.console
        padding = self.cell_padding
        overflow = options.overflow
        drawn: list[list[Segment]] = []
        for column_index, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            meta = Style.from_meta({"row": row_index, "column": column_index})
            pre_style = (row_style + meta) + component_style
            line = one_line(console, cell, width, padding, pre_style, post_style, overflow)
            if line is None:
                return None
            drawn.append(line)
        return drawn

    def _body_cell_styles(self, hover: bool, cursor: bool) -> tuple[Style, Style]:
        """The styles of a cell of the table's body (no header, no row label, not fixed)."""
        return self._get_styles_to_render_cell(
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
        component_style, post_style = self._body_cell_styles(hover, cursor)
        pre_style = (
            base_style + Style.from_meta({"row": row_index, "column": column_index})
        ) + component_style
        cell = self._get_row_renderables(row_index).cells[column_index]
        line = one_line(
            self.app.console,
            cell,
            width,
            self.cell_padding,
            pre_style,
            post_style,
            options.overflow,
        )
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
            # The cells as DataTable formats them to draw (its _compute_row_renderables),
            # straight from the row's data rather than through a row lookup each.
            data = self._data.get(row_key, {})
            wrap = row.height != 1
            for column in columns:
                datum = data.get(column.key)
                if datum is None:
                    continue
                cell = default_cell_formatter(datum, wrap=wrap, height=row.height)
                width = content_width(console, cell)
                if width > column.content_width:
                    column.content_width = width
        super()._update_dimensions(left)

    @property
    def ordered_columns(self) -> list[Column]:
        # DataTable builds this list again on every call (several times a row added or drawn);
        # the columns' order only changes when a column is added or removed or they are all
        # cleared, which either replaces the locations or changes how many there are.
        locations = self._column_locations
        kept = self._ordered
        if kept is None or kept[0] is not locations or kept[1] != len(self.columns):
            kept = self._ordered = (locations, len(self.columns), super().ordered_columns)
        return list(kept[2])
