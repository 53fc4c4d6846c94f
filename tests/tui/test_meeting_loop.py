"""The meeting loop by keys: Today's promises, the timeline, Last time, keeping promises."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

from textual.widgets import Input, OptionList

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import FollowUp, Meeting, MeetingStatus, Person, ValueItem, ValueKind
from brilliance.screens.agenda_list import AgendaList
from brilliance.screens.person import PersonScreen
from brilliance.screens.prep import PrepScreen
from brilliance.screens.timeline import TimelineScreen
from brilliance.store.store import Store
from brilliance.widgets.checklist import Checklist
from brilliance.widgets.last_time import LastTimeView

SIZE = (120, 40)


def seed(store: Store, clock: FixedClock) -> tuple[Person, Meeting, FollowUp, FollowUp]:
    today = clock.today()
    ana = store.people.save(
        Person(name="Ana Lima", on_list=True, last_met=today - timedelta(days=6))
    )
    met = store.meetings.save(
        Meeting(
            person_id=ana.id,
            when=datetime(2026, 11, 18, 12, 30),
            place="Café Lima",
            status=MeetingStatus.DONE,
            notes="She closed her first angel round.",
            questions_asked=["What are you most looking forward to?"],
            value_given=[ValueItem(kind=ValueKind.INFORMATION, note="the pricing article")],
        )
    )
    soon = store.followups.save(
        FollowUp(
            person_id=ana.id, text="Send the deck", due=today + timedelta(days=3), meeting_id=met.id
        )
    )
    late = store.followups.save(
        FollowUp(person_id=ana.id, text="Book the dinner", due=today - timedelta(days=2))
    )
    return ana, met, soon, late


def reread(store: Store, followup_id: str) -> FollowUp:
    with Store.open(store.data_dir, lock=False) as again:
        return again.followups.require(followup_id)


async def test_today_lists_promises_of_the_coming_week_and_labels_overdue(
    store: Store, clock: FixedClock
) -> None:
    _, _, soon, late = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        due = app.screen.query_one("#promises", AgendaList)
        coming = app.screen.query_one("#promises-soon", AgendaList)
        assert due.chosen_id == late.id
        assert "OVERDUE" in str(due.get_option_at_index(0).prompt)
        assert "overdue since 22 Nov" in str(due.get_option_at_index(0).prompt)
        assert coming.chosen_id == soon.id
        assert "due Fri 27 Nov" in str(coming.get_option_at_index(0).prompt)
        coming.focus()
        await pilot.press("space")  # kept before it is due
        await pilot.pause()
        assert reread(store, soon.id).done
        await pilot.press("u")
        await pilot.pause()
        assert not reread(store, soon.id).done
        assert coming.chosen_id == soon.id


async def test_timeline_shows_notes_and_keeps_promises(store: Store, clock: FixedClock) -> None:
    ana, _, soon, _ = seed(store, clock)
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        app.open_person(ana.id)
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        prompts = [
            str(screen.query_one(OptionList).get_option_at_index(i).prompt)
            for i in range(screen.query_one(OptionList).option_count)
        ]
        assert "Promised: Send the deck" in prompts[0]
        assert "Overdue: Book the dinner" in prompts[1]
        assert "She closed her first angel round." in prompts[2]
        assert "Asked: What are you most looking forward to?" in prompts[2]
        assert "Gave information: the pricing article" in prompts[2]
        await pilot.press("space")
        await pilot.pause()
        assert reread(store, soon.id).done_on == clock.today()
        await pilot.press("u")
        await pilot.pause()
        assert not reread(store, soon.id).done
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)


async def test_prep_opens_with_last_time_and_space_keeps_a_promise(
    store: Store, clock: FixedClock
) -> None:
    ana, _, soon, _ = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.prepare(ana.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepScreen)
        last = str(screen.query_one(LastTimeView).render())
        assert "Wed 18 Nov 2026: coffee at Café Lima" in last
        assert "She closed her first angel round." in last
        assert "I promised: Send the deck (due 27 Nov)" in last
        checklist = screen.query_one(Checklist)
        checklist.highlighted = checklist.get_option_index(f"followup:{soon.id}")
        await pilot.press("space")
        await pilot.pause()
        assert reread(store, soon.id).done
        assert f"followup:{soon.id}" not in checklist.items
        await pilot.press("u")
        await pilot.pause()
        assert not reread(store, soon.id).done
        assert f"followup:{soon.id}" in checklist.items


async def test_stepping_with_one_meeting_says_so(store: Store, clock: FixedClock) -> None:
    ana, met, _, _ = seed(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.prepare(ana.id, met.id)
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert any("only one meeting" in n.message for n in app._notifications)


def test_brilliance_prep_prints_last_time(store: Store, clock: FixedClock) -> None:
    seed(store, clock)
    store.close()
    result = subprocess.run(
        [sys.executable, "-m", "brilliance", "prep", "Ana Lima", "--data-dir", str(store.data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "## Last time" in out
    assert "**Wed 18 Nov 2026: coffee at Café Lima**" in out
    assert "I promised: Send the deck" in out
    assert out.index("## Last time") < out.index("## ", out.index("## Last time") + 3)


async def test_a_goal_change_shows_on_the_timeline(store: Store, clock: FixedClock) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True, goals=["raise a seed round"]))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        app.open_person(ana.id)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-goals", Input).value = "hire a CTO"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        timeline = app.screen.query_one(OptionList)
        text = str(timeline.get_option_at_index(0).prompt)
        assert "Goals changed" in text
        assert "+ hire a CTO" in text and "- raise a seed round" in text
    (change,) = store.people.require(ana.id).goal_changes
    assert change.day == clock.today()
