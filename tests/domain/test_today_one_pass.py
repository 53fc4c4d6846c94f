"""Today's one-pass counts (issue 19) give what the plain definitions give, day by day."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from brilliance.domain.models import Meeting, MeetingStatus, Person, ValueItem, ValueKind
from brilliance.domain.today import (
    last_value_days,
    last_value_given,
    meetings_per_week,
    week_start,
    week_starts,
    without_value,
)

TODAY = date(2028, 3, 2)  # the week after a leap day


def meetings(seed: int, people: list[Person], count: int = 600) -> list[Meeting]:
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        day = TODAY - timedelta(days=rng.randint(-20, 200))  # some still to come
        made.append(
            Meeting(
                person_id=rng.choice(people).id,
                when=datetime.combine(day, time(rng.randint(7, 20))),
                status=rng.choice(list(MeetingStatus)),
                value_given=[ValueItem(kind=ValueKind.INFORMATION)] if rng.random() < 0.3 else [],
            )
        )
    return made


def plain_per_week(held: list[Meeting], today: date) -> list[int]:
    """The definition: held meetings on or before today, by the Monday of their week."""
    starts = week_starts(today)
    return [
        sum(
            1
            for m in held
            if m.status is MeetingStatus.DONE and m.day <= today and week_start(m.day) == start
        )
        for start in starts
    ]


def test_one_pass_counts_match_the_definitions() -> None:
    people = [Person(name=f"Person {n}", on_list=n % 4 != 0) for n in range(30)]
    for seed in range(5):
        made = meetings(seed, people)
        for today in (TODAY, TODAY - timedelta(days=3), TODAY + timedelta(days=5)):
            assert meetings_per_week(made, today) == plain_per_week(made, today)
        last = last_value_days(made)
        assert {p.id: last.get(p.id) for p in people} == {
            p.id: last_value_given(p.id, made) for p in people
        }
        gaps = without_value(people, made, TODAY)
        assert [last for _, last in gaps] == [last_value_given(p.id, made) for p, _ in gaps]
        assert {p.id for p, _ in gaps} == {
            p.id
            for p in people
            if p.on_list
            and ((day := last_value_given(p.id, made)) is None or day < TODAY - timedelta(days=30))
        }
