"""The introduction log: what came of the introductions I made.

An introduction is logged with the meeting it came out of (``Meeting.introductions``). Two
weeks later the practice asks whether it helped; the answer is kept on the meeting
(``Meeting.introduction_outcomes``) and so shows on both people's timelines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from brilliance.domain.models import Answer, IntroductionOutcome, Meeting, MeetingStatus, updated

ASK_AFTER_DAYS = 14
"""How long after an introduction the practice asks whether it helped."""


@dataclass(frozen=True)
class IntroductionLog:
    """One introduction I made: ``person`` (met at ``meeting``) introduced to ``other_id``."""

    meeting: Meeting
    other_id: str
    outcome: IntroductionOutcome | None

    @property
    def day(self) -> date:
        return self.meeting.day

    @property
    def person_id(self) -> str:
        return self.meeting.person_id

    @property
    def answered(self) -> bool:
        return self.outcome is not None and self.outcome.helped is not Answer.UNANSWERED

    def involves(self, person_id: str) -> bool:
        return person_id in (self.person_id, self.other_id)

    def partner_of(self, person_id: str) -> str:
        """The other side of the introduction, seen from ``person_id``."""
        return self.other_id if person_id == self.person_id else self.person_id


def introduction_log(meetings: Iterable[Meeting]) -> list[IntroductionLog]:
    """Every introduction made at a held meeting, oldest first."""
    log = []
    for meeting in meetings:
        if meeting.status is not MeetingStatus.DONE:
            continue
        outcomes = {o.other_id: o for o in meeting.introduction_outcomes}
        for other_id in meeting.introductions:
            log.append(IntroductionLog(meeting, other_id, outcomes.get(other_id)))
    return sorted(log, key=lambda i: (i.day, i.meeting.id, i.other_id))


def awaiting_answer(
    meetings: Iterable[Meeting], today: date, person_id: str | None = None
) -> list[IntroductionLog]:
    """Introductions two weeks old or more whose outcome I have not recorded yet.

    With ``person_id``, only those involving that person (either side).
    """
    cutoff = today - timedelta(days=ASK_AFTER_DAYS)
    return [
        intro
        for intro in introduction_log(meetings)
        if not intro.answered
        and intro.day <= cutoff
        and (person_id is None or intro.involves(person_id))
    ]


def answer_introduction(
    meeting: Meeting, other_id: str, helped: Answer, note: str, today: date
) -> Meeting:
    """The meeting with the outcome of its introduction to ``other_id`` recorded."""
    if other_id not in meeting.introductions:
        raise ValueError("that introduction was not made at this meeting")
    outcome = IntroductionOutcome(
        other_id=other_id, helped=helped, note=note.strip(), answered_on=today
    )
    kept = [o for o in meeting.introduction_outcomes if o.other_id != other_id]
    return updated(meeting, introduction_outcomes=[*kept, outcome])


def describe_outcome(outcome: IntroductionOutcome | None) -> str:
    """``"helped"``, ``"did not help"``, ``"not sure yet"`` or ``"not asked yet"``."""
    if outcome is None or outcome.helped is Answer.UNANSWERED:
        return "not asked yet"
    text = {Answer.YES: "helped", Answer.NO: "did not help", Answer.UNSURE: "not sure yet"}[
        outcome.helped
    ]
    return f"{text}: {outcome.note}" if outcome.note else text


def ask_text(intro: IntroductionLog, names: Mapping[str, str], seen_from: str | None) -> str:
    """The question asked about one introduction, naming the other side when seen from one."""
    first = names.get(intro.person_id, "someone")
    second = names.get(intro.other_id, "someone")
    if seen_from == intro.other_id:
        first, second = second, first
    return f"Did introducing {first} to {second} ({intro.day:%d %b}) help?"
