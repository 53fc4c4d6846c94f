"""Actions of the deeper practice shared by several screens (Today, the person page, Prep)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.content import Content

from brilliance.domain.acquaintances import acquaintances, set_acquaintances
from brilliance.domain.important_dates import describe, describe_when, next_occurrence
from brilliance.domain.introduction_log import answer_introduction, ask_text, introduction_log
from brilliance.domain.models import Answer, Person, updated
from brilliance.domain.practice_timeline import practice_items
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.modals.dates_connections import (
    DatesAndConnections,
    DatesConnectionsScreen,
)
from brilliance.screens.modals.introduction_outcome import IntroductionOutcomeScreen

if TYPE_CHECKING:
    from brilliance.store.store import Store


def ask_about_introduction(
    screen: BrillianceScreen,
    meeting_id: str,
    other_id: str,
    then: Callable[[], None],
    seen_from: str | None = None,
) -> None:
    """Ask whether the introduction made at ``meeting_id`` to ``other_id`` helped; save it."""
    store = screen.store
    meeting = store.meetings.get(meeting_id)
    if meeting is None or other_id not in meeting.introductions:
        return
    intro = next(i for i in introduction_log([meeting]) if i.other_id == other_id)
    names = {p.id: p.name for p in store.people}
    question = ask_text(intro, names, seen_from)
    outcome = intro.outcome

    def answered(result: tuple[Answer, str] | None) -> None:
        if result is None:
            return
        current = store.meetings.get(meeting_id)
        if current is None:
            return
        helped, note = result
        changed = answer_introduction(current, other_id, helped, note, screen.clock.today())
        if screen.attempt_save(lambda: store.meetings.save(changed)) is None:
            return
        screen.notify("Kept on both timelines.", title="Introduction")
        then()

    screen.app.push_screen(
        IntroductionOutcomeScreen(
            question,
            outcome.helped if outcome else Answer.UNANSWERED,
            outcome.note if outcome else "",
        ),
        answered,
    )


def edit_dates_and_connections(
    screen: BrillianceScreen, person: Person, then: Callable[[], None]
) -> None:
    """The dates-and-connections form for ``person``; whom they know is saved on both sides."""
    store = screen.store

    def saved(result: DatesAndConnections | None) -> None:
        if result is None:
            return
        current = store.people.get(person.id)
        if current is None:
            return
        people = {p.id: p for p in store.people}
        current = updated(current, important_dates=result.dates, introduced_by=result.introduced_by)
        people[current.id] = current
        knows = list(result.knows)
        if result.introduced_by and result.introduced_by not in knows:
            knows.append(result.introduced_by)  # whoever introduced us knows them
        changed = set_acquaintances(current, knows, people)

        def write() -> None:
            with store.batch():
                for record in changed:
                    store.people.save(record)

        if screen.attempt_save(write) is None:
            return
        then()

    screen.app.push_screen(DatesConnectionsScreen(person, store.people.all()), saved)


def practice_summary(store: Store, person: Person, today: date) -> Content:
    """Introduced by, whom they know, their dates, and the practice's lines of their timeline."""
    people = {p.id: p for p in store.people}
    known = acquaintances(person, people)
    by = people.get(person.introduced_by)
    lines: list[str] = []
    if by is not None:
        lines.append(f"Introduced to me by {by.name}")
    lines.append("Knows: " + (", ".join(p.name for p in known) if known else "no one noted (d)"))
    upcoming = []
    for important in person.important_dates:
        on = next_occurrence(important, today)
        when = f"next {on:%a %d %b %Y}" if on else "past"
        upcoming.append(f"{describe(important)} {describe_when(important)} ({when})")
    if upcoming:
        lines.append("Dates: " + "; ".join(upcoming))
    items = practice_items(person, list(people.values()), store.meetings.all(), today)
    parts: list[Content | str] = [Content("\n".join(lines))]
    if items:
        parts.append(Content.assemble(("\nDates, introductions, praise\n", "bold $text-primary")))
        parts.append(Content("\n".join(f"{i.day:%Y-%m-%d}  {i.text}" for i in items[:12])))
    return Content.assemble(*parts)
