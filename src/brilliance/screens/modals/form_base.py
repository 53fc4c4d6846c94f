"""What the small forms share: a titled dialog, ctrl+s to save, escape to cancel, one error line."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from brilliance.screens.modals.confirm import ConfirmScreen

T = TypeVar("T")


class FormError(ValueError):
    """Raised by ``result()``: a sentence telling the user what to fix, and which field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        """The id of the widget the message is about: it gets focus, and the message goes
        away once that field is valid."""


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
    FormScreen #form-fields { height: auto; padding: 0 1; }
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

    def on_resize(self) -> None:
        self._fit_fields()

    def on_mount(self) -> None:
        self._fit_fields()
        # What the form showed when it opened, once subclasses have filled it in.
        self.call_after_refresh(self._remember_shown)

    def _remember_shown(self) -> None:
        self._shown = self._field_values()

    def _field_values(self) -> tuple[object, ...]:
        """Every field's current value, to tell whether anything was typed or chosen."""
        values: list[object] = []
        for widget in self.query("#form-fields *"):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, SelectionList):
                values.append(tuple(widget.selected))
            elif isinstance(widget, RadioSet):
                values.append(widget.pressed_index)
            elif isinstance(widget, Input | Checkbox | Select):
                values.append(widget.value)
        return tuple(values)

    @property
    def edited(self) -> bool:
        """Whether a field differs from what the form showed when it opened."""
        shown = getattr(self, "_shown", None)
        return shown is not None and shown != self._field_values()

    def _fit_fields(self) -> None:
        """Give the scrolling fields what the screen leaves after the title, error and buttons.

        CSS cannot say "auto, but at most what is left" for a child of an auto-height dialog,
        and without a limit the fields overflow the dialog: the last ones are typed unseen.
        """
        fields = self.query_one("#form-fields", VerticalScroll)
        # 95% of the screen, less the border (2), title (1), hint (2), error (1), buttons (3).
        fields.styles.max_height = max(3, int(self.size.height * 0.95) - 9)

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
            self._error_field = exc.field
            self.show_error(str(exc))
            if exc.field is not None:
                widget = self.query_one(f"#{exc.field}")
                widget.focus()
                widget.scroll_visible(animate=False)
            return
        self.dismiss(outcome)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _clear_fixed_error(self) -> None:
        """Once the field an error is about is valid, the error goes away."""
        field = getattr(self, "_error_field", None)
        if field is None:
            return
        try:
            self.result()
        except FormError as exc:
            if exc.field == field:
                return
        self._error_field = None
        self.show_error("")

    def action_cancel(self) -> None:
        """Close without saving; if something was typed or chosen, ask first."""
        if not self.edited:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Close the form and lose what you typed?", yes_label="Discard"),
            answered,
        )

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
