"""Everything about one person: who they are, how I can help, and our history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brilliance.domain.cadence import days_until_due, describe_due, describe_last_met
from brilliance.domain.introduction_log import awaiting_answer
from brilliance.domain.models import Person
from brilliance.domain.timeline import last_time, no_meeting_logged
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.navigation import Prepare
from brilliance.screens.person_actions import edit_person, move_person
from brilliance.screens.practice_actions import (
    ask_about_introduction,
    edit_dates_and_connections,
    practice_summary,
)
from brilliance.screens.timeline import TimelineScreen
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.mode_bar import ModeBar

NOTHING = "—"


def _lines(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items) if items else NOTHING


class PersonScreen(BrillianceScreen):
    """A person's detail view, pushed over the List."""

    CSS_PATH = "person.tcss"
    HELP = (
        "Everything about one person. e edits, m moves them on or off the list, t opens their "
        "timeline (meetings with notes, promises, journal mentions, goal changes, important "
        "dates, introductions, praise), d edits their important dates and whom they know, "
        "h records whether an introduction helped."
    )

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("t", "timeline", "Timeline"),
        Binding("p", "prep", "Prep"),
        Binding("d", "dates", "Dates and connections"),
        Binding("h", "helped", "Did it help?"),
        Binding("m", "move", "On/off list", show=False),
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield ModeBar("people")
        with VerticalScroll(id="detail"):
            yield Static("", id="name", markup=False)
            yield Static("", id="summary")
            yield Static("", id="practice")
            yield Static("", id="sections")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#detail").focus()

    @property
    def person(self) -> Person | None:
        return self.store.people.get(self.person_id)

    def refresh_data(self) -> None:
        person = self.person
        if person is None:  # deleted elsewhere
            self.dismiss()
            return
        today = self.clock.today()
        headline = " · ".join(part for part in (person.headline, person.organisation) if part)
        self.query_one("#name", Static).update(
            f"{person.name}{'  —  ' + headline if headline else ''}"
        )
        if person.on_list:
            status = Content.assemble(
                ("★ On the list", "bold $accent"),
                f" · meet every {person.cadence_days} days · last met ",
                describe_last_met(person.last_met, today),
                " · next ",
                describe_due(days_until_due(person, today)),
            )
        else:
            status = Content.assemble(
                ("Wider network", "bold"),
                " · last met ",
                describe_last_met(person.last_met, today),
            )
        contact = " · ".join(part for part in (person.email, person.phone) if part)
        if contact:
            status = Content.assemble(status, "\n", contact)
        self.query_one("#summary", Static).update(status)
        self.query_one("#practice", Static).update(practice_summary(self.store, person, today))
        self.query_one("#sections", Static).update(self._sections(person))
        self.mark_fresh()

    def _section(self, title: str, body: str | Content) -> Content:
        return Content.assemble(("\n" + title + "\n", "bold $text-primary"), body, "\n")

    def _sections(self, person: Person) -> Content:
        parts = [
            self._section("How I can help", person.how_i_can_help or NOTHING),
            self._section("Goals", _lines(person.goals)),
        ]
        # The rest of the profile only when there is something to say.
        optional = (
            ("Aspirations", person.aspirations),
            ("Skills", ", ".join(person.skills)),
            ("Interests", ", ".join(person.interests)),
            ("Recent wins", _lines(person.wins) if person.wins else ""),
            ("Tags", ", ".join(person.tags)),
            ("Notes", person.notes),
        )
        parts += [self._section(title, body) for title, body in optional if body]
        missing = [title.lower() for title, body in optional if not body]
        if missing:
            parts.append(
                Content.assemble(("\nNot noted yet: " + ", ".join(missing) + " (e edits)\n", "dim"))
            )
        parts += [
            self._section("Last time", self._last_time(person)),
            self._section("Meetings", self._meetings(person)),
            self._section("Follow-ups I owe them", self._followups(person)),
            self._section("In my journal", self._mentions(person)),
        ]
        if person.partnership_prospect:
            parts.append(self._section("Prospective partner", self._partnership(person)))
        return Content("").join(parts)

    def _meetings(self, person: Person) -> str:
        meetings = self.store.meetings.for_person(person.id)
        if not meetings:
            return "No meetings yet."
        lines = []
        for meeting in reversed(meetings[-12:]):
            place = f" at {meeting.place}" if meeting.place else ""
            lines.append(
                f"{meeting.when:%Y-%m-%d %H:%M}  {meeting.kind}{place}  ({meeting.status.value})"
            )
        return "\n".join(lines)

    def _last_time(self, person: Person) -> str:
        last = last_time(
            self.store.meetings.for_person(person.id), self.store.followups.for_person(person.id)
        )
        if last is None:
            return no_meeting_logged(person.last_met)
        return "\n".join(last.lines(self.clock.today())) + "\n(t shows the whole timeline)"

    def _followups(self, person: Person) -> str:
        open_items = [f for f in self.store.followups.for_person(person.id) if not f.done]
        if not open_items:
            return "Nothing promised and not yet done."
        return "\n".join(f"{f.due.isoformat()}  {f.text}" for f in open_items)

    def _mentions(self, person: Person) -> str:
        entries = self.store.journal.mentioning(person.id)
        if not entries:
            return "No journal entry mentions them yet."
        lines = []
        for entry in entries[:10]:
            first = next((line for line in entry.text.splitlines() if line.strip()), "")
            lines.append(f"{entry.written_at:%Y-%m-%d}  {first[:80]}")
        if len(entries) > 10:
            lines.append(f"… and {len(entries) - 10} more")
        return "\n".join(lines)

    def _partnership(self, person: Person) -> str:
        answered = {k: v for k, v in person.partnership_review.items() if v.answer}
        if not answered:
            return "The seven partnership questions are not answered yet."
        return "\n".join(
            f"{key}: {value.answer.value}{' — ' + value.note if value.note else ''}"
            for key, value in answered.items()
        )

    def action_dates(self) -> None:
        person = self.person
        if person is not None:
            edit_dates_and_connections(self, person, self.refresh_data)

    def action_helped(self) -> None:
        waiting = awaiting_answer(self.store.meetings.all(), self.clock.today(), self.person_id)
        if not waiting:
            self.notify("No introduction of theirs is waiting for an answer.")
            return
        intro = waiting[0]
        ask_about_introduction(
            self, intro.meeting.id, intro.other_id, self.refresh_data, seen_from=self.person_id
        )

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        person = self.person
        if person is not None:
            edit_person(self, person, on_saved=lambda _: self.refresh_data())

    def action_timeline(self) -> None:
        self.app.push_screen(TimelineScreen(self.person_id))

    def action_prep(self) -> None:
        self.post_message(Prepare(self.person_id))

    def action_move(self) -> None:
        person = self.person
        if person is None:
            return
        if move_person(self, person) is not None:
            self.refresh_data()
