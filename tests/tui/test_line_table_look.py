"""LineTable looks like Textual's DataTable with the same rows: every character of every line in
the same colours and attributes, through cursor moves, scrolling (down and sideways), the mouse
hovering, focus lost, at three sizes and in a dark and a light theme (issue 19)."""

from __future__ import annotations

from typing import Any

import pytest
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from brilliance.widgets.line_table import LineTable

LABELS = ("When", "Name", "Note", "n")
WIDTHS = (10, 14, 22, 3)
ROWS = 60


def highlighted(plain: str, start: int, end: int) -> Text:
    text = Text(plain, no_wrap=True)
    text.stylize("bold reverse #ffa62b", start, end)
    return text


def cells(n: int) -> list[Text | str]:
    """Cells like the List's and the Journal's: plain, styled, with spans, accents, wide."""
    names: list[Text | str] = [
        Text(f"Person {n}", style="bold #ff0000"),
        f"Tomás Šimek {n}",
        Text(f"漢字 {n}"),
        Text(f"★ {n}", style="#ffa62b"),
    ]
    name = names[n % 4]
    note = highlighted(f"…a note that mentions tide {n}", 21, 25) if n % 3 else f"calm {n}"
    return [f"2026-01-{n % 28 + 1:02}", name, note, str(n)]


class OneTable(App[None]):
    """A stock DataTable or a LineTable holding the same rows at the same widths."""

    def __init__(self, line_table: bool, theme: str) -> None:
        super().__init__()
        self.line_table = line_table
        self.theme = theme

    def compose(self) -> ComposeResult:
        if self.line_table:
            yield LineTable(LABELS, id="table")
        else:
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        rows = [cells(n) for n in range(ROWS)]
        table = self.query_one("#table")
        if isinstance(table, LineTable):
            keys = [str(n) for n in range(ROWS)]
            table.fill(keys, rows, lambda row: row, widths=WIDTHS)
        else:
            assert isinstance(table, DataTable)
            for label, width in zip(LABELS, WIDTHS, strict=True):
                table.add_column(label, width=width)
            for n, row in enumerate(rows):
                # DataTable reads a str as markup; none of these has any.
                table.add_row(*row, key=str(n))

    def lines(self) -> list[list[tuple[str, Style]]]:
        """What the table shows, a list of (character, style) a line, without meta data."""
        table = self.query_one("#table", Widget)
        strips = table.render_lines(Region(0, 0, *table.size))
        return [characters(strip) for strip in strips]


def characters(strip: Strip) -> list[tuple[str, Style]]:
    out = []
    for text, style, _ in strip:
        plain = (style or Style()).clear_meta_and_links()
        out += [(char, plain) for char in text]
    return out


async def move(pilot: Pilot[None], table: Any, row: int) -> None:
    table.move_cursor(row=row)
    await pilot.pause()


async def session(line_table: bool, theme: str, size: tuple[int, int]) -> list[Any]:
    app = OneTable(line_table, theme)
    frames = []
    async with app.run_test(size=size) as pilot:
        table = app.query_one("#table")
        table.focus()
        await pilot.pause()
        frames.append(app.lines())
        for row in [1, 2, 17, 18, 59, 30, 0, 5]:
            await move(pilot, table, row)
            frames.append(app.lines())
        for key in ["down", "pagedown", "up", "pageup", "ctrl+end", "ctrl+home"]:
            await pilot.press(key)
            await pilot.pause()
            frames.append(app.lines())
        await pilot.hover("#table", offset=(3, 4))  # the mouse over the fourth row
        await pilot.pause()
        frames.append(app.lines())
        await pilot.press("down")  # a key hides the hover
        await pilot.pause()
        frames.append(app.lines())
        await pilot.hover("#table", offset=(3, 0))  # over the header
        await pilot.pause()
        frames.append(app.lines())
        # (DataTable leaves the header's hover on after a key; this table takes it off.)
        table.scroll_to(x=9, animate=False)  # sideways, where the columns are wider
        await pilot.pause()
        frames.append(app.lines())
        table.blur()
        await pilot.pause()
        frames.append(app.lines())
    return frames


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 20), (120, 12), (40, 15)], ids=["80x20", "120x12", "40x15"])
async def test_same_characters_and_colours_as_the_stock_data_table(
    theme: str, size: tuple[int, int]
) -> None:
    stock = await session(False, theme, size)
    ours = await session(True, theme, size)
    assert len(ours) == len(stock)
    for step, (expected, got) in enumerate(zip(stock, ours, strict=True)):
        for y, (line, drawn) in enumerate(zip(expected, got, strict=True)):
            assert drawn == line, f"step {step}, line {y} differs"
