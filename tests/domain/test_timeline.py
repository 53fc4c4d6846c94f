"""A person's timeline, the prep sheet's Last time, and goal changes."""

from __future__ import annotations

from datetime import date, datetime

from brilliance.domain.models import (
    Answer,
    DateKind,
    FollowUp,
    ImportantDate,
    IntroductionOutcome,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.domain.timeline import (
    EntryKind,
    PromiseState,
    last_time,
    person_timeline,
    promise_state,
    with_goal_change,
    with_last_time,
)

TODAY = date(2026, 11, 24)
ANA = Person(name="Ana Lima", goals=["raise a seed round"])
DANA = Person(name="Dana Fischer")


def held(day: int, notes: str = "", **changes: object) -> Meeting:
    return Meeting(
        person_id=ANA.id,
        when=datetime(2026, 11, day, 12, 30),
        status=MeetingStatus.DONE,
        notes=notes,
        **changes,
    )


def test_meetings_carry_their_notes_questions_value_and_introductions() -> None:
    meeting = held(
        10,
        "She closed her first angel.\n\nHiring a CTO next.",
        place="Café Lima",
        questions_asked=["What are you looking forward to?"],
        value_given=[ValueItem(kind=ValueKind.CONNECTION, note="Intro to Dana")],
        introductions=[DANA.id, "gone"],
    )
    entry, *introductions = person_timeline(ANA, [meeting], [], [], {DANA.id: DANA.name}, TODAY)
    # Each introduction is also an entry of its own, with what came of it (issue 17).
    assert [e.kind for e in introductions] == [EntryKind.INTRODUCTION] * 2
    assert entry.kind == EntryKind.MEETING and entry.day == date(2026, 11, 10)
    assert entry.title == "Coffee at Café Lima, 12:30 (done)"
    assert entry.details == [
        "She closed her first angel.",
        "Hiring a CTO next.",
        "Asked: What are you looking forward to?",
        "Gave a connection: Intro to Dana",
        "Introduced to Dana Fischer, someone no longer in the network",
    ]


def test_promises_are_open_kept_or_broken() -> None:
    open_ = FollowUp(person_id=ANA.id, text="Send the deck", due=date(2026, 11, 30))
    kept = FollowUp(
        person_id=ANA.id, text="Book", due=date(2026, 11, 20), done=True, done_on=date(2026, 11, 18)
    )
    broken = FollowUp(person_id=ANA.id, text="Call", due=date(2026, 11, 23))
    assert promise_state(open_, TODAY) is PromiseState.OPEN
    assert promise_state(kept, TODAY) is PromiseState.KEPT
    assert promise_state(broken, TODAY) is PromiseState.BROKEN
    entries = person_timeline(ANA, [], [open_, kept, broken], [], {}, TODAY)
    assert [(e.day, e.title, e.state) for e in entries] == [
        (date(2026, 11, 30), "Promised: Send the deck", "open"),
        (date(2026, 11, 23), "Overdue: Call", "broken"),
        (date(2026, 11, 18), "Kept: Book", "kept"),
    ]
    assert entries[0].ref == open_.id


def test_every_kind_in_one_list_newest_first() -> None:
    meeting = held(10, "notes")
    promise = FollowUp(
        person_id=ANA.id, text="Send the deck", due=date(2026, 11, 10), meeting_id=meeting.id
    )
    entry = JournalEntry(
        written_at=datetime(2026, 11, 12, 8), text="Thinking of @Ana Lima\nmore", people=[ANA.id]
    )
    person = with_goal_change(ANA, ANA.model_copy(update={"goals": ["hire a CTO"]}), TODAY)
    kinds = [
        e.kind
        for e in person_timeline(person, [meeting], [promise], [entry], {}, date(2026, 11, 5))
    ]
    assert kinds == [EntryKind.GOALS, EntryKind.JOURNAL, EntryKind.PROMISE, EntryKind.MEETING]


def test_goal_changes_are_recorded_once_a_day() -> None:
    assert with_goal_change(None, ANA, TODAY).goal_changes == []
    assert with_goal_change(ANA, ANA, TODAY).goal_changes == []
    first = with_goal_change(
        ANA, ANA.model_copy(update={"goals": ["a", "raise a seed round"]}), TODAY
    )
    (change,) = first.goal_changes
    assert (change.day, change.added, change.removed) == (TODAY, ["a"], [])
    second = with_goal_change(first, first.model_copy(update={"goals": ["a"]}), TODAY)
    (change,) = second.goal_changes
    assert (change.added, change.removed) == (["a"], ["raise a seed round"])
    back = with_goal_change(
        second, second.model_copy(update={"goals": ["raise a seed round"]}), TODAY
    )
    assert back.goal_changes == []


def test_last_time_is_the_last_meeting_held_with_its_promises() -> None:
    assert last_time([], []) is None
    early, late = held(3, "first"), held(17, "Talked about the round.", place="Park")
    planned = Meeting(person_id=ANA.id, when=datetime(2026, 11, 30, 9))
    promise = FollowUp(
        person_id=ANA.id, text="Send the deck", due=date(2026, 11, 30), meeting_id=late.id
    )
    other = FollowUp(person_id=ANA.id, text="Old", due=date(2026, 11, 5), meeting_id=early.id)
    last = last_time([late, planned, early], [promise, other])
    assert last is not None and last.meeting == late and last.promises == [promise]
    assert last.lines(TODAY) == [
        "Tue 17 Nov 2026: coffee at Park",
        "Talked about the round.",
        "I promised: Send the deck (due 30 Nov)",
    ]
    quiet = last_time([held(5)], [])
    assert quiet is not None and quiet.lines(TODAY)[-1] == "No notes were written for that meeting."


def test_last_time_goes_before_the_first_section_of_the_markdown() -> None:
    sheet = "# Prep: Ana\n\nPrepared: 2026-11-24\n\n## Questions\n\n- [ ] Why?\n"
    last = last_time([held(17, "Notes here")], [])
    text = with_last_time(sheet, last, TODAY)
    assert text.index("## Last time") < text.index("## Questions")
    assert "**Tue 17 Nov 2026: coffee**\nNotes here\n\n## Questions" in text
    assert "Not met yet." in with_last_time(sheet, None, TODAY)
    # A "last met" typed in or imported, with no meeting logged: said as it is, not "not met".
    imported = with_last_time(sheet, None, TODAY, last_met=date(2026, 11, 1))
    assert "Met on Sun 01 Nov 2026; no meeting logged for it, so no notes." in imported


def test_important_dates_introductions_and_praise_join_the_timeline() -> None:
    """Issue 17's practice lines are one more source of the timeline, on both sides."""
    ana = ANA.model_copy(
        update={"important_dates": [ImportantDate(kind=DateKind.BIRTHDAY, month=12, day=3)]}
    )
    meeting = Meeting(
        person_id=ana.id,
        when=datetime(2026, 11, 10, 12, 30),
        status=MeetingStatus.DONE,
        praised="the clear pitch",
        introductions=[DANA.id],
        introduction_outcomes=[IntroductionOutcome(other_id=DANA.id, helped=Answer.YES)],
    )
    names = {ana.id: ana.name, DANA.id: DANA.name}
    entries = person_timeline(ana, [meeting], [], [], names, TODAY, people=[ana, DANA])
    kinds = [(e.day, e.kind) for e in entries]
    # The coming birthday heads the list; the meeting, then what came of it, on its day.
    assert kinds[0] == (date(2026, 12, 3), EntryKind.DATE)
    on_the_day = [e for e in entries if e.day == date(2026, 11, 10)]
    assert on_the_day[0].kind == EntryKind.MEETING
    assert {e.kind for e in on_the_day[1:]} == {EntryKind.INTRODUCTION, EntryKind.PRAISE}
    praise = next(e for e in entries if e.kind == EntryKind.PRAISE)
    assert (praise.title, praise.ref) == ("Praised: the clear pitch", meeting.id)
    intro = next(e for e in entries if e.kind == EntryKind.INTRODUCTION)
    assert intro.title == "Introduced to Dana Fischer: helped"

    # Dana's side: the introduction made at Ana's meeting shows on her timeline too.
    dana_entries = person_timeline(
        DANA, [], [], [], names, TODAY, people=[ana, DANA], all_meetings=[meeting]
    )
    assert [(e.kind, e.title) for e in dana_entries] == [
        (EntryKind.INTRODUCTION, "Introduced to Ana Lima: helped")
    ]
