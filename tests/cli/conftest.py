"""Fixtures for the command line: a data folder holding the sample data, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from brilliance.demo import build_demo
from brilliance.store.store import Store


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data, dated from today (the commands read the real clock). Read it only."""
    folder = tmp_path_factory.mktemp("demo")
    with Store.open(folder) as store:
        build_demo(store, store.clock.today())
    return folder
