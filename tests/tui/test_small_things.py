"""Small things a person notices, driven by keys: focus, errors, dates, footers, room, themes."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Footer, Input, Select

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Answer, JournalEntry, Meeting, MeetingStatus, Person
from brilliance.screens.journal_table import EntriesTable
from brilliance.screens.modals.form_base import FormScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen
from brilliance.screens.modals.partnership import PartnershipScreen
from brilliance.screens.modals.plan_meeting import PlanMeetingScreen
from brilliance.screens.prep import PrepScreen
from brilliance.screens.today_footer import StillFooter
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable


def seed(store: Store) -> Person:
    return store.people.save(
        Person(
            name="Ana Lima",
            on_list=True,
            partnership_prospect=True,
            how_i_can_help="Introduce her to investors who back hardware and robotics " * 3,
        )
    )


async def test_partnership_keys_work_at_once(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.prepare(ana.id)
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PartnershipScreen)
        assert isinstance(app.focused, Select)  # no tab needed
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    first = next(iter(store.people.require(ana.id).partnership_review.values()))
    assert first.answer is Answer.YES


async def test_plan_errors_focus_their_field_and_clear_when_fixed(
    store: Store, clock: FixedClock
) -> None:
    ana = seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.prepare(ana.id)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlanMeetingScreen)
        assert app.focused is form.query_one("#day", Input)
        assert "Wed 25 Nov · tomorrow" in str(form.query_one(".date-understood").render())
        form.query_one("#day", Input).value = ""
        await pilot.press(*"next fri")
        await pilot.pause()
        assert "Fri 27 Nov · in 3 days" in str(form.query_one(".date-understood").render())
        form.query_one("#time", Input).value = "25:99"
        form.query_one("#place", Input).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = form.query_one("#form-error")
        assert "Time" in str(error.render())
        assert app.focused is form.query_one("#time", Input)  # not Place
        await pilot.press("ctrl+u", *"6.30pm")  # the fix goes into Time
        await pilot.pause()
        assert str(error.render()) == ""
        assert form.query_one("#place", Input).value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    (meeting,) = store.meetings.for_person(ana.id)
    assert meeting.when == datetime(2026, 11, 27, 18, 30)


async def test_log_starts_at_the_date_and_reads_words(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    store.meetings.save(Meeting(person_id=ana.id, when=datetime(2026, 11, 23, 12, 30)))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.prepare(ana.id)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogMeetingScreen)
        assert app.focused is form.query_one("#day", Input)
        await pilot.press("ctrl+u", *"yesterday")
        form.query_one("#promise-0", Input).value = "Send the deck"
        form.query_one("#due-0", Input).value = "in 2 weeks"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (meeting,) = store.meetings.for_person(ana.id)
    assert meeting.status is MeetingStatus.DONE and meeting.day == date(2026, 11, 23)
    (promise,) = store.followups.for_person(ana.id)
    assert promise.due == date(2026, 12, 8)


async def test_footers_keep_help_in_view_at_80_columns(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    store.journal.save(JournalEntry(written_at=datetime(2026, 11, 23, 9), text="Hello"))
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("1", "2", "4"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()  # the footer redraws for the new screen's bindings
            if key == "1":  # Today's footer is one line (StillFooter, issue 19)
                line = str(app.screen.query_one(StillFooter).render())
                assert "? Help" in line and len(line) <= 80, line
                continue
            footer = app.screen.query_one(Footer)
            keys = [w for w in footer.query("FooterKey") if w.region.area]
            shown = [str(getattr(k, "description", "")) for k in keys]
            assert "Help" in shown, (key, shown)
            assert all(k.region.right <= 80 for k in keys)
        await app.prepare(ana.id)
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        in_footer = [
            active.binding.description
            for active in app.screen.active_bindings.values()
            if active.binding.show and active.enabled
        ]
        assert in_footer[:3] == ["Tick", "Plan", "Log"]


async def test_tables_use_the_room_of_a_wide_terminal(store: Store, clock: FixedClock) -> None:
    ana = seed(store)
    long_text = "A long first line about the launch and what came of it " * 4
    store.journal.save(JournalEntry(written_at=datetime(2026, 11, 23, 9), text=long_text))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        help_cell = str(table.get_row(ana.id)[-1])
        assert len(help_cell) > 60
        await pilot.press("4")
        await pilot.pause()
        entries = app.screen.query_one(EntriesTable)
        assert entries.text_width > 100
        assert len(str(entries.get_row_at(0)[1])) > 100


async def test_list_and_journal_redraw_on_a_theme_change(store: Store, clock: FixedClock) -> None:
    store.people.save(Person(name="Ana Lima", on_list=True, last_met=date(2026, 10, 1)))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)

        def due_style() -> str:
            return str(table.get_row_at(0)[4].style)  # type: ignore[union-attr]

        before = due_style()
        app.theme = "gruvbox"
        await pilot.pause()
        assert due_style() != before
        assert app.theme_variables["warning"].lower() in due_style().lower()
