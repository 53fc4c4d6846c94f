"""RowCursorTable's own drawing of one-line cells and its measuring give what Rich and
DataTable give, and rows added below keep the lines already drawn (issue 19)."""

from __future__ import annotations

import gc

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.render import measure
from textual.renderables.styled import Styled
from textual.strip import Strip
from textual.widgets import DataTable

from brilliance.widgets.cell_lines import content_width, one_line
from brilliance.widgets.row_table import RowCursorTable
from tests.tui.test_row_table import OneTable, assert_same_frames


def styled_text(plain: str, style: str = "", spans: tuple[tuple[int, int, str], ...] = ()) -> Text:
    text = Text(plain, style=style)
    for start, end, span_style in spans:
        text.stylize(span_style, start, end)
    return text


CELLS: list[Text] = [
    Text(""),
    Text("plain"),
    Text("Tomás Šimek"),
    Text("漢字 and ✨ wide"),
    styled_text("bold red", "bold red"),
    styled_text("a span inside", "", ((2, 6, "reverse yellow"),)),
    styled_text("styled with a span", "italic", ((0, 6, "bold"), (4, 12, "underline"))),
    Text("no wrap", no_wrap=True),
    Text("right", justify="right"),  # Rich pads it: not drawn by one_line
    Text("two\nlines"),  # not one line
    Text("a\ttab"),
    Text("much too long for its column"),  # cut as Rich cuts it
    Text("much too long, with an ellipsis", overflow="ellipsis"),
    styled_text("…a snippet cut short with a match", "", ((12, 18, "bold reverse"),)),
    Text("漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"),  # cut through a wide character
    Text("too long and free to wrap: not one line", no_wrap=False),
    Text("too long and overflow ignored", overflow="ignore"),
]


def rich_line(console: Console, cell: Text, width: int, pre: Style, post: Style) -> Strip:
    options = console.options.update_dimensions(width, 1).update(no_wrap=True)
    lines = console.render_lines(Styled(Padding(cell, (0, 1)), pre, post), options)
    assert len(lines) == 1
    return Strip(lines[0]).simplify()


@pytest.mark.parametrize("cell", CELLS, ids=lambda cell: repr(cell.plain))
@pytest.mark.parametrize("width", [1, 2, 3, 8, 18, 40])
def test_one_line_draws_what_rich_draws(cell: Text, width: int) -> None:
    console = Console(width=120, color_system="truecolor")
    pre = Style(bgcolor="#202020") + Style.from_meta({"row": 3, "column": 1})
    for post in [Style.null(), Style(color="white", bgcolor="blue")]:
        line = one_line(console, cell, width, 1, pre, post)
        plain = cell.plain
        one = "\n" not in plain and "\t" not in plain and cell.justify is None and width > 2
        cut = len(plain) + 2 > width
        drawn_here = one and not (cut and (cell.no_wrap is False or cell.overflow == "ignore"))
        if not drawn_here:
            assert line is None
            continue
        assert line is not None
        assert Strip(line).simplify() == rich_line(console, cell, width, pre, post)


@pytest.mark.parametrize("cell", [*CELLS, "[b]markup[/b]", "plain string"])
def test_content_width_is_what_textual_measures(cell: Text | str) -> None:
    console = Console(width=120)
    assert content_width(console, cell) == measure(console, cell, 1)


def row(n: int) -> tuple[Text | str, ...]:
    cell = CELLS[n % len(CELLS)]
    return (cell, f"note {n * 13 % 17}", Text(str(n), style="bold" if n % 3 else ""))


async def drawn_while_filling(kind: type[DataTable[Text | str]]) -> list[list[Strip]]:
    """Lines shown as the table is filled a chunk at a time, cleared, refilled, edited."""
    app = OneTable(kind, filled=False)
    frames = []
    async with app.run_test(size=(70, 20)) as pilot:
        table = app.table
        table.add_column("cell")
        table.add_column("note", width=6)  # a fixed width that cuts some notes: Rich draws them
        table.add_column("n")
        for start, end in [(0, 5), (5, 40), (40, 90)]:
            for n in range(start, end):
                table.add_row(*row(n), key=str(n))
            await pilot.pause()
            frames.append(app.lines())
        table.move_cursor(row=7, animate=False)
        await pilot.pause()
        frames.append(app.lines())
        table.clear()
        for n in range(90, 96):
            table.add_row(*row(n), key=str(n))
        await pilot.pause()
        frames.append(app.lines())
        table.update_cell_at(table.cursor_coordinate, Text("an edit"))
        await pilot.pause()
        frames.append(app.lines())
    return frames


async def test_same_lines_as_datatable_while_filling_in_chunks() -> None:
    stock = await drawn_while_filling(DataTable)
    fast = await drawn_while_filling(RowCursorTable)
    assert_same_frames(stock, fast)


async def test_rows_added_below_keep_the_lines_already_drawn() -> None:
    app = OneTable(RowCursorTable, filled=False)
    async with app.run_test(size=(70, 20)) as pilot:
        table = app.table
        table.add_columns("cell", "note", "n")
        for n in range(60):
            table.add_row(Text(f"person {n:03}"), "note", f"{n:03}")
        await pilot.pause()
        before = app.lines()
        drawn: list[int] = []
        real = table._render_line_in_row

        def counting(*args: object, **kwargs: object) -> object:
            drawn.append(1)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        table._render_line_in_row = counting  # type: ignore[method-assign,assignment]
        for n in range(60, 200):
            table.add_row(Text(f"person {n:03}"), "note", f"{n:03}")
        await pilot.pause()
        assert app.lines() == before
        assert drawn == []  # nothing drawn again: the new rows are out of view
        table.add_row(Text("a name wider than any before it"), "note", "x")
        await pilot.pause()
        app.lines()
        assert drawn  # a wider column changes every line: drawn again


async def test_clearing_frees_the_drawn_lines_without_the_cycle_collector() -> None:
    """A cleared table's caches are freed at once (Textual's LRUCache is a ring of lists: left
    to the cyclic collector, one List filter key made about 30,000 objects of garbage)."""
    app = OneTable(RowCursorTable, filled=False)
    async with app.run_test(size=(70, 20)) as pilot:
        table = app.table
        table.add_columns("cell", "note", "n")
        for n in range(300):
            table.add_row(*row(n), key=str(n))
        await pilot.pause()
        app.lines()
        assert len(table._line_cache) > 10 and len(table._row_render_cache) > 10
        gc.collect()
        gc.disable()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            table.clear()
            gc.collect()
            left = {type(thing).__name__ for thing in gc.garbage}
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
        # The cells and rows the caches held are gone already (a drawn Strip that caches
        # itself stays a cycle of Textual's own: a few hundred objects, not thousands).
        assert not left & {"RowRenderables", "Text", "tuple"}, left


async def test_a_fill_is_measured_before_its_first_frame() -> None:
    """The rows a fill adds at once are measured at once, as DataTable would measure them once
    idle: the frame after a filter key draws them at their widths, with one layout, instead of
    drawing them and then again when measured (issue 19)."""
    app = OneTable(RowCursorTable, filled=False)
    async with app.run_test(size=(70, 20)) as pilot:
        table = app.table
        assert isinstance(table, RowCursorTable)
        table.add_columns("cell", "note", "n")
        await pilot.pause()
        keys = [str(n) for n in range(100)]
        table.fill(keys, list(range(100)), lambda n: (Text(f"a wide name, {n:03}"), "x", str(n)))
        measured = (table.virtual_size, [c.content_width for c in table.ordered_columns])
        assert measured[1][0] == len("a wide name, 000")
        assert measured[0].height == 1 + table.row_count  # the header and the rows added
        await pilot.pause()
        assert table.filling  # the rest comes later: what is there was measured already
        assert (table.virtual_size, [c.content_width for c in table.ordered_columns]) == measured
