"""The weekly review: one ISO week of practice looked back on, and three prompts for the next.

Pure functions over the store's records. Weeks are ISO weeks (Monday to Sunday, numbered as
ISO 8601 does, so 2026-12-31 is in 2026-W53 and 2027-01-03 too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from brilliance.domain.content import Idea
from brilliance.domain.daily import daily_pick
from brilliance.domain.introduction_log import IntroductionLog
from brilliance.domain.models import (
    FollowUp,
    JournalEntry,
    Person,
    ValueKind,
)

REVIEW_TAG = "review"
HIGHLIGHT_TAG = "highlight"
PROMPT_COUNT = 3
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """One ISO week: ``IsoWeek(2026, 48)`` is written ``2026-W48``."""

    year: int
    week: int

    def __post_init__(self) -> None:
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError:
            raise ValueError(f"{self.year} has no week {self.week}") from None

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """``2026-W48`` (or ``2026W48``, ``2026-w48``)."""
        match = _WEEK.match(text)
        if match is None:
            raise ValueError(f"'{text}' is not a week: write it as 2026-W48")
        return cls(int(match[1]), int(match[2]))

    @cached_property
    def start(self) -> date:
        """Its Monday (worked out once: a review asks every record whether it falls in the
        week)."""
        return date.fromisocalendar(self.year, self.week, 1)

    @cached_property
    def end(self) -> date:
        """Its Sunday."""
        return date.fromisocalendar(self.year, self.week, 7)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.start + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02}"

    def describe(self) -> str:
        """``2026-W48 (Mon 23 Nov - Sun 29 Nov 2026)``."""
        return f"{self} ({self.start:%a %d %b} - {self.end:%a %d %b %Y})"


def week_to_review(today: date, review_day: int) -> IsoWeek:
    """The week a review written today looks back on.

    A review day late in the week (Friday to Sunday) reviews its own week; one early in the
    week (Monday to Thursday) reviews the week just ended. The week reviewed is the one
    holding the latest review day on or before today.
    """
    latest = today - timedelta(days=(today.weekday() - review_day) % 7)
    week = IsoWeek.of(latest)
    return week if review_day >= 4 else week.shifted(-1)


def review_heading(week: IsoWeek) -> str:
    return f"Weekly review {week}"


def is_review_of(entry: JournalEntry, week: IsoWeek) -> bool:
    """A journal entry tagged #review that names the week."""
    return REVIEW_TAG in entry.tags and str(week) in entry.text


def review_written(entries: Sequence[JournalEntry], week: IsoWeek) -> bool:
    return any(is_review_of(e, week) for e in entries)


def review_reminder(
    entries: Sequence[JournalEntry], today: date, review_day: int
) -> IsoWeek | None:
    """The week whose review Today should remind me of, or None.

    From the review day on, until that week's review is written (then quiet until the next
    review day).
    """
    week = week_to_review(today, review_day)
    return None if review_written(entries, week) else week


def review_entry_text(week: IsoWeek, written: str) -> str:
    """What is saved in the journal: a heading naming the week, my words, the #review tag."""
    body = written.strip()
    return f"# {review_heading(week)}\n\n{body}\n\n#{REVIEW_TAG}\n"


@dataclass(frozen=True)
class RhythmRow:
    """One person on the list: meetings held in the week against the twice-a-month rhythm."""

    person: Person
    held: int
    days_until_due: int

    @property
    def on_track(self) -> bool:
        return self.held > 0 or self.days_until_due > 0


@dataclass(frozen=True)
class ValueRow:
    person: Person
    kind: ValueKind
    note: str
    day: date


@dataclass(frozen=True)
class Promises:
    made: list[FollowUp]
    kept: list[FollowUp]
    broken: list[FollowUp]


@dataclass(frozen=True)
class WeeklyReview:
    week: IsoWeek
    rhythm: list[RhythmRow]
    value: dict[ValueKind, list[ValueRow]]
    promises: Promises
    introductions: list[IntroductionLog]
    """Introductions made this week, and older ones whose outcome was recorded this week."""
    nothing_given: list[Person]
    highlights: list[JournalEntry]
    prompts: list[str]
    written: list[JournalEntry]
    """Reviews of this week already in the journal."""

    @property
    def meetings_held(self) -> int:
        return sum(row.held for row in self.rhythm)

    @property
    def meetings_expected(self) -> int:
        """What the rhythm asks of a week: seven days over each cadence, summed (12 people
        met every 14 days: 6 a week)."""
        return round(sum(7 / row.person.cadence_days for row in self.rhythm))


def week_prompts(
    week: IsoWeek,
    rhythm: Sequence[RhythmRow],
    nothing_given: Sequence[Person],
    followups: Sequence[FollowUp],
    ideas: Sequence[Idea],
) -> list[str]:
    """Three prompts for the week ahead: from what the week showed, then from the practice."""
    prompts: list[str] = []
    behind = sorted((r for r in rhythm if not r.on_track), key=lambda r: r.days_until_due)
    if behind:
        names = ", ".join(r.person.name for r in behind[:3])
        prompts.append(f"Book a meeting with {names}: the rhythm has slipped.")
    if nothing_given:
        person = nothing_given[0]
        prompts.append(
            f"Send {person.name} something useful: an article, an introduction, an invitation."
        )
    next_week = week.shifted(1)
    due_next = [f for f in followups if not f.done and f.due <= next_week.end]
    if due_next:
        prompts.append(f"Keep your promise: {due_next[0].text}.")
    if ideas:
        picked = daily_pick(ideas, [i.id for i in ideas], next_week.start)
        others = [i for i in ideas if i.id != picked.id]
        for idea in [picked, *others]:
            if len(prompts) >= PROMPT_COUNT:
                break
            prompts.append(idea.question)
    return prompts[:PROMPT_COUNT]
