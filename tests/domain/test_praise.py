"""Praise given, and the wins not praised yet."""

from __future__ import annotations

from datetime import date, datetime

from brilliance.domain.models import Meeting, MeetingStatus, Person
from brilliance.domain.praise import praise_given, unpraised_wins


def meeting(day: int, praised: str, status: MeetingStatus = MeetingStatus.DONE) -> Meeting:
    return Meeting(
        id=f"m{day}",
        person_id="a",
        when=datetime(2026, 11, day, 10),
        status=status,
        praised=praised,
    )


def test_praise_given_newest_first_only_held_meetings() -> None:
    meetings = [
        meeting(1, "the permit form"),
        meeting(9, "  her talk  "),
        meeting(12, "not yet", MeetingStatus.PLANNED),
    ]
    assert [(p.day, p.text) for p in praise_given(meetings, "a")] == [
        (date(2026, 11, 9), "her talk"),
        (date(2026, 11, 1), "the permit form"),
    ]


def test_a_win_stays_unpraised_until_praise_shares_its_words() -> None:
    ana = Person(
        id="a",
        name="Ana",
        wins=["redesigned the city permit form", "shipped the studio website"],
    )
    assert unpraised_wins(ana, []) == [
        "shipped the studio website",
        "redesigned the city permit form",
    ]
    praised = [meeting(3, "How well she redesigned the permit form")]
    assert unpraised_wins(ana, praised) == ["shipped the studio website"]
    assert unpraised_wins(ana, [meeting(4, "her cooking")]) == [
        "shipped the studio website",
        "redesigned the city permit form",
    ]
