"""The prep sheet's share of the deeper practice: important dates near the meeting,
introductions waiting for "did it help?", praise for a win not praised yet, and the people a
prospective partner could open up to me. ``domain.prep.build_sheet`` calls
:func:`practice_sections` once, at the end."""

from __future__ import annotations

from datetime import date

from brilliance.domain.acquaintances import ACCESS_QUESTIONS, acquaintances
from brilliance.domain.important_dates import near_meeting
from brilliance.domain.introduction_log import ask_text, awaiting_answer
from brilliance.domain.praise import unpraised_wins
from brilliance.domain.prep_types import Item, PrepInputs, Section


def _meeting_day(data: PrepInputs) -> date:
    return data.meeting.day if data.meeting is not None else data.today


def dates_section(data: PrepInputs) -> Section | None:
    near = near_meeting(data.person, _meeting_day(data), data.today)
    if not near:
        return None
    items = tuple(
        Item(f"date:{u.on.isoformat()}", u.describe(data.today).split(": ", 1)[1]) for u in near
    )
    return Section("dates", "Important dates within two weeks", items)


def introductions_section(data: PrepInputs) -> Section | None:
    waiting = awaiting_answer(data.meetings, data.today, data.person.id)
    if not waiting:
        return None
    names = {p.id: p.name for p in data.people}
    items = tuple(
        Item(
            f"intro-outcome:{i.meeting.id}:{i.other_id}",
            ask_text(i, names, data.person.id),
            "ask them, then note the answer on their page",
            ref=i.meeting.id,
        )
        for i in waiting
    )
    return Section("intro-outcomes", "Did my introductions help?", items)


def praise_section(data: PrepInputs, current: Section) -> Section:
    """The praise section, leading with their newest win that no meeting praised yet.

    When the suggestion already names that win, it is kept (its wording is the prep sheet's)
    and marked; otherwise the win comes first.
    """
    wins = unpraised_wins(data.person, data.meetings)
    if not wins:
        return current
    win = wins[0]
    note = "a win not praised yet: praise it early"
    if any(win in item.text for item in current.items):
        items = tuple(
            Item(i.key, i.text, note, i.ref) if win in i.text else i for i in current.items
        )
    else:
        items = (Item("praise-win", f"Their win: {win}", note), *current.items)
    return Section(current.key, current.title, items, current.empty)


def partnership_section(data: PrepInputs, current: Section) -> Section:
    """The access questions name the people they know in my network."""
    known = acquaintances(data.person, {p.id: p for p in data.people})
    if not known:
        return current
    names = ", ".join(p.name for p in known)
    items = tuple(
        Item(i.key, i.text, f"{i.detail}; they know {names}", i.ref)
        if i.key.removeprefix("partner:") in ACCESS_QUESTIONS
        else i
        for i in current.items
    )
    return Section(current.key, current.title, items, current.empty)


def practice_sections(data: PrepInputs, sections: list[Section]) -> list[Section]:
    """``sections`` with the deeper practice added: new sections after the follow-ups."""
    result: list[Section] = []
    for section in sections:
        if section.key == "praise":
            section = praise_section(data, section)
        elif section.key == "partnership":
            section = partnership_section(data, section)
        result.append(section)
        if section.key == "followups":
            result.extend(s for s in (introductions_section(data), dates_section(data)) if s)
    return result
