"""RowCursorTable draws exactly what Textual's DataTable draws, while caching more."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

from brilliance.widgets.row_table import RowCursorTable

ROWS = 60


class OneTable(App[None]):
    """One table of either kind, with the same rows (or empty, for a test to fill)."""

    def __init__(self, kind: type[DataTable[Text | str]], *, filled: bool = True) -> None:
        super().__init__()
        self.kind = kind
        self.filled = filled

    def compose(self) -> ComposeResult:
        yield self.kind(id="table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        if not self.filled:
            return
        table = self.table
        table.add_columns("name", "note", "n")
        for n in range(ROWS):
            style = "bold red" if n % 7 == 0 else ""
            table.add_row(Text(f"person {n}", style=style), f"note {n * 13 % 17}", str(n))

    @property
    def table(self) -> DataTable[Text | str]:
        return self.query_one("#table", DataTable)

    def lines(self) -> list[Strip]:
        """The lines one by one, then as the compositor asks for them (one drawing pass)."""
        table = self.table
        one_by_one = [table.render_line(y) for y in range(table.size.height)]
        return one_by_one + table.render_lines(Region(0, 0, *table.size))


async def drawn_through_a_session(kind: type[DataTable[Text | str]]) -> list[list[Strip]]:
    """Every line the table shows after each step: moves, scrolls, hover, an edit, blur."""
    app = OneTable(kind)
    frames = []
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.table
        await pilot.pause()
        frames.append(app.lines())
        for row in [1, 2, 3, 17, 18, 30, 59, 58, 0, 5]:
            table.move_cursor(row=row, animate=False)
            await pilot.pause()
            frames.append(app.lines())
        for key in ["down", "down", "pagedown", "up", "end", "home"]:
            await pilot.press(key)
            frames.append(app.lines())
        table.hover_coordinate = table.cursor_coordinate._replace(row=3)
        await pilot.pause()
        frames.append(app.lines())
        table.update_cell_at(table.cursor_coordinate, Text("changed"))
        await pilot.pause()
        frames.append(app.lines())
        table.blur()
        await pilot.pause()
        frames.append(app.lines())
    return frames


def assert_same_frames(stock: list[list[Strip]], fast: list[list[Strip]]) -> None:
    assert len(stock) == len(fast)
    for step, (expected, got) in enumerate(zip(stock, fast, strict=True)):
        assert got == expected, f"step {step} differs"


async def test_same_lines_through_moves_scrolls_hover_and_edits() -> None:
    stock = await drawn_through_a_session(DataTable)
    fast = await drawn_through_a_session(RowCursorTable)
    assert_same_frames(stock, fast)


async def test_a_cursor_move_renders_two_rows_not_the_screen() -> None:
    app = OneTable(RowCursorTable)
    async with app.run_test(size=(60, 20)) as pilot:
        fast = app.table
        await pilot.pause()
        app.lines()
        drawn: list[int] = []
        real = fast._render_line_in_row

        def counting(*args: object, **kwargs: object) -> object:
            drawn.append(1)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        fast._render_line_in_row = counting  # type: ignore[method-assign,assignment]
        await pilot.press("down")
        app.lines()
        assert len(drawn) == 2  # the row the cursor left and the row it reached
