"""A date typed as a person says it (``fri``, ``in 2 weeks``), with the day understood shown
under the field before anything is saved."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from brilliance.domain.dates import (
    DateWordsError,
    Direction,
    When,
    describe_when,
    parse_when,
)


class DateField(Vertical):
    """An Input (with the given id, so forms read it as before) and a line saying what it means."""

    DEFAULT_CSS = """
    DateField { height: auto; width: 1fr; }
    DateField > .date-understood { color: $text-muted; height: auto; width: 100%; }
    DateField > .date-understood.-unreadable { color: $text-warning; }
    """

    def __init__(
        self,
        value: str,
        *,
        input_id: str,
        today: date,
        direction: Direction = "future",
        placeholder: str = "fri, 27 nov, in 2 weeks",
        optional: bool = False,
    ) -> None:
        super().__init__(classes="date-field")
        self.value = value
        self.input_id = input_id
        self.today = today
        self.direction: Direction = direction
        self.placeholder = placeholder
        self.optional = optional

    def compose(self) -> ComposeResult:
        yield Input(self.value, id=self.input_id, placeholder=self.placeholder, compact=True)
        yield Static("", classes="date-understood", markup=False)

    def on_mount(self) -> None:
        self._show(self.query_one(Input).value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def read(self) -> When | None:
        """What the field says, or None when it is empty; DateWordsError when unreadable."""
        text = self.query_one(Input).value
        if not text.strip():
            return None
        return parse_when(text, self.today, self.direction)

    def _show(self, text: str) -> None:
        line = self.query_one(".date-understood", Static)
        try:
            when = self.read()
        except DateWordsError:
            line.update("? not a date yet: try fri, 27 nov, in 2 weeks")
            line.add_class("-unreadable")
            return
        line.remove_class("-unreadable")
        if when is None:
            line.update("no date" if self.optional else "")
        else:
            line.update(f"→ {describe_when(when, self.today, short=True)}")
