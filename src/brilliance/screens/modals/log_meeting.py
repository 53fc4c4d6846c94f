"""After the meeting: what happened, what I gave, what I promised."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, SelectionList, TextArea

from brilliance.domain.models import (
    FollowUp,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.screens.modals.form_base import FormError, FormScreen
from brilliance.screens.modals.plan_meeting import parse_day, read_when
from brilliance.widgets.date_field import DateField
from brilliance.widgets.long_text import LongTextArea

FOLLOWUP_ROWS = 3
VALUE_LABELS = {
    ValueKind.INFORMATION: ("Information", "an article, an insight, a tip"),
    ValueKind.CONNECTION: ("Connection", "an introduction"),
    ValueKind.ENTERTAINMENT: ("Entertainment", "an experience, an event, a good time"),
}


@dataclass(frozen=True)
class MeetingLog:
    """What the form returns: the meeting as logged and the new promises."""

    meeting: Meeting
    followups: list[FollowUp]


class LogMeetingScreen(FormScreen[MeetingLog]):
    """Log a meeting (or edit its log). Ticked questions and introductions come pre-selected."""

    def __init__(
        self,
        person: Person,
        meeting: Meeting,
        questions: list[str],
        ticked_questions: set[str],
        candidates: list[Person],
        ticked_intros: set[str],
        today: date,
        praise_hint: str = "",
    ) -> None:
        super().__init__()
        self.praise_hint = praise_hint
        self.person = person
        self.meeting = meeting
        already = list(meeting.questions_asked)
        self.questions = already + [q for q in questions if q not in already]
        self.ticked_questions = ticked_questions | set(already)
        known = {p.id for p in candidates}
        self.candidates = candidates
        self.intro_selected = ticked_intros | set(meeting.introductions)
        self.intro_extra = [i for i in meeting.introductions if i not in known]
        self.today = today

    def title_text(self) -> str:
        verb = "Edit the log of" if self.meeting.status is not MeetingStatus.PLANNED else "Log"
        return f"{verb} the meeting with {self.person.name}"

    def fields(self) -> ComposeResult:
        meeting = self.meeting
        with RadioSet(id="status"):
            yield RadioButton(
                "Held", value=meeting.status is not MeetingStatus.CANCELLED, id="held"
            )
            yield RadioButton(
                "Cancelled", value=meeting.status is MeetingStatus.CANCELLED, id="cancelled"
            )
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Date", classes="label")
                # A planned meeting is usually logged on or after the day; never in the future.
                day = meeting.when.date()
                if meeting.status is MeetingStatus.PLANNED:
                    day = min(day, self.today)
                yield DateField(day.isoformat(), input_id="day", today=self.today, direction="past")
            with Vertical():
                yield Label("Time", classes="label")
                yield Input(f"{meeting.when:%H:%M}", id="time", compact=True)
            with Vertical():
                yield Label("Place", classes="label")
                yield Input(meeting.place, id="place", compact=True)
        yield Label(
            "Notes: what you learned, what they are working on, their wins", classes="label"
        )
        yield LongTextArea(meeting.notes, id="notes", soft_wrap=True, compact=True)  # ctrl+e
        yield Label("What I praised, sincerely", classes="label")
        yield Input(
            meeting.praised,
            placeholder=self.praise_hint or "a win, a piece of work, how they handled something",
            id="praised",
            compact=True,
        )
        yield Label("Questions asked (space ticks)", classes="label")
        yield SelectionList[str](
            *((q, q, q in self.ticked_questions) for q in self.questions), id="asked"
        )
        yield Label("Value given", classes="label")
        given = {item.kind: item.note for item in meeting.value_given}
        for kind, (label, example) in VALUE_LABELS.items():
            with Horizontal(classes="row"):
                yield Checkbox(label, kind in given, id=f"value-{kind.value}", compact=True)
                yield Input(
                    given.get(kind, ""),
                    placeholder=example,
                    id=f"note-{kind.value}",
                    compact=True,
                )
        yield Label("Introductions made", classes="label")
        if self.candidates:
            yield SelectionList[str](
                *((p.name, p.id, p.id in self.intro_selected) for p in self.candidates),
                id="intros",
            )
        else:
            yield Label("No suggested introductions for them.", classes="hint")
        yield Label("New promises (follow-ups) with due dates", classes="label")
        due = (self.today + timedelta(days=7)).isoformat()
        for row in range(FOLLOWUP_ROWS):
            with Horizontal(classes="row"):
                yield Input(placeholder="what I promised", id=f"promise-{row}", compact=True)
                yield DateField(due, input_id=f"due-{row}", today=self.today)

    def on_mount(self) -> None:
        # The first thing a person checks is the day it happened; then the notes.
        self.query_one("#day", Input).focus()

    def result(self) -> MeetingLog:
        held = self.query_one("#held", RadioButton).value
        moment = read_when(self, "day", "time", self.today)
        day = moment.date()
        values = []
        for kind in ValueKind:
            note = self.query_one(f"#note-{kind.value}", Input).value.strip()
            if self.query_one(f"#value-{kind.value}", Checkbox).value or note:
                values.append(ValueItem(kind=kind, note=note))
        asked = list(self.query_one("#asked", SelectionList).selected)
        intros = list(self.intro_extra)
        if self.candidates:
            intros += list(self.query_one("#intros", SelectionList).selected)
        followups = []
        for row in range(FOLLOWUP_ROWS):
            text = self.query_one(f"#promise-{row}", Input).value.strip()
            if not text:
                continue
            due = parse_day(
                self.query_one(f"#due-{row}", Input).value,
                f"The due date of '{text}'",
                self.today,
                f"due-{row}",
            )
            followups.append(
                FollowUp(person_id=self.person.id, text=text, due=due, meeting_id=self.meeting.id)
            )
        if held and day > self.today:
            raise FormError(
                "A held meeting can't be in the future: set the day it happened.", "day"
            )
        if not held and (values or followups or self.query_one("#praised", Input).value.strip()):
            raise FormError(
                "A cancelled meeting has no value given, praise or promises; choose Held."
            )
        meeting = self.meeting.model_copy(
            update={
                "status": MeetingStatus.DONE if held else MeetingStatus.CANCELLED,
                "when": moment,
                "place": self.query_one("#place", Input).value.strip(),
                "notes": self.query_one("#notes", TextArea).text,
                "praised": self.query_one("#praised", Input).value.strip(),
                "questions_asked": [str(q) for q in asked],
                "value_given": values,
                "introductions": [str(i) for i in intros],
            }
        )
        return MeetingLog(Meeting.model_validate(meeting.model_dump()), followups)
