"""Ask for one line of text (an own question, a note)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from brilliance.screens.modals.form_base import FormError, FormScreen


class LinePromptScreen(FormScreen[str]):
    """Returns the stripped text, never empty."""

    HINT_TEXT = "enter or ctrl+s saves, escape cancels."

    def __init__(self, title: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self._title = title
        self.placeholder = placeholder
        self.value = value

    def title_text(self) -> str:
        return self._title

    def fields(self) -> ComposeResult:
        yield Input(self.value, placeholder=self.placeholder, id="line", compact=True)

    def on_mount(self) -> None:
        self.query_one("#line", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def result(self) -> str:
        text = self.query_one("#line", Input).value.strip()
        if not text:
            raise FormError("Type something first, or escape to cancel.")
        return text
