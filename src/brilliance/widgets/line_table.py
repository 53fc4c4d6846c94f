"""A list of rows under a header, drawn a line at a time: only what is on screen (issue 19).

Textual's DataTable keeps objects and caches for every row added, and draws every visible line
again whenever rows are added, cleared or measured (benchmarks/NOTES-19-keys.md). This table holds
the rows as plain lists (keys, items, a function giving an item's cells) that a fill replaces
whole, makes a row's cells when the row comes into view, and keeps each line drawn by its row's
cells, its own cursor and hover state and the scroll: a cursor move draws two lines. Columns have
widths known before the rows are drawn (given with each fill): nothing is measured after.

It looks like the DataTable it replaces (its colours, copied from DataTable's DEFAULT_CSS, in
both themes; ``tests/tui/test_line_table_look.py``) and is used the same way: a header that stays
on top, a row cursor (up/down/j/k, page up/down, ctrl+home/end), home/end and left/right scroll
sideways when the columns are wider than the screen, the mouse hovers, a click moves the cursor
and a click on the cursor's row, or enter, selects (``LineTable.RowSelected``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from brilliance.widgets.line_cells import (
    LOOK_CSS,
    PADDING,
    Cell,
    Look,
    cell_width,
    draw_line,
    first_columns,
    look_of,
)
from brilliance.widgets.line_scroll import bar_follows_rows, scrollbars_state, update_scrollbars

NOWHERE = -2
"""The hover's row when the mouse is over no row (the header is row -1)."""
KEPT_LINES = 2000
"""Drawn lines kept; past that the cache starts again (a screenful is ~40 lines)."""


class LineTable(ScrollView, can_focus=True):
    """Rows keyed by strings under a header of column labels, with a row cursor."""

    DEFAULT_CSS = LOOK_CSS

    cell_padding: ClassVar[int] = PADDING
    """Spaces each side of a cell (DataTable's ``cell_padding``)."""
    zebra_stripes: ClassVar[bool] = True
    """Every other row in the even-row style (DataTable's ``zebra_stripes``)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--header-hover",
        "line-table--cursor",
        "line-table--hover",
        "line-table--odd-row",
        "line-table--even-row",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "first_row", "Top", show=False),
        Binding("ctrl+end", "last_row", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    class RowSelected(Message):
        """Enter, or a click on the cursor's row: the row ``row_key`` (at ``cursor_row``)."""

        def __init__(self, table: LineTable, cursor_row: int, row_key: str) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row
            self.row_key = row_key

        @property
        def control(self) -> LineTable:
            return self.table

    def __init__(
        self, columns: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.labels: tuple[str, ...] = tuple(columns)
        self.widths: tuple[int, ...] = tuple(cell_width(label) for label in self.labels)
        """Each column's width without padding (at least its label's)."""
        self.row_keys: Sequence[str] = ()
        self._items: Sequence[Any] = ()
        self._cells_of: Callable[[Any], Sequence[Cell]] = lambda _item: ()
        self._row_cells: dict[int, Sequence[Cell]] = {}
        """The cells of the rows drawn since the last fill, by row index."""
        self._index: dict[str, int] | None = None
        self._cursor = 0
        self._hover = NOWHERE
        self._scroll_later = False
        """Whether the cursor is to be scrolled into view once the table has a size."""
        self._scrolled_for: tuple[object, ...] = ()
        self._show_hover = False
        """Whether the hover shows: the mouse moved last, not a key."""
        self._looks: dict[tuple[str, bool, bool], Look] = {}
        self._lines: dict[tuple[object, ...], tuple[Sequence[Cell], Strip]] = {}
        self._base = Style()
        """The widget's own style, looked up once a drawing pass."""
        self._state: tuple[object, ...] = ()
        """The widget's style and pseudo-classes the kept lines and looks were drawn in."""
        self._pass: tuple[int, int, int] | None = None
        """The width, scroll x and scroll y while a pass draws lines."""

    # -- the rows ---------------------------------------------------------------------------

    def fill(
        self,
        keys: Sequence[str],
        items: Sequence[Any],
        cells: Callable[[Any], Sequence[Cell]],
        keep: str | None = None,
        widths: Sequence[int] | None = None,
    ) -> None:
        """Show one row per item, keyed ``keys[i]``, whose cells are ``cells(items[i])`` (asked
        for when the row is first drawn), in columns ``widths`` wide (at least their labels);
        the cursor goes to the row keyed ``keep``, or the first row."""
        if widths is not None:
            self.widths = tuple(
                max(width, cell_width(label))
                for width, label in zip(widths, self.labels, strict=True)
            )
        self.row_keys, self._items, self._cells_of = keys, items, cells
        self._row_cells = {}
        self._index = None
        self._cursor = 0
        if keep is not None:
            self._cursor = self.get_row_index(keep) if keep in self._key_index else 0
        if self._hover >= len(keys):
            self._hover = NOWHERE
        self.virtual_size = Size(self.table_width, len(keys) + 1)
        bar_follows_rows(self, len(keys) + 1)
        self.refresh()
        self._scroll_to_cursor()

    @property
    def filling(self) -> bool:
        """Whether rows of the last fill are still to come: never, they are all there at once
        (kept for the callers of the DataTable this replaced, which filled a chunk a frame)."""
        return False

    @property
    def table_width(self) -> int:
        return sum(self.widths) + 2 * self.cell_padding * len(self.widths)

    @property
    def row_count(self) -> int:
        return len(self.row_keys)

    @property
    def _key_index(self) -> dict[str, int]:
        index = self._index
        if index is None:
            index = self._index = {key: i for i, key in enumerate(self.row_keys)}
        return index

    def get_row_index(self, key: str) -> int:
        """The index of the row keyed ``key`` (KeyError if there is none)."""
        return self._key_index[key]

    def get_row_at(self, index: int) -> Sequence[Cell]:
        """The cells of row ``index``."""
        cells = self._row_cells.get(index)
        if cells is None:
            cells = self._row_cells[index] = self._cells_of(self._items[index])
        return cells

    def get_row(self, key: str) -> Sequence[Cell]:
        """The cells of the row keyed ``key``."""
        return self.get_row_at(self.get_row_index(key))

    # -- the cursor -------------------------------------------------------------------------

    @property
    def cursor_row(self) -> int:
        return self._cursor

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on row ``row`` (kept within the rows), and in view if ``scroll``."""
        row = max(0, min(row, len(self.row_keys) - 1))
        old, self._cursor = self._cursor, row
        if old != row:
            self._refresh_row(old)
            self._refresh_row(row)
        if scroll:
            self._scroll_to_cursor(animate=animate)

    def _refresh_row(self, row: int) -> None:
        """Draw row ``row`` again (the header for -1), if it is on screen."""
        if row == -1:
            self.refresh(Region(0, 0, self.size.width, 1))
        elif row >= 0:
            self.refresh_line(row + 1)

    @property
    def _body_height(self) -> int:
        """How many rows fit below the header."""
        return self.scrollable_content_region.height - 1

    def _scroll_to_cursor(self, *, animate: bool = False) -> None:
        height = self._body_height
        if height <= 0:  # not laid out yet (or hidden): once it has a size
            self._scroll_later = True
            return
        self._scroll_later = False
        top, row = round(self.scroll_y), self._cursor
        if row < top:
            self.scroll_to(y=row, animate=animate, force=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=animate, force=True)

    def _scroll_update(self, virtual_size: Size) -> None:
        state = scrollbars_state(self, virtual_size)
        if state != self._scrolled_for:  # a layout that changed nothing they show: no redraw
            self._scrolled_for = state
            update_scrollbars(self, virtual_size)

    def on_resize(self) -> None:
        if self._scroll_later:
            self._scroll_to_cursor()

    def _set_hover(self, row: int, show: bool) -> None:
        if (row, show) == (self._hover, self._show_hover):
            return
        self._refresh_row(self._hover)
        self._hover, self._show_hover = row, show
        self._refresh_row(row)

    def _row_under(self, event: events.MouseEvent) -> int:
        """The row under the mouse: -1 for the header, NOWHERE below the last row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return NOWHERE
        if offset.y == 0:
            return -1
        row = offset.y - 1 + round(self.scroll_y)
        return row if row < len(self.row_keys) else NOWHERE

    # -- keys and the mouse -----------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self._set_hover(self._hover, False)
        self.move_cursor(row=self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._set_hover(self._hover, False)
        self.move_cursor(row=self._cursor + 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move the cursor and the view a screenful, as DataTable does."""
        self._set_hover(self._hover, False)
        height = max(1, self._body_height)
        self.scroll_to(y=self.scroll_y + direction * height, animate=False, force=True)
        self.move_cursor(row=self._cursor + direction * height)

    def action_first_row(self) -> None:
        self._set_hover(self._hover, False)
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self._set_hover(self._hover, False)
        self.move_cursor(row=len(self.row_keys) - 1)

    def action_scroll_home(self) -> None:
        self._set_hover(self._hover, False)
        self.scroll_to(x=0, animate=False)

    def action_scroll_end(self) -> None:
        self._set_hover(self._hover, False)
        self.scroll_to(x=self.max_scroll_x, animate=False)

    def action_select_cursor(self) -> None:
        self._set_hover(self._hover, False)
        self._select()

    def _select(self) -> None:
        if self.row_keys:
            row = self._cursor
            self.post_message(self.RowSelected(self, row, self.row_keys[row]))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        row = self._row_under(event)
        self._set_hover(row, row != NOWHERE)

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(self._hover, False)

    def on_click(self, event: events.Click) -> None:
        row = self._row_under(event)
        self._set_hover(row, row != NOWHERE)
        if row < 0:
            return
        event.stop()
        if row == self._cursor:
            self._select()
        self.move_cursor(row=row, animate=True)

    # -- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawing()
        self.refresh()

    def _forget_drawing(self) -> None:
        self._looks = {}
        self._lines = {}

    def render_lines(self, crop: Any) -> list[Strip]:
        self._base = self.rich_style
        state = (self._base, self.get_pseudo_class_state())
        if state != self._state:  # focus, theme: every line looks different
            self._state = state
            self._forget_drawing()
        # The width and the scroll, read once for the lines of this pass (reading a widget's
        # size works out its region each time).
        self._pass = (self.size.width, round(self.scroll_x), round(self.scroll_y))
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def _look(self, kind: str, cursor: bool, hover: bool) -> Look:
        key = (kind, cursor, hover)
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = look_of(self, kind, cursor, hover)
        return look

    def render_line(self, y: int) -> Strip:
        width, scroll_x, scroll_y = self._pass or (
            self.size.width,
            round(self.scroll_x),
            round(self.scroll_y),
        )
        if y == 0:
            row = -1
            kind = "header"
        else:
            row = y - 1 + scroll_y
            if row >= len(self.row_keys):
                return Strip.blank(width, self._base)
            kind = "even-row" if self.zebra_stripes and not row % 2 else "odd-row"
        cursor = row == self._cursor
        hover = row == self._hover and self._show_hover
        cells = self.labels if row < 0 else self.get_row_at(row)
        # By the cells themselves (kept with the line, so their id is not reused meanwhile): a
        # row drawn with other cells since (a search's snippet, then a longer search's) and
        # with these again (the letter erased) is not drawn again.
        key = (kind, id(cells), cursor, hover, scroll_x, width, self.widths)
        kept = self._lines.get(key)
        if kept is not None and kept[0] is cells:
            return kept[1]
        look = self._look(kind, cursor, hover)
        segments = draw_line(
            self.app.console, cells, self.widths, look, width, scroll_x + width, self.cell_padding
        )
        if scroll_x:  # scrolled sideways: rare, Textual crops
            strip = Strip(segments).crop_extend(scroll_x, scroll_x + width, self._base)
        else:
            strip = Strip(first_columns(segments, width), width)
        if len(self._lines) >= KEPT_LINES:
            self._lines = {}
        self._lines[key] = (cells, strip)
        return strip
