"""Shared fixtures: a frozen clock, a private data folder, an open store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from brilliance.domain.clock import FixedClock
from brilliance.store.store import Store

FROZEN_NOW = datetime(2026, 11, 24, 9, 30)
"""A Tuesday. Every test and snapshot sees this moment unless it says otherwise."""


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FROZEN_NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FixedClock) -> Iterator[Store]:
    opened = Store.open(data_dir, clock=clock)
    try:
        yield opened
    finally:
        opened.close()


Closing = Callable[[Store], Store]
"""The ``closing`` fixture: hand it a store, get it back; it is closed after the test."""


@pytest.fixture
def closing() -> Iterator[Closing]:
    """Close every store handed to it when the test ends, even when an assert failed first.

    Snapshot tests build their stores by hand (each with its own data); a failed comparison
    must not leave the store's lock held and its file open for the rest of the run.
    """
    opened: list[Store] = []

    def close_later(store: Store) -> Store:
        opened.append(store)
        return store

    yield close_later
    for store in reversed(opened):
        store.close()


def reopen(store: Store) -> Store:
    """Close ``store`` and read its folder again from disk, as a restart would."""
    store.close()
    return Store.open(store.data_dir, clock=store.clock, lock=False)
