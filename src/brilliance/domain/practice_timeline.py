"""The deeper practice on a person's timeline: important dates, introductions and what came
of them, praise given. The timeline (see issue 14) merges these with its other kinds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from brilliance.domain.important_dates import describe, next_occurrence, past_occurrences
from brilliance.domain.introduction_log import describe_outcome, introduction_log
from brilliance.domain.models import Meeting, Person
from brilliance.domain.praise import praise_given


@dataclass(frozen=True)
class PracticeItem:
    """One line of a timeline: a day, a kind (``date``, ``introduction``, ``praise``), a text."""

    day: date
    kind: str
    text: str
    ref: str = ""
    """An id to act on: the meeting of an introduction or praise."""


def date_items(person: Person, today: date) -> list[PracticeItem]:
    """Their important dates: the last year's occurrences and the next one."""
    items = []
    for important in person.important_dates:
        days = set(past_occurrences(important, today))
        upcoming = next_occurrence(important, today)
        if upcoming is not None:
            days.add(upcoming)
        for day in days:
            items.append(PracticeItem(day, "date", describe(important, day).capitalize()))
    return items


def introduction_items(
    person: Person, meetings: Sequence[Meeting], names: Mapping[str, str]
) -> list[PracticeItem]:
    """Introductions they were part of, either side, with what came of them."""
    items = []
    for intro in introduction_log(meetings):
        if not intro.involves(person.id):
            continue
        other = names.get(intro.partner_of(person.id), "someone")
        items.append(
            PracticeItem(
                intro.day,
                "introduction",
                f"Introduced to {other}: {describe_outcome(intro.outcome)}",
                intro.meeting.id,
            )
        )
    return items


def praise_items(person: Person, meetings: Sequence[Meeting]) -> list[PracticeItem]:
    return [
        PracticeItem(p.day, "praise", f"Praised: {p.text}", p.meeting_id)
        for p in praise_given(meetings, person.id)
    ]


def practice_items(
    person: Person, people: Sequence[Person], meetings: Sequence[Meeting], today: date
) -> list[PracticeItem]:
    """All of this module's timeline lines for one person, newest first."""
    names = {p.id: p.name for p in people}
    items = [
        *date_items(person, today),
        *introduction_items(person, meetings, names),
        *praise_items(person, meetings),
    ]
    return sorted(items, key=lambda i: (i.day, i.kind, i.text), reverse=True)
