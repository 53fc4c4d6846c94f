"""A change of focus redraws what it changes, and nothing is left stale on the terminal.

Textual repaints the whole screen on every change of focus; our screens do not (issue 19: a Tab
between Today's lists cost a full repaint, 7-20 ms at ten years), so each test moves the focus
around and compares what a terminal fed only the updates shows with the screen drawn whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.review_body import ReviewBody
from tests.conftest import FROZEN_NOW
from tests.tui.terminal import Terminal
from tests.tui.test_snapshots import demo_store


async def keys_leave_nothing_stale(
    tmp_path: Path, mode: str, keys: list[str], size: tuple[int, int] = (120, 40)
) -> None:
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode=mode)
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.2)
            terminal = Terminal(app)
            terminal.redraw()
            for key in keys:
                before = app.screen.focused
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                assert terminal.stale() == [], (key, before, app.screen.focused)
    finally:
        store.close()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_tab_through_today(tmp_path: Path, size: tuple[int, int]) -> None:
    await keys_leave_nothing_stale(tmp_path, "today", ["tab"] * 9 + ["shift+tab"] * 3, size)


async def test_search_and_back_on_the_list_and_the_journal(tmp_path: Path) -> None:
    await keys_leave_nothing_stale(tmp_path, "people", ["slash", "a", "enter", "slash", "escape"])
    await keys_leave_nothing_stale(tmp_path / "j", "journal", ["slash", "e", "enter", "escape"])


async def test_the_review_and_its_words(tmp_path: Path) -> None:
    await keys_leave_nothing_stale(tmp_path, "review", ["w", "escape", "tab", "tab"])


def test_the_screens_do_not_repaint_whole_on_focus() -> None:
    """What the tests above guard: our screens' focus does not ask for a full repaint."""
    assert BrillianceScreen.focused._repaint is False


WEEKS_AND_SCROLLING = [
    *["left_square_bracket"] * 3,
    "pagedown",
    "down",
    "end",
    *["right_square_bracket"] * 2,
    "up",
    "home",
    *["left_square_bracket"] * 6,
    "t",
]


def forget_drawn(screen: Widget) -> None:
    """Make every widget of ``screen`` and their scrollbars draw themselves again from what
    they hold, not from lines they kept: a widget that kept lines it should have drawn
    again (the Review's scrollbar, whose thumb is left alone when it does not move) differs."""
    for widget in screen.walk_children(Widget, with_self=True):
        bars = (widget._vertical_scrollbar, widget._horizontal_scrollbar)
        for drawn in (widget, *(bar for bar in bars if bar is not None)):
            drawn._styles_cache.clear()
            drawn._set_dirty()  # (its whole content rendered again, not its kept lines)
        if isinstance(widget, ReviewBody):
            widget._strips = {}


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (160, 75)])
async def test_the_review_weeks_and_scrolling(tmp_path: Path, size: tuple[int, int]) -> None:
    """[ and ] change what the body holds without a layout of the screen (issue 19), and
    the body scrolls itself: at 160 x 75 some weeks fit and the scrollbar comes and goes.
    What the terminal shows is what the widgets draw afresh, the scrollbar too."""
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="review")
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.2)
            terminal = Terminal(app)
            terminal.redraw()
            for key in WEEKS_AND_SCROLLING:
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                forget_drawn(app.screen)
                assert terminal.stale() == [], key
    finally:
        store.close()


async def test_the_today_page_restyles_only_itself_on_focus(tmp_path: Path) -> None:
    """TodayBody restyles only itself when it gains or loses the focus (issue 19: Textual
    restyled every widget in it, 20-40 ms a Tab). Whatever a style sheet would give the
    widgets inside it, restyled in full after each Tab, they already have."""
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="today")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.2)
            body = app.screen.query_one("#body")
            seen = set()
            for _ in range(9):
                await pilot.press("tab")
                await pilot.pause()
                seen.add(app.screen.focused)
                nodes = list(body.walk_children(with_self=True))
                styled = [node.styles.base.get_rules() for node in nodes]
                app.stylesheet.update_nodes(nodes)
                assert [node.styles.base.get_rules() for node in nodes] == styled
            assert body in seen
    finally:
        store.close()
