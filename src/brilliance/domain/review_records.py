"""The records a weekly review reads, sorted and indexed once for any number of weeks.

A review of one week asked every meeting, promise and journal entry whether it fell in that
week, and worked out every person's due date again from all their meetings: ~10 ms a week at
ten years, most of what the Review's [ and ] cost (issue 19). Here the records are sorted by
day once, a week takes the slices that fall in it, and a person's due date then comes from
their meeting days by bisection. ``ReviewRecords(...).review(week)`` is what
``build_review`` returned, for every week (tests/domain/test_review_records.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Generic, TypeVar

from brilliance.domain.cadence import next_due_after
from brilliance.domain.content import Idea
from brilliance.domain.introduction_log import IntroductionLog, introduction_log
from brilliance.domain.models import (
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueKind,
)
from brilliance.domain.review import (
    HIGHLIGHT_TAG,
    REVIEW_TAG,
    IsoWeek,
    Promises,
    RhythmRow,
    ValueRow,
    WeeklyReview,
    is_review_of,
    week_prompts,
)

T = TypeVar("T")


@dataclass(frozen=True)
class _ByDay(Generic[T]):
    """Items sorted by a day, sliced by a week."""

    days: list[date]
    items: list[T]

    @classmethod
    def of(cls, items: Sequence[T], day: Callable[[T], date | None]) -> _ByDay[T]:
        return cls.dated([(d, item) for item in items if (d := day(item)) is not None])

    @classmethod
    def dated(cls, kept: list[tuple[date, T]]) -> _ByDay[T]:
        """From (day, item) pairs."""
        days = [d for d, _ in kept]
        order = sorted(range(len(days)), key=days.__getitem__)  # stable: ties as given
        return cls([days[i] for i in order], [kept[i][1] for i in order])

    def within(self, week: IsoWeek) -> list[T]:
        """The items whose day is in ``week``, in the order they were given."""
        return self.items[bisect_left(self.days, week.start) : bisect_right(self.days, week.end)]


class ReviewRecords:
    """Everything ``build_review`` reads, to review many weeks of the same records."""

    def __init__(
        self,
        people: Sequence[Person],
        meetings: Sequence[Meeting],
        followups: Sequence[FollowUp],
        entries: Sequence[JournalEntry],
        ideas: Sequence[Idea],
    ) -> None:
        self.people = people
        self.meetings = meetings
        self.followups = followups
        self.entries = entries
        self.ideas = ideas

    @cached_property
    def names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.people}

    @cached_property
    def _by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def _on_list(self) -> list[Person]:
        return sorted(
            (p for p in self.people if p.on_list), key=lambda p: (p.name.casefold(), p.id)
        )

    @cached_property
    def _done(self) -> list[tuple[date, Meeting]]:
        """The meetings held, with their days, in the order given."""
        done = MeetingStatus.DONE
        return [(m.when.date(), m) for m in self.meetings if m.status is done]

    @cached_property
    def _met(self) -> dict[str, list[date]]:
        """Each person's days of meetings held, in order (``days_held``, sorted)."""
        held: dict[str, list[date]] = {}
        for day, meeting in self._done:
            held.setdefault(meeting.person_id, []).append(day)
        for days in held.values():
            days.sort()
        return held

    @cached_property
    def _held(self) -> _ByDay[Meeting]:
        return _ByDay.dated(self._done)

    @cached_property
    def _made(self) -> _ByDay[FollowUp]:
        return _ByDay.of(self.followups, lambda f: f.created_at.date())

    @cached_property
    def _kept(self) -> _ByDay[FollowUp]:
        return _ByDay.of(self.followups, lambda f: f.done_on if f.done else None)

    @cached_property
    def _due(self) -> _ByDay[FollowUp]:
        return _ByDay.of(self.followups, lambda f: f.due)

    @cached_property
    def _open(self) -> list[FollowUp]:
        """The promises not kept yet, in the order given (the prompts name the first due)."""
        return [f for f in self.followups if not f.done]

    @cached_property
    def _introductions(self) -> list[tuple[date, date | None, IntroductionLog]]:
        return [
            (intro.day, intro.outcome.answered_on if intro.outcome else None, intro)
            for intro in introduction_log(m for _, m in self._done)
        ]

    @cached_property
    def _highlights(self) -> list[JournalEntry]:
        return [e for e in self.entries if HIGHLIGHT_TAG in e.tags]

    @cached_property
    def _reviews(self) -> list[JournalEntry]:
        return [e for e in self.entries if REVIEW_TAG in e.tags]

    def written(self, week: IsoWeek) -> list[JournalEntry]:
        """The reviews of ``week`` in the journal, in the order given."""
        return [e for e in self._reviews if is_review_of(e, week)]

    def _days_until_due(self, person: Person, day: date) -> int:
        """``days_until_due`` of the person as they stood at the end of ``day`` (``as_of``)."""
        last = person.last_met
        if last is not None and last > day:
            days = self._met.get(person.id, [])
            before = bisect_right(days, day)
            last = days[before - 1] if before else None
        return (next_due_after(person, last) - day).days

    def review(self, week: IsoWeek) -> WeeklyReview:
        """Everything the review shows for ``week`` (as ``build_review``)."""
        held = self._held.within(week)
        held_by: dict[str, int] = {}
        for meeting in held:
            held_by[meeting.person_id] = held_by.get(meeting.person_id, 0) + 1
        end = week.end
        rhythm = [
            RhythmRow(p, held_by.get(p.id, 0), self._days_until_due(p, end)) for p in self._on_list
        ]
        value: dict[ValueKind, list[ValueRow]] = {kind: [] for kind in ValueKind}
        received: set[str] = set()
        for meeting in sorted(held, key=lambda m: (m.when, m.id)):
            person = self._by_id.get(meeting.person_id)
            if person is None:
                continue
            for item in meeting.value_given:
                value[item.kind].append(ValueRow(person, item.kind, item.note, meeting.day))
                received.add(person.id)
        nothing = [p for p in self._on_list if p.id not in received]
        highlights = sorted(
            (e for e in self._highlights if week.contains(e.day)),
            key=lambda e: (e.written_at, e.id),
        )
        return WeeklyReview(
            week=week,
            rhythm=rhythm,
            value=value,
            promises=self._promises(week),
            introductions=[
                intro
                for day, answered, intro in self._introductions
                if week.contains(day) or (answered is not None and week.contains(answered))
            ],
            nothing_given=nothing,
            highlights=highlights,
            prompts=week_prompts(week, rhythm, nothing, self._open, self.ideas),
            written=self.written(week),
        )

    def _promises(self, week: IsoWeek) -> Promises:
        def order(items: list[FollowUp]) -> list[FollowUp]:
            return sorted(items, key=lambda f: (f.due, f.created_at, f.id))

        kept = [f for f in self._kept.within(week) if f.done_on is not None and f.done_on <= f.due]
        broken = [
            f
            for f in self._due.within(week)
            if not f.done or (f.done_on is not None and f.done_on > f.due)
        ]
        return Promises(order(self._made.within(week)), order(kept), order(broken))


def build_review(
    week: IsoWeek,
    people: Sequence[Person],
    meetings: Sequence[Meeting],
    followups: Sequence[FollowUp],
    entries: Sequence[JournalEntry],
    ideas: Sequence[Idea],
) -> WeeklyReview:
    """Everything the review shows for ``week`` (``ReviewRecords`` reviews many weeks of the
    same records faster)."""
    return ReviewRecords(people, meetings, followups, entries, ideas).review(week)
