"""Meeting prep: the checklist for one person and one meeting, built section by section.

Each kind of suggestion has a module of its own (questions, interests, introductions,
invitations, venues); this module gathers them into a sheet. A section is drawn by one
builder in ``SECTION_BUILDERS``: add a section by writing a builder and putting it in the
list. Every suggestion is deterministic for the same data and day, so the sheet never
flickers between renders. The texts speak to a reader: key hints are added by the app only,
from each section's ``action``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from brilliance.domain.content import Question
from brilliance.domain.interests import SharedInterest, shared_interests
from brilliance.domain.introductions import (
    aims_of,
    introductions_made,
    suggest_introductions,
    suggest_peers,
)
from brilliance.domain.invitations import suggest_events
from brilliance.domain.matching import Matcher, plain
from brilliance.domain.models import (
    Meeting,
    MeetingStatus,
    PartnershipAnswer,
    Person,
)
from brilliance.domain.prep_practice import practice_sections
from brilliance.domain.prep_types import Item as Item
from brilliance.domain.prep_types import PrepInputs as PrepInputs
from brilliance.domain.prep_types import Section as Section
from brilliance.domain.questions import (
    asked_questions,
    normalise_question,
    person_questions,
    question_key,
    suggest_questions,
    swap_question,
)
from brilliance.domain.ranking import stable_rank
from brilliance.domain.venues import suggest_praise, suggest_venue

# -- the sheet (its items, sections and inputs are in domain/prep_types.py) -------------------


@dataclass(frozen=True)
class PrepSheet:
    person: Person
    meeting: Meeting | None
    sections: tuple[Section, ...]
    checked: frozenset[str] = field(default_factory=frozenset)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def questions(self) -> list[str]:
        return [item.text for item in self.section("questions").items]


class SheetContext:
    """What the builders share, worked out once per sheet."""

    def __init__(self, data: PrepInputs) -> None:
        self.data = data
        self.person = data.person
        self.matcher = data.matcher or Matcher()

    @cached_property
    def theirs(self) -> list[Meeting]:
        """This person's meetings, oldest first."""
        mine = (m for m in self.data.meetings if m.person_id == self.person.id)
        return sorted(mine, key=lambda m: (m.when, m.id))

    @cached_property
    def asked(self) -> set[str]:
        return asked_questions(self.theirs)

    @cached_property
    def shared(self) -> list[SharedInterest]:
        return shared_interests(self.data.profile.interests, self.person.interests, self.matcher)

    @cached_property
    def from_person(self) -> list[Question]:
        data = self.data
        return person_questions(self.person, self.theirs, data.templates, self.asked, data.today)

    @cached_property
    def questions(self) -> list[str]:
        """The meeting's chosen questions if it has them, else fresh suggestions."""
        data = self.data
        if data.chosen_questions:
            return list(data.chosen_questions)
        if data.meeting is not None and data.meeting.prep.questions:
            return list(data.meeting.prep.questions)
        met_before = (
            any(m.status == MeetingStatus.DONE for m in self.theirs)
            or self.person.last_met is not None
        )
        picked = suggest_questions(
            self.person,
            data.bank,
            self.asked,
            data.today,
            met_before=met_before,
            shares_interests=bool(self.shared),
            from_person=self.from_person,
        )
        return [q.text for q in picked]


def next_question(data: PrepInputs, shown: Sequence[str], current: str) -> Question | None:
    """What swapping ``current`` brings: the next question not asked and not on the sheet."""
    context = SheetContext(data)
    return swap_question(
        data.person,
        data.bank,
        context.asked,
        shown,
        data.today,
        current=current,
        from_person=context.from_person,
    )


# -- the sections, in order ---------------------------------------------------------------------


def questions_section(ctx: SheetContext) -> Section:
    items = tuple(Item(question_key(q), q) for q in ctx.questions)
    return Section(
        "questions",
        "Questions to ask",
        items,
        "Every question in the bank has been asked.",
        "add-question",
    )


def interest_question(ctx: SheetContext) -> str | None:
    """A question about their interests, for when we share none: not asked, not on the sheet."""
    taken = ctx.asked | {normalise_question(q) for q in ctx.questions}
    options = [
        q
        for q in ctx.data.bank
        if "outside-work" in q.themes and normalise_question(q.text) not in taken
    ]
    if not options:
        return None
    options.sort(key=lambda q: stable_rank(ctx.person.id, ctx.data.today.isoformat(), q.id))
    return options[0].text


def interests_section(ctx: SheetContext) -> Section:
    title = "Shared interests"
    if ctx.shared:
        shared = tuple(Item(f"interest:{plain(s.theirs)}", s.describe()) for s in ctx.shared)
        return Section("interests", title, shared)
    action = ""
    if not ctx.data.profile.interests:
        reason = "Add your own interests to your profile to find common ground."
        action = "edit-profile"
    elif not ctx.person.interests:
        reason = f"You don't know {ctx.person.name}'s interests yet."
    else:
        reason = "Nothing in common on paper yet."
    ask = interest_question(ctx)
    items: tuple[Item, ...] = ()
    if ask is not None:
        items = (Item("interest-question", f"{reason} Ask: \u201c{ask}\u201d", action=action),)
    return Section("interests", title, items, reason, action)


def aims_section(ctx: SheetContext) -> Section:
    person = ctx.person
    aims = [Item(f"goal:{plain(g)}", g, "goal") for g in person.goals]
    if person.aspirations.strip():
        aims.append(Item("aspirations", " ".join(person.aspirations.split()), "aspirations"))
    if person.how_i_can_help.strip():
        aims.append(Item("help", " ".join(person.how_i_can_help.split()), "how I can help"))
    return Section(
        "aims",
        "Their goals, aspirations and how I can help",
        tuple(aims),
        "Nothing noted yet: ask about their goals, and note them.",
        "edit-person",
    )


def followups_section(ctx: SheetContext) -> Section:
    today = ctx.data.today
    owed = sorted(
        (f for f in ctx.data.followups if f.person_id == ctx.person.id and not f.done),
        key=lambda f: (f.due, f.created_at, f.id),
    )
    items = tuple(
        Item(
            f"followup:{f.id}",
            f.text,
            f"due {f.due.isoformat()}" + (" - OVERDUE" if f.due < today else ""),
            f.id,
        )
        for f in owed
    )
    return Section("followups", "Promises I owe them (oldest first)", items, "No open promises.")


def introductions_section(ctx: SheetContext) -> Section:
    made = introductions_made(ctx.person.id, ctx.data.meetings)
    intros = suggest_introductions(ctx.person, ctx.data.people, made, matcher=ctx.matcher)
    return Section(
        "introductions",
        "Introductions I could make",
        tuple(Item(f"intro:{i.person.id}", i.describe(), ref=i.person.id) for i in intros),
        "No one in your network matches their goals yet."
        if aims_of(ctx.person)
        else "Note their goals to see who you could introduce them to.",
    )


def peers_section(ctx: SheetContext) -> Section | None:
    """People with the same goal: not helpers, but worth comparing notes with."""
    peers = suggest_peers(ctx.person, ctx.data.people, ctx.matcher)
    if not peers:
        return None
    items = tuple(Item(f"peer:{p.person.id}", p.describe(), ref=p.person.id) for p in peers)
    return Section("peers", "Could compare notes with", items)


def events_section(ctx: SheetContext) -> Section:
    events = suggest_events(ctx.person, ctx.data.events, ctx.data.today, matcher=ctx.matcher)
    return Section(
        "events",
        "Events to invite them to",
        tuple(Item(f"event:{e.event.id}", e.describe(), ref=e.event.id) for e in events),
        "No upcoming event fits their interests or goals.",
        "manage-events",
    )


def venue_section(ctx: SheetContext) -> Section:
    venue = suggest_venue(ctx.person, ctx.theirs, ctx.data.kinds, ctx.data.today)
    return Section("venue", "Where to meet", (Item("venue", venue.describe()),) if venue else ())


def praise_section(ctx: SheetContext) -> Section:
    praise = suggest_praise(ctx.person, ctx.theirs, ctx.data.praise, ctx.data.today)
    items = (Item("praise", praise),) if praise else ()
    return Section("praise", "Something sincere to praise", items)


def partnership_section(ctx: SheetContext) -> Section | None:
    person = ctx.person
    if not person.partnership_prospect:
        return None
    items = []
    for question in ctx.data.partnership:
        answer = person.partnership_review.get(question.key, PartnershipAnswer())
        detail = answer.answer.value or "not answered"
        if answer.note:
            detail += f" - {answer.note}"
        items.append(Item(f"partner:{question.key}", question.text, detail))
    return Section("partnership", "Before partnering: seven questions", tuple(items))


SectionBuilder = Callable[[SheetContext], Section | None]

SECTION_BUILDERS: tuple[SectionBuilder, ...] = (
    questions_section,
    interests_section,
    aims_section,
    followups_section,
    introductions_section,
    peers_section,
    events_section,
    venue_section,
    praise_section,
    partnership_section,
)
"""The sheet's sections in order; a builder returns None to leave its section out."""


def build_sheet(
    data: PrepInputs, builders: Sequence[SectionBuilder] = SECTION_BUILDERS
) -> PrepSheet:
    """The whole checklist for one person and (optionally) one planned meeting."""
    context = SheetContext(data)
    sections = tuple(s for s in (build(context) for build in builders) if s is not None)
    if builders is SECTION_BUILDERS:
        # Issue 17's sections (important dates, introduction outcomes, an unpraised win, whom
        # a partner knows) live in their own module.
        sections = tuple(practice_sections(data, list(sections)))
    checked = frozenset(data.meeting.prep.checked) if data.meeting else frozenset()
    return PrepSheet(data.person, data.meeting, sections, checked)
