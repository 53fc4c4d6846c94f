"""The first run: who I am, what the practice is, and a choice of empty or sample data."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from brilliance.domain.models import updated
from brilliance.screens.base import BrillianceModal
from brilliance.screens.modals.form_base import FormError
from brilliance.screens.modals.profile import profile_fields, read_profile

INTRO = (
    "Brilliance helps you build a small network of strong relationships, a few minutes a day. "
    "Keep a list of about a dozen talented people on their way up, and meet each of them "
    "twice a month: prepare every meeting, give something of value, keep every promise."
)


class WelcomeScreen(BrillianceModal[str]):
    """Dismisses with "empty" or "demo" once the profile is saved."""

    CSS_PATH = "welcome.tcss"

    BINDINGS = [
        Binding("ctrl+s", "start('empty')", "Start", priority=True),
        Binding("ctrl+d", "start('demo')", "Explore sample data", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Welcome to Brilliance", id="welcome-title", markup=False)
            yield Static(INTRO, id="intro", markup=False)
            with VerticalScroll():
                yield from profile_fields(self.store.profile)
            yield Static("", id="error", markup=False)
            with Horizontal(id="choices"):
                yield Button("Explore sample data (ctrl+d)", id="demo")
                yield Button("Start with my own (ctrl+s)", id="empty", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_start(self, choice: str) -> None:
        try:
            profile = read_profile(self, self.store.profile)
        except FormError as exc:
            self.query_one("#error", Static).update(str(exc))
            return
        # Exploring the sample data keeps the first run a first run: the welcome (with what
        # was typed here) comes back until the person starts on their own data.
        welcomed = choice != "demo"
        saved = self.attempt_save(
            lambda: self.store.save_profile(updated(profile, welcomed=welcomed))
        )
        if saved is not None:
            self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_start(event.button.id or "empty")
