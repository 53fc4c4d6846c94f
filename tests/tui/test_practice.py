"""The deeper practice in the app: praise and introductions logged, "did it help?" asked on
Today and answered, important dates and the review reminder on Today."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, RadioButton, SelectionList, Static, TextArea

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    Answer,
    DateKind,
    ImportantDate,
    Meeting,
    MeetingStatus,
    Person,
)
from brilliance.screens.agenda_list import AgendaList
from brilliance.screens.modals.introduction_outcome import IntroductionOutcomeScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen
from brilliance.screens.person import PersonScreen
from brilliance.screens.today import TodayScreen
from brilliance.store.store import Store
from tests.tui.test_prep import fresh, open_prep, seed

SIZE = (120, 40)


async def test_logging_praise_and_an_introduction_records_both_sides(
    store: Store, clock: FixedClock
) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_prep(pilot, app, ana)
        await pilot.press("l")
        form = app.screen
        assert isinstance(form, LogMeetingScreen)
        form.query_one("#praised", Input).value = "  how calmly she ran the pitch  "
        form.query_one("#intros", SelectionList).select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
    with fresh(store) as again:
        (meeting,) = again.meetings.for_person(ana.id)
        assert meeting.praised == "how calmly she ran the pitch"
        dana = again.people.find_by_name("Dana Fischer")
        assert dana is not None and meeting.introductions == [dana.id]
        assert dana.knows == [ana.id]
        assert again.people.require(ana.id).knows == [dana.id]
        assert again.people.require(ana.id).last_met == date(2026, 11, 24)


def seed_introduction(store: Store) -> tuple[Person, Person, Meeting]:
    ana = store.people.save(Person(name="Ana Lima", on_list=True, knows=["b"]))
    bo = store.people.save(Person(id="b", name="Bo Chen", knows=[ana.id]))
    meeting = store.meetings.save(
        Meeting(
            person_id=ana.id,
            when=datetime(2026, 11, 2, 9),
            status=MeetingStatus.DONE,
            introductions=[bo.id],
        )
    )
    return ana, bo, meeting


async def test_today_asks_whether_an_introduction_helped(store: Store, clock: FixedClock) -> None:
    _, bo, meeting = seed_introduction(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        intros = screen.query_one("#intros", AgendaList)
        assert intros.display
        intros.focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, IntroductionOutcomeScreen)
        form.query_one("#helped-yes", RadioButton).value = True
        form.query_one("#outcome-note", Input).value = "Bo hired her studio"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#intros", AgendaList).display
    with fresh(store) as again:
        (outcome,) = again.meetings.require(meeting.id).introduction_outcomes
        assert (outcome.other_id, outcome.helped, outcome.note) == (
            bo.id,
            Answer.YES,
            "Bo hired her studio",
        )
        assert outcome.answered_on == date(2026, 11, 24)


async def test_person_page_shows_whom_they_know_and_the_outcome(
    store: Store, clock: FixedClock
) -> None:
    _, bo, _ = seed_introduction(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.open_person(bo.id)
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        text = str(app.screen.query_one("#practice", Static).render())
        assert "Knows: Ana Lima" in text
        assert "Introduced to Ana Lima: not asked yet" in text


async def test_today_shows_dates_and_the_review_reminder(store: Store, clock: FixedClock) -> None:
    clock.set(datetime(2026, 11, 29, 9))  # a Sunday: the default review day
    store.people.save(
        Person(
            name="Ana Lima",
            on_list=True,
            important_dates=[ImportantDate(kind=DateKind.BIRTHDAY, month=12, day=1, year=1990)],
        )
    )
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        coming = app.screen.query_one("#coming", AgendaList)
        prompts = [str(coming.get_option_at_index(i).prompt) for i in range(coming.option_count)]
        assert any("Ana Lima" in p and "36th birthday" in p for p in prompts)
        journal = str(app.screen.query_one("#journal", Static).render())
        assert "Weekly review of 2026-W48: not written yet" in journal


async def test_dates_and_connections_form(store: Store, clock: FixedClock) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    bo = store.people.save(Person(name="Bo Chen"))
    cy = store.people.save(Person(name="Cy Dunn", knows=[ana.id]))
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.open_person(ana.id)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        form.query_one("#dates", TextArea).text = "birthday 02-29\nbook launch 2026-12-01 once"
        form.query_one("#introduced-by", Input).value = "bo"
        form.query_one("#knows", Input).value = "Nobody Here"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "no one in your network" in str(form.query_one("#form-error", Static).render())
        form.query_one("#knows", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        text = str(app.screen.query_one("#practice", Static).render())
        assert "Introduced to me by Bo Chen" in text
        assert "book launch 01 Dec 2026 (next Tue 01 Dec 2026)" in text
    with fresh(store) as again:
        saved = again.people.require(ana.id)
        assert [(d.month, d.day, d.yearly) for d in saved.important_dates] == [
            (2, 29, True),
            (12, 1, False),
        ]
        assert saved.introduced_by == bo.id and saved.knows == [bo.id]
        assert again.people.require(bo.id).knows == [ana.id]
        assert again.people.require(cy.id).knows == []  # cleared on both sides
