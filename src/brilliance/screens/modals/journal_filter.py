"""Narrow the journal to a tag, a person and a date range."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from brilliance.domain.dates import DateWordsError, parse_day
from brilliance.domain.journal import JournalFilter
from brilliance.domain.models import Person
from brilliance.domain.names import resolve_name, tell_apart
from brilliance.widgets.date_field import DateField


class JournalFilterScreen(ModalScreen[JournalFilter | None]):
    """Dismisses with the new filter (words kept), or None on escape."""

    DEFAULT_CSS = """
    JournalFilterScreen { align: center middle; }
    JournalFilterScreen > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%; padding: 0 2;
    }
    JournalFilterScreen #title { text-style: bold; color: $text-primary; }
    JournalFilterScreen #hint { color: $text-muted; margin-bottom: 1; }
    JournalFilterScreen Label { color: $text-muted; }
    JournalFilterScreen Input { background: $boost; }
    JournalFilterScreen Label { margin-top: 1; }
    JournalFilterScreen .dates { height: auto; }
    JournalFilterScreen .dates > Vertical { height: auto; width: 1fr; margin-right: 1; }
    JournalFilterScreen #error { color: $text-error; }
    JournalFilterScreen Horizontal { height: auto; align-horizontal: right; }
    JournalFilterScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        current: JournalFilter,
        tags: list[str],
        people: list[Person],
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.today = today or date.today()
        self.current = current
        self.tags = tags
        self.people = people

    def _person_name(self, person_id: str | None) -> str:
        found = next((p for p in self.people if p.id == person_id), None)
        return found.name if found else ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Filter the journal", id="title", markup=False)
            yield Static(
                "Leave a field empty to not filter by it. enter or ctrl+s applies.",
                id="hint",
                markup=False,
            )
            yield Label("Tag")
            yield Input(
                self.current.tag or "",
                placeholder="a tag, without #",
                id="tag",
                compact=True,
                suggester=SuggestFromList(self.tags, case_sensitive=False),
            )
            yield Label("Person mentioned")
            yield Input(
                self._person_name(self.current.person_id),
                placeholder="a name",
                id="person",
                compact=True,
                suggester=SuggestFromList([p.name for p in self.people], case_sensitive=False),
            )
            with Horizontal(classes="dates"):
                for field, label, value in (
                    ("start", "From", self.current.start),
                    ("end", "To", self.current.end),
                ):
                    with Vertical():
                        yield Label(label)
                        yield DateField(
                            self._day(value),
                            input_id=field,
                            today=self.today,
                            direction="past",
                            placeholder="last mon, 1 nov, 2026-11-01",
                            optional=True,
                        )
            yield Static("", id="error", markup=False)
            with Horizontal():
                yield Button("Clear all", id="clear")
                yield Button("Apply", id="apply", variant="primary")

    @staticmethod
    def _day(value: date | None) -> str:
        return value.isoformat() if value else ""

    def _read(self) -> JournalFilter | str:
        tag = self.query_one("#tag", Input).value.strip().lstrip("#").casefold() or None
        if tag and tag not in self.tags:
            return f"No entry has the tag #{tag}."
        name = self.query_one("#person", Input).value.strip()
        person_id = None
        if name:
            found = resolve_name(name, self.people)
            if found.candidates:
                options = "; ".join(tell_apart(p) for p in found.candidates[:3])
                return f"{name!r} could be {len(found.candidates)} people: {options}."
            if found.person is None:
                return f"No one in your network is called {name!r}."
            person_id = found.person.id
        days: list[date | None] = []
        for field in ("start", "end"):
            raw = self.query_one(f"#{field}", Input).value.strip()
            try:
                days.append(parse_day(raw, self.today, "past") if raw else None)
            except DateWordsError as exc:
                return f"{'From' if field == 'start' else 'To'}: {exc}."
        start, end = days
        if start and end and start > end:
            return "From is after To."
        return JournalFilter(self.current.words, tag, person_id, start, end)

    def action_apply(self) -> None:
        result = self._read()
        if isinstance(result, str):
            self.query_one("#error", Static).update(result)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#clear")
    def _clear_pressed(self) -> None:
        self.dismiss(JournalFilter(self.current.words))
