"""The bar at the top of every mode: the five sections, with the current one highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

MODE_TITLES: dict[str, str] = {
    "today": "Today",
    "people": "List",
    "prep": "Prep",
    "journal": "Journal",
    "review": "Review",
}


def fitting(texts: Sequence[str], room: int) -> str:
    """The first of ``texts`` (given longest first) that fits in ``room`` cells; when none
    does, the last one cut with an ellipsis (never a second line that the bar would drop)."""
    for text in texts:
        if cell_len(text) <= room:
            return text
    if room <= 0 or not texts:
        return ""
    return set_cell_size(texts[-1], room - 1).rstrip() + "…"


class ModeStatus(Widget):
    """The words on the right of the bar, in the longest form that fits the room left."""

    texts: tuple[str, ...] = ("",)

    def render(self) -> RenderResult:
        return Content(fitting(self.texts, self.content_size.width))

    def show(self, texts: Sequence[str]) -> None:
        self.texts = tuple(texts)
        self.refresh()


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
    """``Brilliance  1 Today  2 List  3 Prep  4 Journal  5 Review`` with the active mode marked."""

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
        height: 1;
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
        yield ModeStatus(id="mode-status")
        if getattr(self.app, "read_only", False):  # the folder cannot be written (13.11)
            yield Static("READ-ONLY: changes are not saved", id="read-only", markup=False)

    def set_status(self, text: str, *shorter: str) -> None:
        """Text shown on the right of the bar (for example the journal streak), with shorter
        forms of it, longest first, for a narrow terminal."""
        self.query_one(ModeStatus).show((text, *shorter))
