"""Fixtures shared by the store's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.store import Store


@pytest.fixture
def kept(data_dir: Path, clock: FixedClock) -> Path:
    """A folder with the sample data and the summary its app wrote when it closed."""
    with Store.open(data_dir, clock=clock) as store:
        build_demo(store, clock.today())
        assert keep_today_summary(store)
    return data_dir
