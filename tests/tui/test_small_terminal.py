"""Screens at the smallest size we support (80x24): every way out stays on screen."""

from __future__ import annotations

from textual.widgets import Button

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.screens.welcome import WelcomeScreen
from brilliance.store.store import Store

SMALL = (80, 24)


async def test_welcome_buttons_are_on_screen_at_80x24(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        screen = app.screen.region
        for button in app.screen.query(Button):
            region = button.region
            assert region.height > 0, f"{button.id} has no height"
            assert screen.contains_region(region), f"{button.id} is off screen: {region}"
