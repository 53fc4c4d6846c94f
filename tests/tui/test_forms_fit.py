"""Every field of every form comes into view when it gets focus, down to 80x24."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from brilliance import assets
from brilliance.domain.journal import JournalFilter
from brilliance.domain.models import Event, Meeting, Person, Profile
from brilliance.screens.modals.event_form import EventFormScreen
from brilliance.screens.modals.journal_filter import JournalFilterScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen
from brilliance.screens.modals.partnership import PartnershipScreen
from brilliance.screens.modals.person_form import PersonForm
from brilliance.screens.modals.plan_meeting import PlanMeetingScreen
from brilliance.screens.modals.profile import ProfileScreen

TODAY = date(2026, 11, 24)
ANA = Person(name="Ana Lima", on_list=True)
DANA = Person(name="Dana Fischer")
PLANNED = Meeting(person_id=ANA.id, when=datetime(2026, 11, 20, 12, 30), place="Café")


def forms() -> dict[str, Screen[Any]]:
    return {
        "person": PersonForm(ANA),
        "log": LogMeetingScreen(ANA, PLANNED, ["What next?", "Why?"], set(), [DANA], set(), TODAY),
        "plan": PlanMeetingScreen(ANA, datetime(2026, 11, 27, 12, 0), ["coffee"], None),
        "event": EventFormScreen(Event(title="Breakfast", day=TODAY), TODAY.isoformat()),
        "profile": ProfileScreen(Profile(name="Me")),
        "partnership": PartnershipScreen(
            ANA.model_copy(update={"partnership_prospect": True}), assets.partnership_questions()
        ),
        "journal filter": JournalFilterScreen(JournalFilter(), ["work"], [ANA, DANA]),
    }


def visible(widget: Widget, screen: Screen[Any]) -> bool:
    """The whole widget is drawn on the screen, not scrolled away or clipped."""
    region = widget.region
    if region.area == 0:
        return False
    return screen.region.contains_region(region) and all(
        ancestor.region.contains_region(region)
        for ancestor in widget.ancestors
        if isinstance(ancestor, Widget) and ancestor is not screen
    )


@pytest.mark.parametrize("name", list(forms()))
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tab_brings_every_field_into_view(name: str, size: tuple[int, int]) -> None:
    app: App[None] = App()
    async with app.run_test(size=size) as pilot:
        form = forms()[name]
        await app.push_screen(form)
        await pilot.pause()
        seen: list[Widget] = []
        for _ in range(80):
            focused = app.focused
            assert focused is not None, f"{name}: nothing has focus"
            if seen and focused is seen[0]:
                break
            await pilot.pause()
            assert visible(focused, form), f"{name}: {focused!r} is out of view at {size}"
            seen.append(focused)
            await pilot.press("tab")
            await pilot.pause()
        assert len(seen) > 2
        assert any(w.id in ("form-save", "save", "apply") for w in seen), f"{name}: no Save button"
