"""LineTable's behaviour (issue 19): the cursor and its keys, the cursor kept in view, selecting
by enter or a click on the cursor's row, the mouse's hover, rows replaced while the cursor keeps
its key, an empty list; and its economy: cells made only for the rows drawn, two lines drawn
again for a cursor move. The look against DataTable's is in test_line_table_look.py."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.renderables.styled import Styled
from textual.strip import Strip

from brilliance.widgets import line_cells
from brilliance.widgets.line_cells import Look, draw_cell
from brilliance.widgets.line_table import LineTable

SIZE = (60, 12)  # the header and 11 rows


def keys(count: int, prefix: str = "r") -> list[str]:
    return [f"{prefix}{n}" for n in range(count)]


class ListApp(App[None]):
    def __init__(self, count: int = 100) -> None:
        super().__init__()
        self.count = count
        self.selected: list[str] = []
        self.asked: list[str] = []
        """The rows whose cells were asked for."""

    def compose(self) -> ComposeResult:
        yield LineTable(("Key", "Text"), id="table")

    def on_mount(self) -> None:
        self.show(keys(self.count))
        self.table.focus()

    @property
    def table(self) -> LineTable:
        return self.query_one(LineTable)

    def show(self, row_keys: list[str], keep: str | None = None) -> None:
        self.table.fill(row_keys, row_keys, self.cells, keep, widths=(6, 20))

    def cells(self, key: str) -> Sequence[Text | str]:
        self.asked.append(key)
        return [key, Text(f"text of {key}")]

    @on(LineTable.RowSelected)
    def _selected(self, event: LineTable.RowSelected) -> None:
        assert event.control is self.table
        self.selected.append(event.row_key)

    def shown(self) -> list[str]:
        """The key column of the lines on screen, the header first."""
        table = self.table
        return [table.render_line(y).text.split()[0] for y in range(table.size.height)]


async def test_cursor_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        assert table.cursor_row == 12
        await pilot.press("pageup")
        assert table.cursor_row == 1
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_row == 99
        assert app.shown()[-1] == "r99" and app.shown()[0] == "Key"  # the header stays on top
        await pilot.press("down")  # at the bottom: stays
        assert table.cursor_row == 99
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert table.cursor_row == 0 and app.shown()[1] == "r0"
        for _ in range(15):
            await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == 15
        assert "r15" in app.shown()
        table.move_cursor(row=60)
        await pilot.pause()
        assert "r60" in app.shown()
        table.move_cursor(row=500)  # kept within the rows
        assert table.cursor_row == 99


async def test_enter_and_a_click_on_the_cursor_row_select_a_click_elsewhere_moves() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        assert app.selected == ["r1"]
        await pilot.click(LineTable, offset=(2, 4))  # the fourth row: moves there
        assert app.table.cursor_row == 3
        assert app.selected == ["r1"]
        await pilot.click(LineTable, offset=(2, 4))  # again, now on the cursor's row
        assert app.selected == ["r1", "r3"]
        await pilot.click(LineTable, offset=(2, 0))  # the header: nothing
        assert app.table.cursor_row == 3 and app.selected == ["r1", "r3"]


async def test_the_mouse_hovers_a_row_and_a_key_hides_it() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.pause()
        plain = style_at(table.render_line(5), 1)
        await pilot.hover(LineTable, offset=(2, 5))
        await pilot.pause()
        hovered = style_at(table.render_line(5), 1)
        assert hovered.bgcolor != plain.bgcolor
        await pilot.press("down")
        assert style_at(table.render_line(5), 1) == plain


async def test_new_rows_keep_the_cursor_on_its_key_or_go_to_the_top() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        table.move_cursor(row=50)
        await pilot.pause()
        rows = keys(100)
        app.show(rows[::-1], keep="r50")  # the same rows the other way round
        assert table.cursor_row == 49 and table.row_keys[49] == "r50"
        await pilot.pause()
        assert "r50" in app.shown()
        app.show(rows[:5], keep="r50")  # its row is gone: the first row
        assert table.cursor_row == 0 and table.row_count == 5
        await pilot.pause()
        assert app.shown()[1:] == ["r0", "r1", "r2", "r3", "r4"]  # as high as its rows


async def test_an_empty_list_draws_its_header_and_selects_nothing() -> None:
    app = ListApp(count=0)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.press("down", "pagedown", "ctrl+end", "enter")
        assert table.row_count == 0 and table.cursor_row == 0
        assert app.selected == []
        assert table.render_line(0).text.split() == ["Key", "Text"]
        assert table.render_line(1).text.strip() == ""


async def test_cells_are_made_only_for_the_rows_drawn() -> None:
    app = ListApp(count=10_000)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 0 < len(app.asked) <= SIZE[1]
        app.asked.clear()
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert 0 < len(app.asked) <= SIZE[1]
        assert "r9999" in app.asked


async def test_a_cursor_move_draws_two_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.pause()
        drawn: list[int] = []
        real = line_cells.draw_line

        def counting(*args: object, **kwargs: object) -> object:
            drawn.append(1)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr("brilliance.widgets.line_table.draw_line", counting)
        await pilot.press("down")
        table.render_lines(Region(0, 0, *table.size))
        assert len(drawn) == 2  # the row the cursor left and the row it reached


def style_at(strip: Strip, x: int) -> Style:
    """The style of the character in column ``x`` (one column a character here)."""
    for text, style, _ in strip:
        if x < len(text):
            return style or Style()
        x -= len(text)
    raise IndexError(x)


def rich_line(console: Console, cell: Text, width: int, pre: Style, post: Style) -> Strip:
    """The line Rich draws for a DataTable cell: padded, one line, not wrapped."""
    options = console.options.update_dimensions(width + 2, 1).update(no_wrap=True)
    lines = console.render_lines(Styled(Padding(cell, (0, 1)), pre, post), options)
    return Strip(lines[0])


def spans(plain: str, style: str = "", *marks: tuple[int, int, str]) -> Text:
    text = Text(plain, style=style)
    for start, end, mark in marks:
        text.stylize(mark, start, end)
    return text


@pytest.mark.parametrize(
    "cell",
    [
        Text(""),
        Text("plain"),
        Text("Tomás Šimek"),
        Text("漢字 and ✨ wide"),
        spans("bold red", "bold red"),
        spans("a span inside", "", (2, 6, "reverse yellow")),
        spans("styled with a span", "italic", (0, 6, "bold"), (4, 12, "underline")),
        spans("…a snippet cut short with a match", "", (12, 18, "bold reverse")),
        Text("much too long for its column"),
    ],
    ids=repr,
)
@pytest.mark.parametrize("width", [1, 3, 8, 18, 40])
def test_a_cell_is_drawn_as_rich_draws_it(cell: Text, width: int) -> None:
    console = Console(width=80)
    pre, post = Style.parse("on #223344"), Style.parse("#ffffff")
    ours = Strip(draw_cell(console, cell, width, Look.of(pre, post, pre)))
    theirs = rich_line(console, cell, width, pre, post)
    assert characters(ours) == characters(theirs)


def characters(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(char, style) for text, style, _ in strip for char in text]


async def test_the_scrollbars_follow_the_rows() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == 101  # the header and 100 rows
        app.show(keys(40))
        await pilot.pause()
        assert table.vertical_scrollbar.window_virtual_size == 41
        table.move_cursor(row=39)
        await pilot.pause()
        assert table.vertical_scrollbar.position == table.scroll_y > 0
        app.show(keys(3))  # they fit: no scrollbar
        await pilot.pause()
        assert not table.show_vertical_scrollbar
        app.show(keys(100))
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == 101
