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

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[str, Content] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="prep-title", markup=False)
        yield Static("", id="meeting-line")

    def _put(self, name: str, line: Content) -> None:
        """Show ``line`` in the Static ``name`` if it is not shown already; without a layout of
        the screen when the old and the new line each fit on one line (a tick: "3 of 17
        ticked" becomes "4 of 17 ticked"; issue 19)."""
        old = self._shown.get(name)
        if old is not None and old.plain == line.plain and old.spans == line.spans:
            return
        widget = self.query_one(f"#{name}", Static)
        width = widget.size.width

        def one_line(text: Content) -> bool:
            return 0 < text.cell_length <= width and "\n" not in text.plain

        self._shown[name] = line
        widget.update(line, layout=not (old is not None and one_line(old) and one_line(line)))

    def show_hint(self, hint: str) -> None:
        """No one chosen yet: a hint on how to choose, and no meeting line."""
        self._put("prep-title", Content(hint))
        self._put("meeting-line", Content(""))

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
        self._put("prep-title", Content(title))
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
        self._put("meeting-line", line)
