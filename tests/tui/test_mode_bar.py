"""The mode bar's status at any width: the longest form that fits, never a cut-off second line."""

from __future__ import annotations

import pytest

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store
from brilliance.widgets.mode_bar import fitting
from tests.tui.test_start_from_summary import screen_text


def test_the_first_form_that_fits_is_shown() -> None:
    forms = ("Wednesday 25 November 2026", "Wed 25 Nov 2026", "Wed 25 Nov")
    assert fitting(forms, 40) == "Wednesday 25 November 2026"
    assert fitting(forms, 26) == "Wednesday 25 November 2026"
    assert fitting(forms, 25) == "Wed 25 Nov 2026"
    assert fitting(forms, 12) == "Wed 25 Nov"


def test_when_none_fits_the_shortest_is_cut_with_an_ellipsis() -> None:
    assert fitting(("streak: 12 days",), 10) == "streak: 1…"
    assert fitting(("a  b c",), 4) == "a…"  # no space left before the ellipsis
    assert fitting(("streak",), 0) == ""
    assert fitting((), 5) == ""


@pytest.mark.parametrize(
    ("width", "ending"),
    [(120, "{day:%A %d %B %Y}"), (80, "{day:%a %d %b %Y}")],
)
async def test_today_names_the_whole_day_in_the_room_there_is(
    store: Store, clock: FixedClock, width: int, ending: str
) -> None:
    """At 80 columns the date was cut to "Wednesday 25" (the rest wrapped out of the bar)."""
    store.people.save(Person(name="Ana Lima", on_list=True))  # not a first run: no welcome
    app = make_app(store, clock, start_mode="today")
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        top = screen_text(app)[0]
    assert top.endswith(ending.format(day=clock.today()))
    assert len(top) == width - 1  # one cell of padding on the right


@pytest.mark.parametrize("width", [80, 120])
async def test_a_review_due_says_so_at_any_width(
    store: Store, clock: FixedClock, width: int
) -> None:
    """At 80 columns "· to review now" was dropped: only the week's dates were left."""
    app = make_app(store, clock, start_mode="review")
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        top = screen_text(app)[0]
    assert top.endswith("to review now")
    if width == 120:
        assert top.endswith(" - 22 Nov 2026 · to review now")
