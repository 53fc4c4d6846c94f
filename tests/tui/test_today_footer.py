"""Today's footer: one line (StillFooter) that shows the keys of the list with the focus and
presses a key when it is clicked, as Footer did (issue 19: Footer rebuilt itself on a Tab)."""

from __future__ import annotations

from pathlib import Path

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.screens.journal_editor import JournalEditorScreen
from brilliance.screens.today_footer import StillFooter
from tests.conftest import FROZEN_NOW
from tests.tui.test_snapshots import demo_store


def footer_text(app: object) -> str:
    footer = app.screen.query_one(StillFooter)  # type: ignore[attr-defined]
    return str(footer.render())


async def test_the_keys_follow_the_focus_and_a_click_presses_one(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="today")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.2)
            assert app.screen.focused is not None and app.screen.focused.id == "due"
            assert "⏎ Open" in footer_text(app) and "Kept" not in footer_text(app)
            while app.screen.focused.id != "promises":
                await pilot.press("tab")
                await pilot.pause()
            assert "space Kept" in footer_text(app)
            await pilot.press("tab", "tab", "tab")  # past the promises, to the grid
            await pilot.pause()
            assert "Kept" not in footer_text(app)
            text = footer_text(app)
            x = text.index("j Today's entry")
            await pilot.click(StillFooter, offset=(x + 2, 0))
            await pilot.pause()
            assert isinstance(app.screen, JournalEditorScreen)
    finally:
        store.close()


async def test_a_click_where_the_palette_key_is_not_drawn_opens_nothing(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="today")
        async with app.run_test(size=(50, 24)) as pilot:
            await pilot.pause(0.2)
            text = footer_text(app)
            assert "palette" not in text and len(text) < 49  # no room for it: not drawn
            await pilot.click(StillFooter, offset=(49, 0))  # where it would be
            await pilot.pause()
            assert len(app.screen_stack) == 1  # no palette
    finally:
        store.close()
