"""Plan a meeting: when, where, and what kind."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from brilliance.domain.models import Meeting, Person
from brilliance.domain.venues import VenueSuggestion
from brilliance.screens.modals.form_base import FormError, FormScreen


def parse_day(text: str, label: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FormError(f"{label} must be a date like 2026-11-24.") from None


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise FormError("Time must be like 18:30.") from None


class PlanMeetingScreen(FormScreen[Meeting]):
    """Returns a planned Meeting (new, or the edited one)."""

    def __init__(
        self,
        person: Person,
        when: datetime,
        kinds: list[str],
        venue: VenueSuggestion | None,
        existing: Meeting | None = None,
    ) -> None:
        super().__init__()
        self.person = person
        self.when = existing.when if existing else when
        self.kinds = kinds
        self.venue = venue
        self.existing = existing

    def title_text(self) -> str:
        verb = "Change the plan" if self.existing else "Plan a meeting"
        return f"{verb} with {self.person.name}"

    def fields(self) -> ComposeResult:
        existing = self.existing
        kind = existing.kind if existing else (self.venue.kind.id if self.venue else "coffee")
        place = existing.place if existing else ""
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Date", classes="label")
                yield Input(self.when.date().isoformat(), id="day", compact=True)
            with Vertical():
                yield Label("Time", classes="label")
                yield Input(f"{self.when:%H:%M}", id="time", compact=True)
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Kind", classes="label")
                yield Input(
                    kind,
                    id="kind",
                    compact=True,
                    suggester=SuggestFromList(self.kinds, case_sensitive=False),
                )
            with Vertical():
                yield Label("Place", classes="label")
                yield Input(place, id="place", compact=True, placeholder="where")
        if self.venue is not None:
            yield Static(f"Idea: {self.venue.describe()}", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#day", Input).focus()

    def result(self) -> Meeting:
        day = parse_day(self.query_one("#day", Input).value, "Date")
        at = parse_time(self.query_one("#time", Input).value)
        kind = self.query_one("#kind", Input).value.strip() or "coffee"
        place = self.query_one("#place", Input).value.strip()
        when = datetime.combine(day, at)
        if self.existing is not None:
            return self.existing.model_copy(update={"when": when, "kind": kind, "place": place})
        return Meeting(person_id=self.person.id, when=when, kind=kind, place=place)
