"""Today's sections measure only the lines they can show (issue 19), with the same result."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import OptionList

from brilliance.screens.agenda_list import AgendaList
from brilliance.screens.today_page import AGENDA_LINES


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield AgendaList(id="ours")
        yield OptionList(id="stock")


@pytest.mark.parametrize("count", [0, 1, 3, 7, 8, 9, 40])
@pytest.mark.parametrize("width", [12, 30, 90])
async def test_the_height_is_optionlists_once_clamped(count: int, width: int) -> None:
    texts = [f"Promise {n}: send the article about {'long ' * (n % 5)}roads" for n in range(count)]
    app = Lists()
    async with app.run_test(size=(120, 40)) as pilot:
        ours = app.query_one("#ours", AgendaList)
        stock = app.query_one("#stock", OptionList)
        ours.fill([(Content(text), str(n)) for n, text in enumerate(texts)], "Nothing due.")
        stock.add_options(texts or ["Nothing due."])
        await pilot.pause()
        size = Size(width, 40)
        mine = ours.get_content_height(size, size, width)
        theirs = OptionList.get_content_height(stock, size, size, width)
        assert min(mine, AGENDA_LINES) == min(theirs, AGENDA_LINES)
