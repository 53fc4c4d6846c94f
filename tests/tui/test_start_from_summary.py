"""The app started from Today's summary (issue 19): the first frame is the summary's, the
store loads behind it, and keys pressed meanwhile wait and then act on the real data."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from brilliance.app import BrillianceApp, make_app_from_summary
from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.domain.today_view import TodayPicture
from brilliance.screens.today import TodayScreen
from brilliance.screens.today_page import TodayColumn
from brilliance.services.agenda import build_agenda, picture_of
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.errors import DamagedFileError
from brilliance.store.store import Store
from brilliance.store.today_summary import TodayStart, read_summary
from tests.store.test_inbox import note
from tests.tui.waiting import wait_until


@pytest.fixture
def kept(data_dir: Path, clock: FixedClock) -> TodayStart:
    with Store.open(data_dir, clock=clock) as store:
        build_demo(store, clock.today())
        assert keep_today_summary(store)
    started = read_summary(data_dir, clock.today())
    assert started is not None
    return started


class GatedLoad:
    """Opens the store only once the test says so."""

    def __init__(self, data_dir: Path, clock: FixedClock) -> None:
        self.gate = threading.Event()
        self.data_dir = data_dir
        self.clock = clock

    def __call__(self) -> Store:
        assert self.gate.wait(60)
        return Store.open(self.data_dir, clock=self.clock)


@pytest.fixture
def gated(data_dir: Path, clock: FixedClock) -> Iterator[GatedLoad]:
    load = GatedLoad(data_dir, clock)
    yield load
    load.gate.set()


def prompts(screen: TodayScreen, key: str) -> list[str]:
    options = screen.query_one(f"#{key}", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def drawn(picture: TodayPicture, key: str) -> list[str]:
    rows = picture.view.section(key).rows
    prefix = "☐ " if key.startswith("promises") else ""
    return [prefix + row.plain for row in rows]


def screen_text(app: BrillianceApp) -> list[str]:
    """The characters on screen, line by line (no colours)."""
    strips = app.screen._compositor.render_strips()
    return [strip.text.rstrip() for strip in strips]


def flat_words(screen: TodayScreen) -> str:
    """The words of the flat first frame's agenda column, its wrapped lines joined again."""
    page = screen.query_one("#left", TodayColumn)
    return " ".join(line.plain.strip() for line in page.lines(page.size.width))


@asynccontextmanager
async def started(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> AsyncIterator[tuple[BrillianceApp, Pilot[str]]]:
    """The app started from Today's summary at 120x40, its first frame drawn, the load held."""
    app = make_app_from_summary(kept, gated, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        yield app, pilot


async def until_loaded(app: BrillianceApp, pilot: Pilot[str]) -> None:
    """Until the store is loaded, Today redrawn from it and the keys that waited handled."""
    assert await wait_until(pilot, lambda: app.loaded and app._replaying is None, steps=400)
    await pilot.pause()


def tabs_to_promises(kept: TodayStart) -> list[str]:
    """The tabs from the first section to the overdue promises: due, coming, (introductions,
    shown only when there are some,) promises."""
    intros = bool(kept.picture.view.section("intros").rows)
    return ["tab"] * (3 if intros else 2)


async def test_the_first_frame_is_the_summary_and_the_store_follows(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not app.loaded
        assert screen.drawn_from_summary  # the flat first frame (screens/today_page.py)
        assert screen.agenda is None  # nothing built from records yet
        page = flat_words(screen)
        for key in ("due", "coming", "promises"):
            assert drawn(kept.picture, key)[0] in page
        assert kept.picture.view.section("due").rows  # something real is shown
        first = screen_text(app)
        gated.gate.set()
        await until_loaded(app, pilot)
        assert not screen.drawn_from_summary  # the full screen took its place
        assert screen.agenda is not None  # redrawn from the records: the same content
        assert picture_of(screen.agenda) == kept.picture
        for key in ("due", "coming", "promises"):
            assert prompts(screen, key) == drawn(kept.picture, key)
        assert screen_text(app) == first  # the same words in the same places: no jump
    app.store.close()


async def test_keys_pressed_while_loading_wait_then_act_on_the_data(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await pilot.press(*tabs_to_promises(kept), "space")  # keep one
        await pilot.click("#left")  # dropped: nothing to open yet
        await pilot.press("2")  # then the List
        await pilot.pause()
        assert app.current_mode == "today" and not app.loaded  # all waiting, no traceback
        gated.gate.set()
        await until_loaded(app, pilot)  # the replay handles a key once the one before settled
        assert app.current_mode == "people"  # the keys ran, in order
        promises = kept.picture.view.section("promises").rows
        kept_promise = app.store.followups.get(promises[0].target)
        assert kept_promise is not None and kept_promise.done  # saved, as if pressed later
    store = app.store
    store.close()
    reopened = Store.open(store.data_dir, clock=clock, lock=False)
    followup = reopened.followups.get(promises[0].target)
    assert followup is not None and followup.done
    reopened.close()


async def test_ctrl_q_while_loading_quits_and_the_load_is_finished_cleanly(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        await pilot.press("ctrl+q")
        await pilot.pause()
    gated.gate.set()
    assert app.background is not None
    store = app.background.wait()  # run_app waits for it, then saves and closes as usual
    assert store is not None
    store.close()


async def test_a_load_that_fails_stops_the_app_with_the_stores_message(
    kept: TodayStart, data_dir: Path, clock: FixedClock
) -> None:
    def damaged() -> Store:
        raise DamagedFileError(data_dir / "brilliance.json", "line 1: not JSON")

    app = make_app_from_summary(kept, damaged, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: not app.is_running)
    assert app.background is not None
    assert isinstance(app.background.error, DamagedFileError)
    assert app.background.wait() is None
    assert app.return_code == 1


async def test_today_from_the_records_is_what_the_summary_keeps(
    kept: TodayStart, data_dir: Path, clock: FixedClock
) -> None:
    with Store.open(data_dir, clock=clock, lock=False) as store:
        assert picture_of(build_agenda(store)) == kept.picture


async def test_notes_from_the_shell_arrive_at_the_load_and_by_the_poll_after(
    kept: TodayStart, gated: GatedLoad, data_dir: Path, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        note(data_dir, "shell-1", "Left while the app was starting")
        gated.gate.set()
        await until_loaded(app, pilot)
        assert "shell-1" in app.store.journal  # merged by the open, as a normal start does
        note(data_dir, "shell-2", "Left while the app was open")
        # The poll's timer, set up once loaded, brings it in.
        assert await wait_until(pilot, lambda: "shell-2" in app.store.journal)
    app.store.close()


async def test_a_key_pressed_as_the_load_ends_acts_after_those_before_it(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        await pilot.press("2")  # waits for the load
        assert app.background is not None and not app.loaded
        # "4" is in the app's queue, not handled yet, when the load's end is handled: it
        # must still come after "2" (re-posting the waiting keys put it first).
        app.post_message(events.Key("4", "4"))
        gated.gate.set()
        app.background.wait()
        app._loaded()
        await until_loaded(app, pilot)
        for _ in range(40):
            await pilot.pause(0.05)
        assert app.current_mode == "journal"
        await pilot.press("1")  # and once they are done, keys go straight through
        await pilot.pause()
        assert app.current_mode == "today" and not app._keys_waiting
    app.store.close()


async def test_ctrl_c_while_loading_says_how_to_quit_without_waiting(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.loaded
        assert any("ctrl+q" in str(n.message) for n in app._notifications)
        gated.gate.set()
        await until_loaded(app, pilot)
    app.store.close()


async def test_ctrl_q_after_a_waiting_key_quits_once_that_key_has_acted(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        await pilot.press(*tabs_to_promises(kept), "space", "ctrl+q")
        await pilot.pause()
        assert app.is_running and not app.loaded  # quitting waits behind the promise kept
        gated.gate.set()
        await wait_until(pilot, lambda: not app.is_running)
    assert not app.is_running  # then it quit
    store = app.store
    promise = store.followups.get(kept.picture.view.section("promises").rows[0].target)
    assert promise is not None and promise.done  # and the key before it was not lost
    store.close()


async def test_a_paste_while_loading_lands_where_the_keys_before_it_lead(
    kept: TodayStart, gated: GatedLoad, clock: FixedClock
) -> None:
    async with started(kept, gated, clock) as (app, pilot):
        await pilot.press("2", "a")  # the List, then a new person's form
        app.post_message(events.Paste("Zoe Quill"))
        await pilot.pause()
        assert not app.loaded and app.current_mode == "today"
        gated.gate.set()
        await until_loaded(app, pilot)
        for _ in range(40):
            await pilot.pause(0.05)
        focused = app.focused
        assert isinstance(focused, Input) and focused.value == "Zoe Quill"
    app.store.close()
