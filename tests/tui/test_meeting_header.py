"""The Prep screen's header redraws a line only when it changed, and lays the screen out again
only when the line's height may change (issue 19: a tick changes "3 of 17" to "4 of 17")."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from brilliance.widgets.meeting_header import MeetingHeader


class HeaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield MeetingHeader()


def shown(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_line_that_grows_past_the_width_is_laid_out_on_two_lines() -> None:
    app = HeaderApp()
    async with app.run_test(size=(40, 8)) as pilot:
        header = app.query_one(MeetingHeader)
        line = app.query_one("#meeting-line", Static)
        header._put("meeting-line", Content("a" * 20 + " " + "b" * 19))  # exactly the width
        await pilot.pause()
        assert line.size.height == 1
        header._put("meeting-line", Content("c" * 20 + " " + "d" * 19))  # as wide: no layout
        await pilot.pause()
        assert line.size.height == 1 and shown(app)[1].startswith("c" * 20 + " d")
        header._put("meeting-line", Content("a" * 20 + " " + "b" * 20))  # one more: two lines
        await pilot.pause()
        assert line.size.height == 2
        header._put("meeting-line", Content("short"))  # and back to one
        await pilot.pause()
        assert line.size.height == 1
        assert shown(app)[1].startswith("short ") and shown(app)[2].strip() == ""
