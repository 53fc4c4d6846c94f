"""The screens' styles are read in a pause after the start, once (issue 19): a first visit of a
mode no longer parses every style sheet again, and reading them early changes no screen's look."""

from __future__ import annotations

from pathlib import Path

import pytest

import brilliance.app
from brilliance import style_warm_up
from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.style_warm_up import read_every_screen_css, read_in_a_pause
from tests.conftest import FROZEN_NOW
from tests.tui.terminal import Terminal
from tests.tui.test_snapshots import demo_store


async def test_after_the_warm_up_no_screen_parses_the_styles_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app's own warm-up would read them a second after the start: on a loaded machine that
    # can come before the first read below, which then has nothing left to read.
    monkeypatch.setattr(brilliance.app, "read_in_a_pause", lambda *_: None)
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="today")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            today = Terminal(app).whole()
            assert read_every_screen_css(app)
            await pilot.pause()
            assert Terminal(app).whole() == today  # Today looks the same
            assert not read_every_screen_css(app)  # nothing left to read
            parses = 0
            reparse = app.stylesheet.reparse

            def counted() -> None:
                nonlocal parses
                parses += 1
                reparse()

            app.stylesheet.reparse = counted  # type: ignore[method-assign]
            for key in ("2", "3", "4", "5", "1"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("2", "enter")  # a person's page
            await pilot.pause()
            assert parses == 0
    finally:
        store.close()


async def test_they_are_read_only_once_the_input_pauses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(style_warm_up, "WARM_AFTER_SECONDS", 0.01)
    monkeypatch.setattr(style_warm_up, "RETRY_SECONDS", 0.01)
    monkeypatch.setattr(brilliance.app, "read_in_a_pause", lambda *_: None)  # only ours below
    store = demo_store(tmp_path / "data")
    try:
        app = make_app(store, FixedClock(FROZEN_NOW), start_mode="today")
        async with app.run_test(size=(120, 40)) as pilot:
            paused = False
            read_in_a_pause(app, lambda: paused)
            await pilot.pause(0.1)
            people = str(style_warm_up.SCREENS / "people.tcss")
            assert not app.stylesheet.has_source(people)  # keys still coming: not yet
            paused = True
            await pilot.pause(0.1)
            assert app.stylesheet.has_source(people)
    finally:
        store.close()
