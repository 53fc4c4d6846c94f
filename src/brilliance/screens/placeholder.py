"""Modes whose own issues have not landed yet say honestly what will be there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from brilliance.screens.base import BrillianceScreen
from brilliance.widgets.mode_bar import ModeBar


class PlaceholderScreen(BrillianceScreen):
    """One line on what this mode will hold."""

    DEFAULT_CSS = """
    PlaceholderScreen #coming {
        padding: 2 4;
        color: $text-muted;
    }
    """

    MODE = ""
    COMING = ""

    def compose(self) -> ComposeResult:
        yield ModeBar(self.MODE)
        yield Static(self.COMING, id="coming", markup=False)
        yield Footer()


class TodayScreen(PlaceholderScreen):
    MODE = "today"
    COMING = (
        "Today will hold the day's idea and prompt, who is due, meetings coming up, promises "
        "falling due, and your journal streak. For now, press 2 for your list."
    )
    HELP = COMING


class PrepScreen(PlaceholderScreen):
    MODE = "prep"
    COMING = (
        "Prep will hold the checklist for your next meeting with someone: questions, shared "
        "interests, introductions and events. For now, press 2 for your list."
    )
    HELP = COMING
