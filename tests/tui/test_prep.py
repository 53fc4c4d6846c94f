"""Prep, driven by keys: plan, tick, swap, export, log, events, partnership review."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, Select, SelectionList, TextArea

from brilliance.app import make_app
from brilliance.domain.cadence import days_until_due
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    Answer,
    Event,
    Meeting,
    MeetingStatus,
    Person,
    Profile,
    ValueKind,
)
from brilliance.screens.events import EventsScreen
from brilliance.screens.modals.event_form import EventFormScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen
from brilliance.screens.modals.partnership import PartnershipScreen
from brilliance.screens.modals.plan_meeting import PlanMeetingScreen
from brilliance.screens.prep import PrepScreen
from brilliance.store.store import Store
from brilliance.widgets.checklist import Checklist

SIZE = (120, 40)


def fresh(store: Store) -> Store:
    return Store.open(store.data_dir, lock=False)


def seed(store: Store) -> Person:
    store.save_profile(Profile(name="Me", interests=["hiking"]))
    ana = store.people.save(
        Person(
            name="Ana Lima",
            on_list=True,
            goals=["raise a seed round"],
            interests=["Hike"],
            last_met=date(2026, 11, 1),
            partnership_prospect=True,
        )
    )
    store.people.save(Person(name="Dana Fischer", skills=["fundraising"]))
    store.events.save(
        Event(title="Founders breakfast", day=date(2026, 12, 2), topics=["fundraising"])
    )
    return ana


async def open_prep(pilot, app, person: Person) -> PrepScreen:  # type: ignore[no-untyped-def]
    await app.prepare(person.id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PrepScreen)
    return screen


async def test_p_on_the_list_opens_the_sheet(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.person_id == ana.id
        sheet = app.screen.sheet
        assert sheet is not None
        assert [i.text for i in sheet.section("interests").items] == ["Hike (you: hiking)"]
        assert "Dana Fischer" in sheet.section("introductions").items[0].text
        assert "Founders breakfast" in sheet.section("events").items[0].text


async def test_plan_tick_and_swap_are_saved(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        questions_before = screen.sheet.questions  # type: ignore[union-attr]
        await pilot.press("space")  # nothing planned yet: ticked all the same, kept for the plan
        ticked = screen.sheet.checked  # type: ignore[union-attr]
        assert len(ticked) == 1
        await pilot.press("n")
        assert isinstance(app.screen, PlanMeetingScreen)
        app.screen.query_one("#day", Input).value = "2026-11-27"
        app.screen.query_one("#time", Input).value = "18:30"
        app.screen.query_one("#kind", Input).value = "walk"
        app.screen.query_one("#place", Input).value = "River path"
        await pilot.press("ctrl+s")
        await pilot.pause()
        checklist = screen.query_one(Checklist)
        first_question = checklist.highlighted_item
        assert first_question is not None and first_question.text == questions_before[0]
        (planned,) = store.meetings.for_person(ana.id)
        assert set(planned.prep.checked) == ticked  # the tick made before planning was kept
        await pilot.press("r")  # swap the (ticked) first question
        await pilot.pause()
    with fresh(store) as again:
        (meeting,) = again.meetings.for_person(ana.id)
        assert meeting.when == datetime(2026, 11, 27, 18, 30)
        assert (meeting.kind, meeting.place, meeting.status) == ("walk", "River path", "planned")
        assert meeting.prep.questions[1:] == questions_before[1:]
        assert meeting.prep.questions[0] not in questions_before
        assert meeting.prep.checked == []  # the swapped-out question took its tick


async def test_log_meeting_moves_due_date(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    planned = store.meetings.save(
        Meeting(person_id=ana.id, when=datetime(2026, 11, 24, 8), kind="coffee")
    )
    assert days_until_due(ana, clock.today()) == -9
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        assert screen.meeting_id == planned.id
        await pilot.press("space")  # tick the first question: pre-selected as asked
        first = screen.sheet.questions[0]  # type: ignore[union-attr]
        await pilot.press("l")
        form = app.screen
        assert isinstance(form, LogMeetingScreen)
        assert list(form.query_one("#asked", SelectionList).selected) == [first]
        form.query_one("#notes", TextArea).text = "She closed her first angel. Proud of it."
        form.query_one("#note-connection", Input).value = "Intro to Dana"
        form.query_one("#promise-0", Input).value = "Send the deck template"
        form.query_one("#due-0", Input).value = "2026-12-01"
        form.query_one("#intros", SelectionList).select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
    with fresh(store) as again:
        meeting = again.meetings.require(planned.id)
        assert meeting.status is MeetingStatus.DONE
        assert meeting.questions_asked == [first]
        assert [(v.kind, v.note) for v in meeting.value_given] == [
            (ValueKind.CONNECTION, "Intro to Dana")
        ]
        dana = again.people.find_by_name("Dana Fischer")
        assert dana is not None and meeting.introductions == [dana.id]
        (promise,) = again.followups.for_person(ana.id)
        assert (promise.text, promise.due, promise.meeting_id) == (
            "Send the deck template",
            date(2026, 12, 1),
            planned.id,
        )
        person = again.people.require(ana.id)
        assert person.last_met == date(2026, 11, 24)
        assert days_until_due(person, clock.today()) == 14


async def test_held_meeting_cannot_be_in_the_future(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_prep(pilot, app, ana)
        await pilot.press("l")
        app.screen.query_one("#day", Input).value = "2026-12-24"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogMeetingScreen)
        assert "future" in str(app.screen.query_one("#form-error").render())
    assert fresh(store).meetings.all() == []


async def test_export_writes_markdown(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_prep(pilot, app, ana)
        await pilot.press("x")
        await pilot.pause()
    exported = store.data_dir / "exports" / "prep-ana-lima-2026-11-24.md"
    text = exported.read_text()
    assert text.startswith("# Prep: Ana Lima")
    assert "## Shared interests" in text
    assert "Dana Fischer: fundraising -> goal 'raise a seed round'" in text


async def test_partnership_review_saved_with_the_person(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_prep(pilot, app, ana)
        await pilot.press("P")
        assert isinstance(app.screen, PartnershipScreen)
        app.screen.query_one("#answer-priorities", Select).value = Answer.YES
        app.screen.query_one("#note-priorities", Input).value = "Both focused on farms"
        app.screen.query_one("#answer-exit", Select).value = Answer.UNSURE
        await pilot.press("ctrl+s")
        await pilot.pause()
    with fresh(store) as again:
        review = again.people.require(ana.id).partnership_review
        assert review["priorities"].answer is Answer.YES
        assert review["priorities"].note == "Both focused on farms"
        assert review["exit"].answer is Answer.UNSURE
        assert review["strengths"].answer is Answer.UNANSWERED


async def test_events_view_and_invite(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        checklist = screen.query_one(Checklist)
        event_item = next(k for k in checklist.items if k.startswith("event:"))
        checklist.highlighted = checklist.get_option_index(event_item)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("v")
        assert isinstance(app.screen, EventsScreen)
        await pilot.press("a")
        assert isinstance(app.screen, EventFormScreen)
        app.screen.query_one("#title", Input).value = "Photo walk"
        app.screen.query_one("#day", Input).value = "2026-12-06"
        app.screen.query_one("#topics", Input).value = "photography, hiking"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen)
        await pilot.press("escape")
    with fresh(store) as again:
        events = {e.title: e for e in again.events}
        assert events["Founders breakfast"].invited == [ana.id]
        assert events["Photo walk"].topics == ["photography", "hiking"]


async def test_choose_from_the_list_of_people(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert isinstance(app.screen, PrepScreen)
        assert app.screen.person_id is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.person_id == ana.id
        await pilot.press("escape")
        assert app.screen.person_id is None


async def test_r_walks_through_unasked_questions_without_repeating(
    store: Store, clock: FixedClock
) -> None:
    # Issue 15: swapping one line again and again used to flip between two questions.
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        shown = list(screen.sheet.questions)  # type: ignore[union-attr]
        seen = []
        for _ in range(8):
            await pilot.press("r")
            await pilot.pause()
            seen.append(screen.sheet.questions[0])  # type: ignore[union-attr]
        assert len(set(seen)) == len(seen)
        assert not set(seen) & set(shown)


async def test_ticks_and_swaps_before_a_plan_survive_leaving_and_quitting(
    store: Store, clock: FixedClock
) -> None:
    # Issue 14.9: the sheet for a meeting not planned yet is kept with the person, not in
    # the screen, so another person's sheet or a restart does not lose it.
    ana = seed(store)
    dana = store.people.find_by_name("Dana Fischer")
    assert dana is not None
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        await pilot.press("space")  # tick the first question
        await pilot.press("down", "r")  # swap the second
        await pilot.pause()
        sheet = screen.sheet
        assert sheet is not None
        questions, ticked = list(sheet.questions), set(sheet.checked)
        assert len(ticked) == 1
        await app.prepare(dana.id)  # someone else's sheet in between
        await pilot.pause()
        await app.prepare(ana.id)
        await pilot.pause()
        assert screen.sheet is not None and screen.sheet.questions == questions
    with fresh(store) as again:
        draft = again.people.require(ana.id).next_prep
        assert draft is not None and draft.questions == questions
        assert set(draft.checked) == ticked
    app = make_app(fresh(store), clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot, app, ana)
        assert screen.sheet is not None
        assert screen.sheet.questions == questions and set(screen.sheet.checked) == ticked
        await pilot.press("n")
        assert isinstance(app.screen, PlanMeetingScreen)
        app.screen.query_one("#day", Input).value = "2026-11-27"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.store.close()
    with fresh(store) as again:
        (planned,) = again.meetings.for_person(ana.id)
        assert planned.prep.questions == questions and set(planned.prep.checked) == ticked
        assert again.people.require(ana.id).next_prep is None
