"""Full garbage collections wait for a pause in the input (issue 19)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.idle_collector import FULL_AFTER, MOST_DEFERRED, NEVER, QUIET_SECONDS, IdleCollector
from brilliance.store.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def middle_collections(count: int) -> None:
    """Make the collector count ``count`` middle-generation collections since the last full."""
    gc.collect()
    for _ in range(count):
        gc.collect(1)


def test_start_turns_off_only_the_automatic_full_collections(
    thresholds: tuple[int, int, int],
) -> None:
    collector = IdleCollector()
    collector.start()
    assert gc.get_threshold() == (thresholds[0], thresholds[1], NEVER)
    collector.stop()
    assert gc.get_threshold() == thresholds


def test_a_due_collection_waits_for_a_pause(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    middle_collections(FULL_AFTER)
    collector.saw_input()
    clock.now += QUIET_SECONDS / 2
    assert not collector.tick()  # keys are coming
    assert gc.get_count()[2] >= FULL_AFTER
    clock.now += QUIET_SECONDS
    assert collector.tick()  # a pause: it runs
    assert gc.get_count()[2] == 0
    assert collector.collections == 1


def test_nothing_runs_when_no_collection_is_due(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    middle_collections(FULL_AFTER - 2)
    clock.now += 10 * QUIET_SECONDS
    assert not collector.tick()
    assert collector.collections == 0


def test_a_stream_of_keys_puts_it_off_only_so_long(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    middle_collections(MOST_DEFERRED)
    collector.saw_input()
    assert collector.tick()  # no pause, but garbage cycles must not pile up for ever


def test_stopped_it_leaves_the_collector_alone(thresholds: tuple[int, int, int]) -> None:
    clock = Clock()
    collector = IdleCollector(clock)
    middle_collections(FULL_AFTER)
    clock.now += 10 * QUIET_SECONDS
    assert not collector.tick()
    assert gc.get_threshold() == thresholds


async def test_the_app_collects_in_pauses_while_it_runs(store: Store, clock: FixedClock) -> None:
    before = gc.get_threshold()
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=(80, 24)) as pilot:
        assert gc.get_threshold()[2] == NEVER
        await pilot.press("down")
        assert app.collector.started
    assert gc.get_threshold() == before
