"""The top of the Prep screen: whom it is for, and which meeting (when, where, how far ticked)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from brilliance.domain.cadence import days_until_due, describe_due
from brilliance.domain.models import Meeting, MeetingStatus, Person

STATUS_STYLES = {
    MeetingStatus.PLANNED: ("planned", "bold $accent"),
    MeetingStatus.DONE: ("held", "bold $success"),
    MeetingStatus.CANCELLED: ("cancelled", "bold $error"),
}


class MeetingHeader(Vertical):
    """Two lines: a title (``#prep-title``) and the meeting's line (``#meeting-line``)."""

    DEFAULT_CSS = """
    MeetingHeader {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="prep-title", markup=False)
        yield Static("", id="meeting-line")

    def show_hint(self, hint: str) -> None:
        """No one chosen yet: a hint on how to choose, and no meeting line."""
        self.query_one("#prep-title", Static).update(hint)
        self.query_one("#meeting-line", Static).update("")

    def show(
        self,
        person: Person,
        meeting: Meeting | None,
        theirs: Sequence[Meeting],
        ticked: int,
        total: int,
        today: date,
    ) -> None:
        """The person, and ``meeting`` (one of ``theirs``, oldest first) or what to do without."""
        about = " · ".join(part for part in (person.headline, person.organisation) if part)
        title = f"Prep: {person.name}" + (f"  —  {about}" if about else "")
        self.query_one("#prep-title", Static).update(title)
        if meeting is None:
            due = ""
            if person.on_list:
                due = f" They are {describe_due(days_until_due(person, today))}."
            line = Content.assemble(
                ("No meeting planned. ", "bold $warning"),
                f"Press n to plan one (ticks are kept for it), or l to log one that happened.{due}",
            )
        else:
            place = f" at {meeting.place}" if meeting.place else ""
            position = f"  (meeting {theirs.index(meeting) + 1} of {len(theirs)}, [ ] to step)"
            line = Content.assemble(
                (f"{meeting.kind.capitalize()}{place}, {meeting.when:%A %d %B %Y, %H:%M} · ", ""),
                STATUS_STYLES[meeting.status],
                f" · {ticked} of {total} ticked",
                (position if len(theirs) > 1 else "", "dim"),
            )
        self.query_one("#meeting-line", Static).update(line)
