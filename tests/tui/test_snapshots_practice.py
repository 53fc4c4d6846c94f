"""Snapshots of the deeper practice: the Review mode, the person page's dates and
connections, the prep sheet's new sections, the dates form. Sample data, frozen time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from brilliance.app import make_app
from tests.tui.test_snapshots import SIZE, demo_store, no_blink

ANA = "demo-p00"
CHEN = "demo-p02"


def test_review_mode(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    app = make_app(store, store.clock, start_mode="review")

    async def wait(pilot: Pilot[None]) -> None:
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=wait)
    store.close()


def test_review_mode_a_written_week(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    app = make_app(store, store.clock, start_mode="review")

    async def back(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=back)
    store.close()


def test_person_page_dates_and_connections(
    snap_compare: Callable[..., bool], tmp_path: Path
) -> None:
    store = demo_store(tmp_path / "data")
    app = make_app(store, store.clock)

    async def open_ana(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app.open_person(ANA)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_ana)
    store.close()


def test_dates_and_connections_form(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    store = demo_store(tmp_path / "data")
    app = make_app(store, store.clock)

    async def open_form(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app.open_person(ANA)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)
    store.close()


def test_prep_sheet_asks_about_an_introduction(
    snap_compare: Callable[..., bool], tmp_path: Path
) -> None:
    store = demo_store(tmp_path / "data")
    app = make_app(store, store.clock)

    async def open_chen(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await app.prepare(CHEN)
        await pilot.pause()

    # Tall enough for the whole sheet: the new sections sit in its middle.
    assert snap_compare(app, terminal_size=(120, 72), run_before=open_chen)
    store.close()
