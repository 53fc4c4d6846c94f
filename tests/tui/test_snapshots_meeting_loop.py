"""Snapshots of the screens the meeting loop changed (issue 14): the timeline, the log form
scrolled to its promises at 80x24, Today's coming promises, a namesake warned of, the plan
form's error on its field, and the List using the room at 200 columns."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from brilliance.app import make_app
from brilliance.domain.models import FollowUp
from tests.conftest import FROZEN_NOW
from tests.tui.test_snapshots import SnapCompare, no_blink, open_ana, prep_store, seeded_store


def with_coming_promise(data_dir: Path):  # type: ignore[no-untyped-def]
    store = prep_store(data_dir)
    store.followups.save(
        FollowUp(
            id="f2",
            person_id="p00",
            text="Introduce her to Dana",
            due=FROZEN_NOW.date() + timedelta(days=3),
            meeting_id="m0",
        )
    )
    return store


def test_timeline(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = with_coming_promise(tmp_path / "data")
    app = make_app(store, store.clock, start_mode="people")

    async def open_timeline(pilot: Pilot[None]) -> None:
        pilot.app.open_person("p00")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_timeline)
    store.close()


def test_prep_sheet_opens_with_last_time_at_80_by_24(
    snap_compare: SnapCompare, tmp_path: Path
) -> None:
    store = with_coming_promise(tmp_path / "data")
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_ana([]))
    store.close()


def test_log_form_scrolled_to_the_promises_at_80_by_24(
    snap_compare: SnapCompare, tmp_path: Path
) -> None:
    store = prep_store(tmp_path / "data")
    app = make_app(store, store.clock)

    async def to_promises(pilot: Pilot[None]) -> None:
        await open_ana(["l"])(pilot)
        pilot.app.screen.query_one("#promise-0", Input).focus()
        await pilot.press(*"Send the deck", "tab", "ctrl+u", *"next fri")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_promises)
    store.close()


def test_today_with_promises_coming_up(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = with_coming_promise(tmp_path / "data")
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=(120, 40))
    store.close()


def test_person_form_warns_of_a_namesake(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "data")
    app = make_app(store, store.clock, start_mode="people")

    async def add_namesake(pilot: Pilot[None]) -> None:
        await pilot.press("a", *"Ana Lima", "ctrl+s")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=add_namesake)
    store.close()


def test_plan_form_error_on_its_field(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = prep_store(tmp_path / "data")
    app = make_app(store, store.clock)

    async def bad_time(pilot: Pilot[None]) -> None:
        await open_ana(["n"])(pilot)
        screen = pilot.app.screen
        screen.query_one("#day", Input).value = "next fri"
        screen.query_one("#time", Input).value = "25:00"
        screen.query_one("#place", Input).focus()
        await pilot.press("ctrl+s")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=bad_time)
    store.close()


def test_list_at_200_columns(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "data")
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=(200, 40))
    store.close()
