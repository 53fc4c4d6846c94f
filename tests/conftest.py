"""Shared fixtures: a frozen clock, a private data folder, an open store."""

from __future__ import annotations

from collections.abc import Iterator
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


def reopen(store: Store) -> Store:
    """Close ``store`` and read its folder again from disk, as a restart would."""
    store.close()
    return Store.open(store.data_dir, clock=store.clock, lock=False)
