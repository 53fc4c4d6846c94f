"""Add or edit an event I could invite people to."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Label

from brilliance.domain.errors import summary
from brilliance.domain.models import Event, updated
from brilliance.screens.modals.form_base import FormError, FormScreen
from brilliance.screens.modals.plan_meeting import parse_day
from brilliance.widgets.date_field import DateField


class EventFormScreen(FormScreen[Event]):
    def __init__(self, event: Event | None, today_iso: str) -> None:
        super().__init__()
        self.event = event
        self.today_iso = today_iso

    def title_text(self) -> str:
        return f"Edit {self.event.title}" if self.event else "Add an event"

    def fields(self) -> ComposeResult:
        event = self.event
        yield Label("Title", classes="label")
        yield Input(event.title if event else "", id="title", compact=True)
        yield Label("Date", classes="label")
        yield DateField(
            event.day.isoformat() if event else self.today_iso,
            input_id="day",
            today=date.fromisoformat(self.today_iso),
        )
        yield Label("Place", classes="label")
        yield Input(event.place if event else "", id="place", compact=True)
        yield Label(
            "Topics (comma-separated: matched against people's interests and goals)",
            classes="label",
        )
        yield Input(", ".join(event.topics) if event else "", id="topics", compact=True)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def result(self) -> Event:
        day = parse_day(
            self.query_one("#day", Input).value, "Date", date.fromisoformat(self.today_iso), "day"
        )
        values = {
            "title": self.query_one("#title", Input).value,
            "day": day,
            "place": self.query_one("#place", Input).value,
            "topics": self.query_one("#topics", Input).value,
        }
        try:
            if self.event is None:
                return Event.model_validate(values)
            return updated(self.event, **values)
        except ValidationError as exc:
            raise FormError(summary(exc)) from None
