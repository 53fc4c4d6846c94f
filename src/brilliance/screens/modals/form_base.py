"""What the small forms share: a titled dialog, ctrl+s to save, escape to cancel, one error line."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

T = TypeVar("T")


class FormError(ValueError):
    """Raised by ``result()``: a sentence telling the user what to fix."""


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Subclasses implement ``fields()`` and ``result()`` (the value, or raise FormError)."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 95%;
        padding: 0 1;
    }
    FormScreen #form-title { text-style: bold; color: $text-primary; padding: 0 1; }
    FormScreen #form-hint { color: $text-muted; padding: 0 1 1 1; }
    FormScreen #form-fields { height: auto; max-height: 1fr; padding: 0 1; }
    FormScreen .label { color: $text-muted; margin-top: 1; }
    FormScreen .hint { color: $text-muted; text-style: italic; }
    FormScreen #form-error { color: $text-error; padding: 0 1; }
    FormScreen #form-buttons { height: auto; align-horizontal: right; padding: 0 1; }
    FormScreen #form-buttons Button { margin-left: 2; }
    FormScreen Input { background: $boost; }
    FormScreen TextArea { height: 5; background: $boost; }
    FormScreen .row { height: auto; }
    FormScreen .row > * { width: 1fr; margin-right: 1; }
    FormScreen .row > Vertical { height: auto; }
    FormScreen SelectionList { height: auto; max-height: 8; background: $boost; }
    FormScreen RadioSet { margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    TITLE_TEXT = ""
    HINT_TEXT = "ctrl+s saves, escape cancels."

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text(), id="form-title", markup=False)
            yield Static(self.HINT_TEXT, id="form-hint", markup=False)
            with VerticalScroll(id="form-fields"):
                yield from self.fields()
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Cancel (esc)", id="form-cancel")
                yield Button("Save (ctrl+s)", id="form-save", variant="primary")

    def title_text(self) -> str:
        return self.TITLE_TEXT

    def fields(self) -> ComposeResult:
        raise NotImplementedError
        yield

    def result(self) -> T:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def action_save(self) -> None:
        try:
            outcome = self.result()
        except FormError as exc:
            self.show_error(str(exc))
            return
        self.dismiss(outcome)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
