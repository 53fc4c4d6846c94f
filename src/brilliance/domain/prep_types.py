"""What a prep sheet is made of, and what it is built from.

Shared by ``domain.prep`` (the sheet and its builders) and ``domain.prep_practice`` (issue 17's
sections), so that neither imports the other's module to name them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from brilliance.domain.content import MeetingKind, PartnershipQuestion, PraisePrompts, Question
from brilliance.domain.matching import Matcher
from brilliance.domain.models import Event, FollowUp, Meeting, Person, Profile
from brilliance.domain.questions import QuestionTemplates


@dataclass(frozen=True)
class Item:
    """One line of the checklist. ``key`` is what is saved when it is ticked."""

    key: str
    text: str
    detail: str = ""
    ref: str = ""
    """An id the screen can act on: a person to introduce, an event, a follow-up."""
    action: str = ""
    """What the reader could do about this line (see ``Section.action``)."""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    empty: str = ""
    """What to say when there is nothing in this section."""
    action: str = ""
    """What the reader could do when the section is empty: "edit-profile", "edit-person",
    "manage-events" or "add-question". The app turns it into a key hint; print shows none."""


@dataclass(frozen=True)
class PrepInputs:
    """Everything the sheet is built from, gathered by the caller from the store."""

    person: Person
    meeting: Meeting | None
    profile: Profile
    people: Sequence[Person]
    meetings: Sequence[Meeting]
    """All meetings (introductions are checked across everyone)."""
    followups: Sequence[FollowUp]
    events: Sequence[Event]
    bank: Sequence[Question]
    kinds: Sequence[MeetingKind]
    praise: PraisePrompts
    partnership: Sequence[PartnershipQuestion]
    today: date
    chosen_questions: Sequence[str] | None = None
    """Questions chosen for a meeting not planned yet (swapped or added on the sheet)."""
    matcher: Matcher | None = None
    """The matching engine with the topic map; words only when None."""
    templates: QuestionTemplates = field(default_factory=QuestionTemplates)
