"""``?``: every key of the screen it was opened from, and the keys that work everywhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

PALETTE_NOTE = (
    "ctrl+p opens the command palette: type to find any command, a person by name, or a theme."
)


MOVEMENT_KEYS = {"up", "down", "home", "end", "pageup", "pagedown"}


def describe_keys(screen: Screen[object]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Keys of ``screen`` and app-wide keys, as (key, description) pairs.

    The screen's own keys come first, then the keys of our own widgets and the basic movement
    keys of Textual's; Textual's generic widget keys (copy, focus next...) are left out as noise.
    """

    def declared_by_us(node: object) -> set[str]:
        keys: set[str] = set()
        for cls in type(node).__mro__:
            if cls.__module__.startswith("brilliance."):
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding):
                        keys.update(k.strip() for k in binding.key.split(","))
        return keys

    own: list[tuple[str, str]] = []
    moving: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description or binding.tooltip
        if not description:
            continue
        entry = (screen.app.get_key_display(binding), description)
        if entry in seen:
            continue
        node = active.node
        ours = key in declared_by_us(node)
        if node is screen.app:
            everywhere.append(entry)
        elif node is screen and ours:
            own.append(entry)
        elif node is not screen and (ours or key in MOVEMENT_KEYS):
            moving.append(entry)
        else:
            continue
        seen.add(entry)
    return own + moving, everywhere


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys, closed with escape, q or ?."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 76;
        max-height: 90%;
        height: auto;
        padding: 1 2;
    }
    HelpScreen .heading {
        text-style: bold;
        color: $text-primary;
        margin-top: 1;
    }
    HelpScreen .about {
        color: $text-muted;
    }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, title: str, about: str, screen: Screen[object]) -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.here, self.everywhere = describe_keys(screen)

    @staticmethod
    def _table(entries: list[tuple[str, str]]) -> Content:
        width = max((len(key) for key, _ in entries), default=0) + 2
        lines = [
            Content.assemble((key.ljust(width), "bold $accent"), description)
            for key, description in entries
        ]
        return Content("\n").join(lines)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(Content.assemble((self.title_text, "bold")))
            yield Static(self.about, classes="about", markup=False)
            yield Static("On this screen", classes="heading", markup=False)
            yield Static(self._table(self.here))
            yield Static("Everywhere", classes="heading", markup=False)
            yield Static(self._table(self.everywhere))
            yield Static(PALETTE_NOTE, classes="about heading", markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
