"""A person's timeline: one chronological story of what happened between us.

One list of entries of several kinds (meetings, promises, journal mentions, goal changes, and
issue 17's important dates, introductions with what came of them, and praise).
Each kind has its own small function turning records into entries; ``build_timeline`` merges
any number of such sources, so a new kind (important dates, praise...) is one more function.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from brilliance.domain.models import (
    FollowUp,
    GoalChange,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueKind,
)
from brilliance.domain.practice_timeline import PracticeItem, practice_items


class EntryKind(StrEnum):
    MEETING = "meeting"
    PROMISE = "promise"
    JOURNAL = "journal"
    GOALS = "goals"
    DATE = "date"
    INTRODUCTION = "introduction"
    PRAISE = "praise"


class PromiseState(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    """Past its due date and not kept."""


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, with the lines that tell it."""

    day: date
    kind: str
    title: str
    details: list[str] = field(default_factory=list)
    ref: str = ""
    """The id of the record behind the entry (a promise's id is what ``space`` keeps)."""
    state: str = ""
    """For promises: a PromiseState value. Empty for other kinds."""
    order: int = 0
    """Tie-break within a day: larger comes first in the newest-first timeline."""


VALUE_WORDS = {
    ValueKind.INFORMATION: "information",
    ValueKind.CONNECTION: "a connection",
    ValueKind.ENTERTAINMENT: "a good time",
}


def promise_state(followup: FollowUp, today: date) -> PromiseState:
    if followup.done:
        return PromiseState.KEPT
    return PromiseState.BROKEN if followup.due < today else PromiseState.OPEN


def meeting_entries(meetings: Iterable[Meeting], names: Mapping[str, str]) -> list[TimelineEntry]:
    """Meetings with what was said and done there; ``names`` maps ids to people's names."""
    entries = []
    for meeting in meetings:
        place = f" at {meeting.place}" if meeting.place else ""
        title = f"{meeting.kind.capitalize()}{place}, {meeting.when:%H:%M} ({meeting.status.value})"
        details = [line for line in meeting.notes.strip().splitlines() if line.strip()]
        details += [f"Asked: {question}" for question in meeting.questions_asked]
        for item in meeting.value_given:
            note = f": {item.note}" if item.note else ""
            details.append(f"Gave {VALUE_WORDS.get(item.kind, item.kind.value)}{note}")
        intros = [
            names.get(person_id, "someone no longer in the network")
            for person_id in (meeting.introductions)
        ]
        if intros:
            details.append("Introduced to " + ", ".join(intros))
        order = 2 if meeting.status is MeetingStatus.DONE else 1
        entries.append(
            TimelineEntry(meeting.day, EntryKind.MEETING, title, details, meeting.id, order=order)
        )
    return entries


def promise_entries(followups: Iterable[FollowUp], today: date) -> list[TimelineEntry]:
    """Promises on the day they fall due (or were kept): open, kept or broken."""
    entries = []
    for followup in followups:
        state = promise_state(followup, today)
        if state is PromiseState.KEPT:
            day = followup.done_on or followup.due
            title = f"Kept: {followup.text}"
            details = [f"due {followup.due:%d %b %Y}"]
        elif state is PromiseState.BROKEN:
            day = followup.due
            title = f"Overdue: {followup.text}"
            details = [f"promised by {followup.due:%d %b %Y}, not kept yet"]
        else:
            day = followup.due
            title = f"Promised: {followup.text}"
            details = [f"due {followup.due:%d %b %Y}"]
        entries.append(
            TimelineEntry(day, EntryKind.PROMISE, title, details, followup.id, state.value, 3)
        )
    return entries


def journal_entries(entries: Iterable[JournalEntry]) -> list[TimelineEntry]:
    """Journal entries that mention the person: their first line, and up to three more."""
    found = []
    for entry in entries:
        lines = [line.strip() for line in entry.text.splitlines() if line.strip()]
        title = f"Journal: {lines[0][:100]}" if lines else "Journal entry"
        found.append(
            TimelineEntry(entry.day, EntryKind.JOURNAL, title, lines[1:4], entry.id, order=0)
        )
    return found


def goal_entries(changes: Iterable[GoalChange]) -> list[TimelineEntry]:
    found = []
    for change in changes:
        details = [f"+ {goal}" for goal in change.added] + [f"- {goal}" for goal in change.removed]
        found.append(TimelineEntry(change.day, EntryKind.GOALS, "Goals changed", details))
    return found


PRACTICE_ORDER: dict[str, int] = {EntryKind.DATE: 4, EntryKind.INTRODUCTION: 1, EntryKind.PRAISE: 1}
"""An important date heads its day; an introduction or praise follows the meeting it was in."""


def practice_entries(items: Iterable[PracticeItem]) -> list[TimelineEntry]:
    """Issue 17's lines (``practice_timeline.practice_items``) as timeline entries."""
    return [
        TimelineEntry(
            item.day, item.kind, item.text, ref=item.ref, order=PRACTICE_ORDER.get(item.kind, 0)
        )
        for item in items
    ]


def build_timeline(*sources: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """All entries of all sources, newest first."""
    merged = [entry for source in sources for entry in source]
    return sorted(merged, key=lambda entry: (entry.day, entry.order, entry.ref), reverse=True)


def person_timeline(
    person: Person,
    meetings: Iterable[Meeting],
    followups: Iterable[FollowUp],
    journal: Iterable[JournalEntry],
    names: Mapping[str, str],
    today: date,
    *,
    people: Sequence[Person] = (),
    all_meetings: Sequence[Meeting] | None = None,
) -> list[TimelineEntry]:
    """The person's whole timeline, newest first.

    ``meetings`` are theirs; ``all_meetings`` (everyone's, default: theirs) are searched for
    introductions on either side, and ``people`` name the other side of an introduction.
    """
    theirs = list(meetings)
    return build_timeline(
        meeting_entries(theirs, names),
        promise_entries(followups, today),
        journal_entries(journal),
        goal_entries(person.goal_changes),
        practice_entries(
            practice_items(person, people, theirs if all_meetings is None else all_meetings, today)
        ),
    )


def with_goal_change(before: Person | None, after: Person, today: date) -> Person:
    """``after``, with a GoalChange recorded when its goals differ from ``before``'s."""
    if before is None:
        return after
    old = before.goals
    added = [goal for goal in after.goals if goal not in old]
    removed = [goal for goal in old if goal not in after.goals]
    if not added and not removed:
        return after
    history = list(after.goal_changes)
    if history and history[-1].day == today:
        # Several edits on one day are one change: compare with the goals before that day.
        last = history.pop()
        earlier = [g for g in old if g not in last.added] + last.removed
        added = [goal for goal in after.goals if goal not in earlier]
        removed = [goal for goal in earlier if goal not in after.goals]
    if added or removed:
        history.append(GoalChange(day=today, added=added, removed=removed))
    return after.model_copy(update={"goal_changes": history})


@dataclass(frozen=True)
class LastTime:
    """What the prep sheet opens with: the last meeting held, and what I promised there."""

    meeting: Meeting
    promises: list[FollowUp]

    def lines(self, today: date) -> list[str]:
        meeting = self.meeting
        place = f" at {meeting.place}" if meeting.place else ""
        lines = [f"{meeting.when:%a %d %b %Y}: {meeting.kind}{place}"]
        lines += [line for line in meeting.notes.strip().splitlines() if line.strip()]
        for promise in self.promises:
            state = promise_state(promise, today)
            mark = {"kept": "kept", "open": f"due {promise.due:%d %b}", "broken": "overdue"}
            lines.append(f"I promised: {promise.text} ({mark[state.value]})")
        if len(lines) == 1:
            lines.append("No notes were written for that meeting.")
        return lines


def last_time(meetings: Iterable[Meeting], followups: Iterable[FollowUp]) -> LastTime | None:
    """The last meeting held, with the promises made at it; None before the first."""
    held = [m for m in meetings if m.status is MeetingStatus.DONE]
    if not held:
        return None
    last = max(held, key=lambda m: (m.when, m.id))
    promised = sorted(
        (f for f in followups if f.meeting_id == last.id), key=lambda f: (f.due, f.text)
    )
    return LastTime(last, promised)


def no_meeting_logged(last_met: date | None) -> str:
    """What "Last time" says with no meeting logged: never met, or met on a day that has no
    log (a "last met" typed in the form or brought in by an import)."""
    if last_met is None:
        return "Not met yet."
    return f"Met on {last_met:%a %d %b %Y}; no meeting logged for it, so no notes."


def with_last_time(
    markdown: str, last: LastTime | None, today: date, last_met: date | None = None
) -> str:
    """A prep sheet in Markdown with a "Last time" section before its first section."""
    if last is None:
        block = f"## Last time\n\n{no_meeting_logged(last_met)}\n\n"
    else:
        first, *rest = last.lines(today)
        block = "## Last time\n\n" + "\n".join([f"**{first}**", *rest]) + "\n\n"
    head, marker, tail = markdown.partition("\n## ")
    if not marker:
        return markdown.rstrip("\n") + "\n\n" + block.rstrip("\n") + "\n"
    return head.rstrip("\n") + "\n\n" + block + "## " + tail
