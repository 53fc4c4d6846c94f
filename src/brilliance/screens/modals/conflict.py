"""The data file changed on disk under us: never overwrite blindly, let the user choose."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

EXPLANATION = (
    "The data file changed on disk since Brilliance opened it: another device, a sync tool "
    "or an edit by hand. Nothing was overwritten, and your latest change is kept in memory.\n\n"
    "r  Reload the file and re-apply my changes on top (recommended)\n"
    "c  Save my version as a copy beside the file, then load the file from disk\n"
    "escape  Decide later (your changes stay in memory; the next save asks again)"
)


class ConflictScreen(ModalScreen[str]):
    """Dismisses with "reapply", "copy" or "later"."""

    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > Vertical {
        width: 80; height: auto; padding: 1 2;
    }
    ConflictScreen #conflict-title { text-style: bold; color: $text-warning; margin-bottom: 1; }
    ConflictScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConflictScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("r", "choose('reapply')", "Reload and re-apply"),
        Binding("c", "choose('copy')", "Save mine as a copy"),
        Binding("escape", "choose('later')", "Later"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -warning"):
            yield Static("The file changed on disk", id="conflict-title", markup=False)
            yield Static(EXPLANATION, markup=False)
            with Horizontal():
                yield Button("Later (esc)", id="later")
                yield Button("Save mine as a copy (c)", id="copy")
                yield Button("Reload and re-apply (r)", id="reapply", variant="primary")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")
