"""ReviewRecords (a week's review from records sorted once, issue 19) against the review as
first written: every record asked whether it falls in the week, every person's due date worked
out again from all their meetings. The two agree on every week of random records (held and
planned meetings, introductions answered later, promises kept late, early and never, a
"last met" after the week, reviews and highlights) and of the demo data."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from brilliance import assets
from brilliance.domain.cadence import days_until_due
from brilliance.domain.content import Idea
from brilliance.domain.introduction_log import IntroductionLog, introduction_log
from brilliance.domain.models import (
    Answer,
    FollowUp,
    IntroductionOutcome,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.domain.review import (
    HIGHLIGHT_TAG,
    IsoWeek,
    Promises,
    RhythmRow,
    ValueRow,
    WeeklyReview,
    is_review_of,
    week_prompts,
)
from brilliance.domain.review_records import ReviewRecords

START = date(2024, 1, 1)
DAYS = 400


def days_held(meetings: Sequence[Meeting]) -> dict[str, list[date]]:
    """The days of the meetings held, by person id (one pass over thousands of meetings,
    rather than one a person)."""
    held: dict[str, list[date]] = {}
    for meeting in meetings:
        if meeting.status is MeetingStatus.DONE:
            held.setdefault(meeting.person_id, []).append(meeting.day)
    return held


def as_of(person: Person, held: dict[str, list[date]], day: date) -> Person:
    """``person`` as they stood at the end of ``day``: a meeting held later does not count, so a
    past week's review says how due they were then, not now. ``held``: the days of each
    person's meetings held, by person id (``days_held``)."""
    if person.last_met is None or person.last_met <= day:
        return person
    earlier = [met for met in held.get(person.id, ()) if met <= day]
    return person.model_copy(update={"last_met": max(earlier, default=None)})


def held_in(meetings: Sequence[Meeting], week: IsoWeek) -> list[Meeting]:
    return [m for m in meetings if m.status is MeetingStatus.DONE and week.contains(m.day)]


def promises(followups: Sequence[FollowUp], week: IsoWeek) -> Promises:
    made = [f for f in followups if week.contains(f.created_at.date())]
    kept = [
        f
        for f in followups
        if f.done and f.done_on is not None and week.contains(f.done_on) and f.done_on <= f.due
    ]
    broken = [
        f
        for f in followups
        if week.contains(f.due) and (not f.done or (f.done_on is not None and f.done_on > f.due))
    ]

    def order(items: list[FollowUp]) -> list[FollowUp]:
        return sorted(items, key=lambda f: (f.due, f.created_at, f.id))

    return Promises(order(made), order(kept), order(broken))


def introductions(meetings: Sequence[Meeting], week: IsoWeek) -> list[IntroductionLog]:
    return [
        intro
        for intro in introduction_log(meetings)
        if week.contains(intro.day)
        or (
            intro.outcome is not None
            and intro.outcome.answered_on is not None
            and week.contains(intro.outcome.answered_on)
        )
    ]


def naive_review(
    week: IsoWeek,
    people: Sequence[Person],
    meetings: Sequence[Meeting],
    followups: Sequence[FollowUp],
    entries: Sequence[JournalEntry],
    ideas: Sequence[Idea],
) -> WeeklyReview:
    """Everything the review shows for ``week``."""
    by_id = {p.id: p for p in people}
    held = held_in(meetings, week)
    on_list = sorted((p for p in people if p.on_list), key=lambda p: (p.name.casefold(), p.id))
    held_by: dict[str, int] = {}
    for meeting in held:
        held_by[meeting.person_id] = held_by.get(meeting.person_id, 0) + 1
    met = days_held(meetings)
    rhythm = [
        RhythmRow(p, held_by.get(p.id, 0), days_until_due(as_of(p, met, week.end), week.end))
        for p in on_list
    ]

    value: dict[ValueKind, list[ValueRow]] = {kind: [] for kind in ValueKind}
    received: set[str] = set()
    for meeting in sorted(held, key=lambda m: (m.when, m.id)):
        person = by_id.get(meeting.person_id)
        if person is None:
            continue
        for item in meeting.value_given:
            value[item.kind].append(ValueRow(person, item.kind, item.note, meeting.day))
            received.add(person.id)
    nothing = [p for p in on_list if p.id not in received]
    highlights = sorted(
        (e for e in entries if HIGHLIGHT_TAG in e.tags and week.contains(e.day)),
        key=lambda e: (e.written_at, e.id),
    )
    return WeeklyReview(
        week=week,
        rhythm=rhythm,
        value=value,
        promises=promises(followups, week),
        introductions=introductions(meetings, week),
        nothing_given=nothing,
        highlights=highlights,
        prompts=week_prompts(week, rhythm, nothing, followups, ideas),
        written=[e for e in entries if is_review_of(e, week)],
    )


def random_records(
    seed: int,
) -> tuple[list[Person], list[Meeting], list[FollowUp], list[JournalEntry]]:
    rng = random.Random(seed)

    def day() -> date:
        return START + timedelta(days=rng.randrange(DAYS))

    def moment() -> datetime:
        return datetime.combine(day(), datetime.min.time()) + timedelta(hours=rng.randrange(24))

    people = [
        Person(
            id=f"p{i}",
            name=rng.choice(["Ana", "bo", "Cy", "Dana", "eli"]) + f" {i % 7}",
            on_list=rng.random() < 0.8,
            cadence_days=rng.choice([7, 14, 30]),
            last_met=rng.choice([None, day(), day()]),
            created_at=moment(),
        )
        for i in range(25)
    ]
    ids = [p.id for p in people] + ["gone"]  # a meeting with someone since deleted
    meetings = []
    for i in range(300):
        others = rng.sample(ids, rng.randrange(3))
        meetings.append(
            Meeting(
                id=f"m{i}",
                person_id=rng.choice(ids),
                when=moment(),
                status=rng.choice([MeetingStatus.DONE] * 3 + [MeetingStatus.PLANNED]),
                value_given=[
                    ValueItem(kind=rng.choice(list(ValueKind)), note=f"n{i}")
                    for _ in range(rng.randrange(3))
                ],
                introductions=others,
                introduction_outcomes=[
                    IntroductionOutcome(
                        other_id=other, helped=Answer.YES, answered_on=rng.choice([None, day()])
                    )
                    for other in others
                    if rng.random() < 0.5
                ],
            )
        )
    followups = []
    for i in range(200):
        done = rng.random() < 0.6
        due = day()
        followups.append(
            FollowUp(
                id=f"f{i}",
                person_id=rng.choice(ids),
                text=f"promise {i}",
                due=due,
                done=done,
                done_on=rng.choice([day(), due]) if done and rng.random() < 0.9 else None,
                created_at=moment(),
            )
        )
    entries = []
    for i in range(150):
        written = moment()
        tags = rng.choice([[], [HIGHLIGHT_TAG], ["review"], ["review", HIGHLIGHT_TAG]])
        week = IsoWeek.of(written.date()) if rng.random() < 0.7 else IsoWeek.of(day())
        entries.append(
            JournalEntry(id=f"e{i}", written_at=written, text=f"# Weekly review {week}", tags=tags)
        )
    return people, meetings, followups, entries


def weeks() -> list[IsoWeek]:
    first = IsoWeek.of(START - timedelta(days=14))
    return [first.shifted(n) for n in range(DAYS // 7 + 6)]


@pytest.mark.parametrize("seed", range(4))
def test_every_week_of_random_records_as_first_written(seed: int) -> None:
    people, meetings, followups, entries = random_records(seed)
    ideas = assets.ideas()
    records = ReviewRecords(people, meetings, followups, entries, ideas)
    for week in weeks():
        expected = naive_review(week, people, meetings, followups, entries, ideas)
        assert records.review(week) == expected, week
        assert records.written(week) == expected.written


def test_every_week_of_the_demo_data_as_first_written(tmp_path: Path) -> None:
    from tests.tui.test_snapshots import demo_store

    store = demo_store(tmp_path / "data")
    try:
        people, meetings = store.people.all(), store.meetings.all()
        followups, entries = store.followups.all(), store.journal.all()
        ideas = assets.ideas()
        records = ReviewRecords(people, meetings, followups, entries, ideas)
        this_week = IsoWeek.of(store.clock.today())
        for week in (this_week.shifted(-n) for n in range(-2, 40)):
            expected = naive_review(week, people, meetings, followups, entries, ideas)
            assert records.review(week) == expected, week
    finally:
        store.close()
