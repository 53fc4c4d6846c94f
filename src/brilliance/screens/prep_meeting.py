"""Planning, re-planning and logging a meeting from the Prep screen: the dialogs and their saves.

Each function opens a dialog over ``screen``, saves what it returns through the services, says
what happened, and calls ``done`` with the saved meeting so the screen can show it.
"""

from __future__ import annotations

from collections.abc import Callable

from brilliance import assets
from brilliance.domain.cadence import days_until_due, describe_due
from brilliance.domain.introductions import introductions_made, suggest_introductions
from brilliance.domain.meetings import suggested_start
from brilliance.domain.models import Meeting, MeetingStatus, Person, PrepState
from brilliance.domain.praise import unpraised_wins
from brilliance.domain.prep import PrepSheet
from brilliance.domain.seasons import in_season, season_of
from brilliance.domain.venues import suggest_venue
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen, MeetingLog
from brilliance.screens.modals.plan_meeting import PlanMeetingScreen
from brilliance.services.meetings import log_meeting, save_planned_meeting

Done = Callable[[Meeting], None]


def kind_ids() -> list[str]:
    return [k.id for k in assets.meeting_kinds()]


def plan_meeting(
    screen: BrillianceScreen,
    person: Person,
    questions: list[str],
    done: Done,
    ticks: set[str] | None = None,
) -> None:
    """Plan a new meeting with ``person``; the sheet's ``questions`` and the ``ticks`` made
    before it was planned are saved with it."""
    store, today = screen.store, screen.clock.today()
    # Venue ideas that fit the month, where I live (issue 14.15).
    kinds = in_season(assets.meeting_kinds(), season_of(today, store.profile.hemisphere))
    venue = suggest_venue(person, store.meetings.for_person(person.id), kinds, today)

    def planned(meeting: Meeting | None) -> None:
        if meeting is None:
            return
        prep = PrepState(checked=sorted(ticks or ()), questions=questions)
        meeting = meeting.model_copy(update={"prep": prep})
        stored = screen.attempt_save(lambda: save_planned_meeting(store, meeting))
        if stored is not None:
            done(stored)
            screen.notify(f"Planned: {stored.kind} on {stored.when:%a %d %b at %H:%M}.")

    screen.app.push_screen(
        PlanMeetingScreen(person, suggested_start(person, today), kind_ids(), venue, today=today),
        planned,
    )


def edit_plan(screen: BrillianceScreen, person: Person, meeting: Meeting, done: Done) -> None:
    """Change a planned meeting's day, time, kind or place."""

    def changed(result: Meeting | None) -> None:
        if result is None:
            return
        stored = screen.attempt_save(lambda: screen.store.meetings.save(result))
        if stored is not None:
            done(stored)

    screen.app.push_screen(
        PlanMeetingScreen(
            person,
            meeting.when,
            kind_ids(),
            None,
            existing=meeting,
            today=screen.clock.today(),
        ),
        changed,
    )


def log_meeting_from_sheet(
    screen: BrillianceScreen, person: Person, meeting: Meeting | None, sheet: PrepSheet, done: Done
) -> None:
    """Log ``meeting`` (or one that just happened, if None), starting from the sheet's ticks."""
    store, clock = screen.store, screen.clock
    meeting = meeting or Meeting(
        person_id=person.id,
        when=clock.now().replace(second=0),
        kind="coffee",
        # Ticks made on the sheet before any meeting was planned go with the log.
        prep=PrepState(checked=sorted(sheet.checked), questions=sheet.questions),
    )
    ticked_questions = {
        item.text for item in sheet.section("questions").items if item.key in sheet.checked
    }
    intro_items = sheet.section("introductions").items
    made = introductions_made(person.id, store.meetings.all()) - set(meeting.introductions)
    candidates = [
        i.person
        for i in suggest_introductions(
            person, store.people.all(), made, limit=10, matcher=assets.matcher()
        )
    ]
    ticked_intros = {item.ref for item in intro_items if item.key in sheet.checked}
    before = store.meetings.get(meeting.id)

    def logged(log: MeetingLog | None) -> None:
        if log is None:
            return
        saved = screen.attempt_save(
            lambda: log_meeting(store, person, log.meeting, log.followups, before)
        )
        if saved is None:
            return
        done(saved)
        fresh = store.people.require(person.id)
        if saved.status is MeetingStatus.DONE:
            due = describe_due(days_until_due(fresh, clock.today()))
            promises = f" {len(log.followups)} new promise(s) noted." if log.followups else ""
            screen.notify(
                f"Logged. Next meeting with {fresh.name} {due}.{promises}", title="Logged"
            )
        else:
            screen.notify("Logged as cancelled.", title="Logged")

    screen.app.push_screen(
        LogMeetingScreen(
            person,
            meeting,
            sheet.questions,
            ticked_questions,
            candidates,
            ticked_intros,
            clock.today(),
            praise_hint=next(iter(unpraised_wins(person, store.meetings.all())), ""),
        ),
        logged,
    )
