"""The weekly review: ISO weeks across year ends, the numbers of one week, the reminder."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from brilliance import assets
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
    IsoWeek,
    review_entry_text,
    review_reminder,
    week_to_review,
)
from brilliance.domain.review_records import build_review
from brilliance.domain.review_render import render_review_markdown, review_json, review_sections
from brilliance.domain.text import parse_tags

SUNDAY = 6


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 11, 24), "2026-W48"),
        (date(2026, 12, 31), "2026-W53"),  # 2026 has 53 ISO weeks
        (date(2027, 1, 3), "2026-W53"),  # a Sunday still in 2026's last week
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 30), "2025-W01"),  # a Monday already in 2025's first week
    ],
)
def test_iso_weeks_across_year_ends(day: date, label: str) -> None:
    week = IsoWeek.of(day)
    assert str(week) == label
    assert IsoWeek.parse(label) == week
    assert week.contains(day)
    assert week.start.weekday() == 0 and week.end - week.start == timedelta(days=6)


def test_parse_refuses_weeks_that_do_not_exist() -> None:
    assert IsoWeek.parse("2026w5") == IsoWeek(2026, 5)
    with pytest.raises(ValueError, match="has no week 53"):
        IsoWeek.parse("2025-W53")
    with pytest.raises(ValueError, match="2026-W48"):
        IsoWeek.parse("last week")


def test_shifting_crosses_the_year() -> None:
    assert IsoWeek(2026, 53).shifted(1) == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).shifted(-1) == IsoWeek(2026, 53)


def test_week_to_review_depends_on_the_review_day() -> None:
    sunday = date(2026, 11, 29)
    assert week_to_review(sunday, SUNDAY) == IsoWeek(2026, 48)
    assert week_to_review(date(2026, 11, 28), SUNDAY) == IsoWeek(2026, 47)  # Saturday
    assert week_to_review(date(2026, 11, 30), 0) == IsoWeek(2026, 48)  # Monday looks back
    assert week_to_review(date(2027, 1, 3), SUNDAY) == IsoWeek(2026, 53)


def entry(day: date, text: str) -> JournalEntry:
    return JournalEntry(
        written_at=datetime.combine(day, datetime.min.time()), text=text, tags=parse_tags(text)
    )


def test_reminder_from_the_review_day_until_written() -> None:
    sunday = date(2026, 11, 29)
    assert review_reminder([], sunday, SUNDAY) == IsoWeek(2026, 48)
    written = entry(sunday, review_entry_text(IsoWeek(2026, 48), "A good week."))
    assert "review" in written.tags
    assert review_reminder([written], sunday, SUNDAY) is None
    assert review_reminder([written], date(2026, 11, 30), SUNDAY) is None
    # An entry for another week does not count.
    old = entry(sunday, review_entry_text(IsoWeek(2026, 47), "Earlier."))
    assert review_reminder([old], sunday, SUNDAY) == IsoWeek(2026, 48)


def at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=10)


def test_a_week_in_numbers() -> None:
    week = IsoWeek(2026, 48)  # Mon 23 Nov - Sun 29 Nov
    ana = Person(id="a", name="Ana", on_list=True, last_met=date(2026, 11, 24))
    bo = Person(id="b", name="Bo", on_list=True, last_met=date(2026, 11, 1))
    cy = Person(id="c", name="Cy")
    meetings = [
        Meeting(
            id="m1",
            person_id="a",
            when=at(date(2026, 11, 24)),
            status=MeetingStatus.DONE,
            value_given=[ValueItem(kind=ValueKind.INFORMATION, note="an article")],
            introductions=["c"],
        ),
        Meeting(  # the Sunday before: another week
            id="m0",
            person_id="b",
            when=at(date(2026, 11, 22)),
            status=MeetingStatus.DONE,
            value_given=[ValueItem(kind=ValueKind.ENTERTAINMENT)],
            introductions=["c"],
            introduction_outcomes=[
                IntroductionOutcome(other_id="c", helped=Answer.YES, answered_on=date(2026, 11, 29))
            ],
        ),
        Meeting(id="m2", person_id="b", when=at(date(2026, 11, 27))),  # planned only
    ]
    made = FollowUp(
        person_id="a",
        text="send the deck",
        due=date(2026, 12, 2),
        created_at=at(date(2026, 11, 24)),
    )
    kept = FollowUp(
        person_id="a",
        text="intro to Cy",
        due=date(2026, 11, 26),
        done=True,
        done_on=date(2026, 11, 25),
        created_at=at(date(2026, 11, 1)),
    )
    broken = FollowUp(
        person_id="b",
        text="lend the book",
        due=date(2026, 11, 27),
        created_at=at(date(2026, 11, 1)),
    )
    entries = [
        entry(date(2026, 11, 25), "Ana's launch went well #highlight"),
        entry(date(2026, 11, 30), "next week #highlight"),
    ]
    review = build_review(
        week, [ana, bo, cy], meetings, [made, kept, broken], entries, assets.ideas()
    )
    assert [(r.person.id, r.held) for r in review.rhythm] == [("a", 1), ("b", 0)]
    assert review.meetings_held == 1
    assert review.meetings_expected == 1  # two people every 14 days: one a week
    assert [(r.person.id, r.note) for r in review.value[ValueKind.INFORMATION]] == [
        ("a", "an article")
    ]
    assert review.value[ValueKind.ENTERTAINMENT] == []
    assert [p.id for p in review.nothing_given] == ["b"]
    assert review.promises.made == [made]
    assert review.promises.kept == [kept]
    assert review.promises.broken == [broken]
    assert [(i.person_id, i.other_id) for i in review.introductions] == [("b", "c"), ("a", "c")]
    assert [e.text for e in review.highlights] == ["Ana's launch went well #highlight"]
    assert len(review.prompts) == 3
    assert review.prompts[0].startswith("Book a meeting with Bo")
    assert not review.written

    names = {"a": "Ana", "b": "Bo", "c": "Cy"}
    markdown = render_review_markdown(review, names)
    assert "# Weekly review 2026-W48" in markdown
    assert "Bo to Cy (22 Nov): helped" in markdown
    assert "broken: lend the book (due 2026-11-27, still open)" in markdown
    data = review_json(review, names)
    assert data["week"] == "2026-W48" and data["nothing_given"] == ["Bo"]
    assert data["value"]["information"][0]["note"] == "an article"


def test_user_text_cannot_break_the_markdown() -> None:
    week = IsoWeek(2026, 48)
    sly = Person(id="s", name="# [Sly](x)", on_list=True)
    review = build_review(week, [sly], [], [], [], [])
    markdown = render_review_markdown(review, {"s": sly.name})
    assert "- \\# \\[Sly\\](x)" in markdown


def test_the_review_mode_sections_show_user_text_as_typed() -> None:
    week = IsoWeek(2026, 48)
    sly = Person(id="s", name="# [Sly](x)  *bold*", on_list=True)
    review = build_review(week, [sly], [], [], [], [])
    sections = review_sections(review, {"s": sly.name})
    assert sections[0].rows[0].startswith("# [Sly](x) *bold*: 0 held")
    assert [s.title for s in sections][-1] == "For the week ahead"
    assert all(f"## {s.title}" in render_review_markdown(review, {}) for s in sections)


def test_a_past_week_is_judged_as_it_stood_then() -> None:
    """A meeting held after the week must not make that week look on track (found trying it)."""
    week = IsoWeek(2026, 47)  # Mon 16 Nov - Sun 22 Nov
    ana = Person(id="a", name="Ana", on_list=True, last_met=date(2026, 11, 24))
    meetings = [
        Meeting(id="m0", person_id="a", when=at(date(2026, 11, 1)), status=MeetingStatus.DONE),
        Meeting(id="m1", person_id="a", when=at(date(2026, 11, 24)), status=MeetingStatus.DONE),
        # Neither counts: someone else's meeting held in the week, one of Ana's never held.
        Meeting(id="m2", person_id="b", when=at(date(2026, 11, 20)), status=MeetingStatus.DONE),
        Meeting(id="m3", person_id="a", when=at(date(2026, 11, 12)), status=MeetingStatus.PLANNED),
    ]
    review = build_review(week, [ana], meetings, [], [], [])
    (row,) = review.rhythm
    assert row.held == 0
    # Last met on 1 Nov, every 14 days: due on 15 Nov, so 7 days overdue at the week's end.
    assert row.days_until_due == -7
    assert not row.on_track
