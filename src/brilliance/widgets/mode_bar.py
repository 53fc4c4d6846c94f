"""The bar at the top of every mode: the four sections, with the current one highlighted."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

MODE_TITLES: dict[str, str] = {
    "today": "Today",
    "people": "List",
    "prep": "Prep",
    "journal": "Journal",
}


class ModeTab(Static):
    """One section in the mode bar; a click switches to it."""

    def __init__(self, mode: str, number: int, active: bool) -> None:
        super().__init__(
            f" {number} {MODE_TITLES[mode]} ",
            classes="-active" if active else "",
            markup=False,
        )
        self.mode = mode

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action(f"switch_mode({self.mode!r})")


class ModeBar(Horizontal):
    """``Brilliance  1 Today  2 List  3 Prep  4 Journal`` with the active mode marked."""

    DEFAULT_CSS = """
    ModeBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    ModeBar #brand {
        width: auto;
        padding: 0 2 0 1;
        color: $text-primary;
        text-style: bold;
    }
    ModeBar ModeTab {
        width: auto;
        color: $text-muted;
    }
    ModeBar ModeTab:hover {
        color: $text;
        background: $boost;
    }
    ModeBar ModeTab.-active {
        color: $text;
        background: $primary;
        text-style: bold;
    }
    ModeBar #read-only {
        width: auto;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    ModeBar #mode-status {
        width: 1fr;
        content-align-horizontal: right;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, active: str) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        yield Static("Brilliance", id="brand", markup=False)
        for number, mode in enumerate(MODE_TITLES, start=1):
            yield ModeTab(mode, number, mode == self.active)
        yield Static("", id="mode-status", markup=False)
        if getattr(self.app, "read_only", False):  # the folder cannot be written (13.11)
            yield Static("READ-ONLY: changes are not saved", id="read-only", markup=False)

    def set_status(self, text: str) -> None:
        """Text shown on the right of the bar (for example the journal streak)."""
        self.query_one("#mode-status", Static).update(text)
