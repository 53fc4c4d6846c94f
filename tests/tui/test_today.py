"""Today and the first run, driven by keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Input

from brilliance.app import make_app
from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import FollowUp, Meeting, Person
from brilliance.screens.agenda_list import AgendaList
from brilliance.screens.journal_editor import JournalEditorScreen
from brilliance.screens.person import PersonScreen
from brilliance.screens.prep import PrepScreen
from brilliance.screens.today import TodayScreen
from brilliance.screens.welcome import WelcomeScreen
from brilliance.store.store import Store

SIZE = (120, 40)


async def test_first_run_welcome_saves_the_profile(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"Sam Rivera")
        app.screen.query_one("#interests", Input).value = "hiking, jazz"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    with Store.open(store.data_dir, lock=False) as again:
        profile = again.profile
        assert (profile.name, profile.interests, profile.welcomed) == (
            "Sam Rivera",
            ["hiking", "jazz"],
            True,
        )
    # The welcome is only for the first run.
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_welcome_can_choose_the_sample_data(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Sam")
        await pilot.press("ctrl+d")
        await pilot.pause()
    assert app.return_value == "demo"
    assert len(store.people) == 0  # the sample never lands in the user's own file
    # Exploring the sample is not starting: the next run is still a first run, name kept.
    again = make_app(store, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WelcomeScreen)
        assert again.screen.query_one("#name", Input).value == "Sam"


def seed(store: Store, clock: FixedClock) -> tuple[Person, FollowUp]:
    today = clock.today()
    ana = store.people.save(
        Person(name="Ana Lima", on_list=True, last_met=today - timedelta(days=20))
    )
    promise = store.followups.save(FollowUp(person_id=ana.id, text="Send the deck", due=today))
    store.meetings.save(
        Meeting(
            person_id=ana.id, when=datetime.combine(today + timedelta(days=2), datetime.min.time())
        )
    )
    return ana, promise


async def test_space_keeps_a_promise(store: Store, clock: FixedClock) -> None:
    _, promise = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#promises", AgendaList).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.query_one("#promises", AgendaList).chosen_id is None  # list is empty
        with Store.open(store.data_dir, lock=False) as again:
            kept = again.followups.require(promise.id)
            assert kept.done and kept.done_on == clock.today()
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one("#promises", AgendaList).chosen_id == promise.id
    with Store.open(store.data_dir, lock=False) as again:
        reopened = again.followups.require(promise.id)
        assert not reopened.done and reopened.done_on is None


async def test_enter_on_due_opens_prep(store: Store, clock: FixedClock) -> None:
    ana, _ = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused is not None and app.focused.id == "due"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.person_id == ana.id
        assert app.screen.meeting is not None  # the planned meeting is chosen


async def test_grid_row_opens_the_person_and_j_the_journal(store: Store, clock: FixedClock) -> None:
    ana, _ = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#grid").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == ana.id
        await pilot.press("escape", "1", "j")
        await pilot.pause()
        assert isinstance(app.screen, JournalEditorScreen)


async def test_demo_today_reads_at_80_by_24(store: Store, clock: FixedClock) -> None:
    build_demo(store, clock.today())
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert screen.has_class("-narrow")
        assert screen.query_one("#left").region.width >= 70  # stacked, full width
        assert date(2026, 11, 24) == clock.today()
        assert screen.agenda is not None
        assert len(screen.agenda.due) >= 1 and len(screen.agenda.coming) >= 1
        assert screen.agenda.journal.streak >= 7
