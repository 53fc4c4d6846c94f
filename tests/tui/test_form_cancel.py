"""Escape closes a form at once when nothing was typed, and asks first when something was."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input, TextArea

from brilliance.domain.models import Person
from brilliance.screens.modals.confirm import ConfirmScreen
from brilliance.screens.modals.dates_connections import DatesConnectionsScreen
from brilliance.screens.modals.form_base import FormScreen
from brilliance.screens.modals.introduction_outcome import IntroductionOutcomeScreen
from brilliance.screens.modals.line_prompt import LinePromptScreen
from tests.tui import test_forms_fit


def forms() -> dict[str, Any]:
    """Every form of the app, the small ones too."""
    ana = Person(name="Ana Lima", on_list=True)
    return {
        **test_forms_fit.forms(),
        "dates": DatesConnectionsScreen(ana, [ana, Person(name="Dana Fischer")]),
        "introduction outcome": IntroductionOutcomeScreen("Did it help?", note="They met"),
        "line prompt": LinePromptScreen("A question of my own", value="What next?"),
    }


FORMS = [name for name, screen in forms().items() if isinstance(screen, FormScreen)]


def text_of(field: Widget) -> str:
    assert isinstance(field, Input | TextArea)
    return field.value if isinstance(field, Input) else field.text


def confirming(app: App[None]) -> bool:
    return isinstance(app.screen, ConfirmScreen)


async def open_form(app: App[None], name: str) -> FormScreen[Any]:
    form = forms()[name]
    assert isinstance(form, FormScreen)
    await app.push_screen(form)
    return form


def test_every_form_of_the_app_is_covered() -> None:
    assert {"person", "log", "plan", "event", "profile", "partnership", "dates"} <= set(FORMS)
    assert {"introduction outcome", "line prompt"} <= set(FORMS)


@pytest.mark.parametrize("name", FORMS)
async def test_escape_on_an_untouched_form_closes_it(name: str) -> None:
    app: App[None] = App()
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(app, name)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not form
        assert not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize("name", FORMS)
async def test_escape_after_typing_asks_and_keeps_what_was_typed(name: str) -> None:
    app: App[None] = App()
    results: list[object] = []
    async with app.run_test(size=(100, 40)) as pilot:
        form = forms()[name]
        assert isinstance(form, FormScreen)
        await app.push_screen(form, results.append)
        await pilot.pause()
        field = form.query("#form-fields Input, #form-fields TextArea").first()
        field.focus()
        await pilot.press("x", "y", "z")
        typed = text_of(field)
        assert "xyz" in typed
        await pilot.press("escape")
        await pilot.pause()
        assert confirming(app)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is form
        assert text_of(field) == typed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert app.screen is not form
        assert results == [None]


async def test_typing_back_what_was_there_closes_without_asking() -> None:
    app: App[None] = App()
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(app, "person")
        await pilot.pause()
        name = form.query("#form-fields Input").first(Input)
        name.focus()
        await pilot.press("end", "x", "backspace", "escape")
        await pilot.pause()
        assert app.screen is not form
        assert not isinstance(app.screen, ConfirmScreen)
