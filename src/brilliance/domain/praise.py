"""Praise given: what I praised at a meeting, and the wins I have not praised yet.

The practice: praise sincerely and early. A win noted for someone that no logged meeting
praised yet is the first thing to praise next time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from brilliance.domain.matching import keywords
from brilliance.domain.models import Meeting, MeetingStatus, Person


@dataclass(frozen=True)
class PraiseGiven:
    """What I praised someone for at one held meeting."""

    day: date
    person_id: str
    text: str
    meeting_id: str


def praise_given(meetings: Iterable[Meeting], person_id: str | None = None) -> list[PraiseGiven]:
    """Praise recorded in held meetings (for one person, or everyone), newest first."""
    given = [
        PraiseGiven(m.day, m.person_id, " ".join(m.praised.split()), m.id)
        for m in meetings
        if m.status is MeetingStatus.DONE
        and m.praised.strip()
        and (person_id is None or m.person_id == person_id)
    ]
    return sorted(given, key=lambda p: (p.day, p.meeting_id), reverse=True)


def _praised(win: str, praise: Iterable[PraiseGiven]) -> bool:
    """A win counts as praised when some praise shares most of its meaningful words."""
    words = set(keywords(win))
    for given in praise:
        if win.casefold() in given.text.casefold():
            return True
        if words:
            shared = words & set(keywords(given.text))
            if len(shared) * 2 >= len(words):
                return True
    return False


def unpraised_wins(person: Person, meetings: Iterable[Meeting]) -> list[str]:
    """Their wins (newest first) that no logged meeting praised yet."""
    given = praise_given(meetings, person.id)
    return [win for win in reversed(person.wins) if not _praised(win, given)]
