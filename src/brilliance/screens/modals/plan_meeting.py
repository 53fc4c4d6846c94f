"""Plan a meeting: when, where, and what kind."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from brilliance.domain import dates
from brilliance.domain.dates import DateWordsError
from brilliance.domain.models import Meeting, Person
from brilliance.domain.venues import VenueSuggestion
from brilliance.screens.modals.form_base import FormError, FormScreen
from brilliance.widgets.date_field import DateField


def parse_day(text: str, label: str, today: date, field: str | None = None) -> date:
    """A date typed in a form (``2026-11-27``, ``fri``, ``in 2 weeks``...)."""
    try:
        return dates.parse_day(text, today)
    except DateWordsError as exc:
        raise FormError(f"{label}: {exc}.", field) from None


def parse_time(text: str, field: str | None = None) -> time:
    """A time typed in a form (``18:30``, ``6.30pm``)."""
    try:
        return dates.parse_time(text)
    except DateWordsError as exc:
        raise FormError(f"Time: {exc}.", field) from None


def read_when(screen: DOMNode, day_id: str, time_id: str, today: date) -> datetime:
    """The moment typed in a date field and a time field; a time typed with the date wins."""
    field = screen.query_one(f"#{day_id}", Input).parent
    assert isinstance(field, DateField)
    try:
        when = field.read()
    except DateWordsError as exc:
        raise FormError(f"Date: {exc}.", day_id) from None
    if when is None:
        raise FormError("Date: a date is needed, for example fri or 2026-12-01.", day_id)
    at = when.at or parse_time(screen.query_one(f"#{time_id}", Input).value, time_id)
    return datetime.combine(when.day, at)


class PlanMeetingScreen(FormScreen[Meeting]):
    """Returns a planned Meeting (new, or the edited one)."""

    def __init__(
        self,
        person: Person,
        when: datetime,
        kinds: list[str],
        venue: VenueSuggestion | None,
        existing: Meeting | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.today = today or when.date()
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
                yield DateField(self.when.date().isoformat(), input_id="day", today=self.today)
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
        when = read_when(self, "day", "time", self.today)
        kind = self.query_one("#kind", Input).value.strip() or "coffee"
        place = self.query_one("#place", Input).value.strip()
        if self.existing is not None:
            return self.existing.model_copy(update={"when": when, "kind": kind, "place": place})
        return Meeting(person_id=self.person.id, when=when, kind=kind, place=place)
