"""Today's flat first frame (issue 19, ``screens/today_page``): drawn from the summary by a
few widgets, it shows the same characters in the same places as the full screen that
replaces it once the store is loaded, narrow or wide, with long sections that scroll."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.style import Style as RichStyle

from brilliance.app import BrillianceApp, make_app_from_summary
from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import FollowUp
from brilliance.screens.agenda_list import AgendaList
from brilliance.screens.today import TodayScreen
from brilliance.screens.today_page import TodayColumn, line_count
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.store import Store
from brilliance.store.today_summary import TodayStart, read_summary
from tests.tui.test_start_from_summary import GatedLoad, flat_words, screen_text, until_loaded


def busy_folder(data_dir: Path, clock: FixedClock, theme: str = "textual-dark") -> TodayStart:
    """The sample data, with more overdue promises than their section shows (it scrolls)."""
    today = clock.today()
    with Store.open(data_dir, clock=clock) as store:
        build_demo(store, today)
        store.save_profile(store.profile.model_copy(update={"theme": theme}))
        person = next(p for p in store.people.all() if p.on_list)
        for n in range(30):
            text = f"Send the notes on topic {n} that we talked about at length last time"
            store.followups.save(
                FollowUp(person_id=person.id, text=text, due=today - timedelta(days=n + 1))
            )
        assert keep_today_summary(store)
    started = read_summary(data_dir, today)
    assert started is not None and started.theme == theme
    return started


@pytest.fixture
def busy(data_dir: Path, clock: FixedClock) -> TodayStart:
    return busy_folder(data_dir, clock)


Cell = tuple[str, object]


def screen_cells(app: BrillianceApp) -> list[list[Cell]]:
    """Each cell on screen: its character and how it looks (a blank's colour of text does
    not show, so it is left out)."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        row: list[Cell] = []
        for segment in strip:
            style = segment.style or RichStyle()
            bold, dim, italic = bool(style.bold), bool(style.dim), bool(style.italic)
            for char in segment.text:
                colour = None if char == " " else style.color
                row.append((char, (colour, style.bgcolor, char != " " and (bold, dim, italic))))
        rows.append(row)
    return rows


async def first_and_after(
    start: TodayStart, data_dir: Path, clock: FixedClock, size: tuple[int, int]
) -> tuple[list[str], list[str], str]:
    gated = GatedLoad(data_dir, clock)
    app = make_app_from_summary(start, gated, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.drawn_from_summary
        assert not screen.query(AgendaList)  # flat: no option list yet
        first = screen_text(app)
        looks = screen_cells(app)
        words = flat_words(screen)
        gated.gate.set()
        await until_loaded(app, pilot)
        for _ in range(10):  # and a while after: the full screen must have settled as drawn
            await pilot.pause(0.1)
        assert not screen.drawn_from_summary and screen.query(AgendaList)
        assert isinstance(app.focused, AgendaList) and app.focused.id == "due"
        after = screen_text(app)
        assert screen_cells(app) == looks  # the same colours too
    app.store.close()
    return first, after, words


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (99, 30), (100, 30), (160, 50)])
async def test_the_full_screen_replaces_the_first_frame_without_a_jump(
    busy: TodayStart, data_dir: Path, clock: FixedClock, size: tuple[int, int]
) -> None:
    first, after, words = await first_and_after(busy, data_dir, clock, size)
    assert "Send the notes on topic" in words  # the long section, drawn from the summary
    assert first == after


async def test_the_first_frame_in_the_light_theme_looks_as_the_full_screen(
    data_dir: Path, clock: FixedClock
) -> None:
    start = busy_folder(data_dir, clock, theme="textual-light")
    first, after, _ = await first_and_after(start, data_dir, clock, (120, 40))
    assert first == after


async def test_a_resize_while_loading_redraws_one_column_or_two(
    busy: TodayStart, data_dir: Path, clock: FixedClock
) -> None:
    gated = GatedLoad(data_dir, clock)
    app = make_app_from_summary(busy, gated, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query("#right")  # two columns
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.drawn_from_summary
        assert not screen.query("#right") and screen.has_class("-narrow")  # one
        assert screen.query_one("#left", TodayColumn).part == "both"
        first = screen_text(app)
        gated.gate.set()
        await until_loaded(app, pilot)
        await pilot.pause()
        assert screen_text(app) == first
    app.store.close()


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("short", 10, 1),
        ("exactly ten", 11, 1),
        ("one two three", 7, 2),
        ("one two three", 3, 4),
        ("Cai Bianchi  45 days overdue", 12, 3),  # (two spaces, as the agenda writes)
        ("a  b", 1, 2),
        ("abcdefghijkl", 5, 3),  # a word longer than the line is folded
        ("ab abcdefghij", 5, 3),
    ],
)
def test_line_count_wraps_as_textual_does(text: str, width: int, lines: int) -> None:
    from textual.content import Content

    assert line_count(text, width) == lines == len(Content(text).wrap(width))
