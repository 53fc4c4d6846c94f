"""The benchmark keeps working: a tiny dataset, every measurement once, no timing asserted."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from brilliance.domain.journal import parse_mentions, parse_tags
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
TODAY = "2026-11-24"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_dataset", BENCHMARKS / "make_dataset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_dataset", module)
    spec.loader.exec_module(module)
    return module


def make(data_dir: Path, *extra: str) -> None:
    subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "make_dataset.py"),
            "--years",
            "0.1",
            "--data-dir",
            str(data_dir),
            "--today",
            TODAY,
            *extra,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("bench") / "tiny"
    make(data_dir)
    return data_dir


def test_ten_years_has_the_counts_of_the_issue() -> None:
    counts = load_generator().Counts.for_years(10)
    assert (counts.people, counts.on_list, counts.journal) == (300, 12, 3650)
    assert (counts.meetings, counts.followups, counts.events) == (3000, 1500, 200)
    twenty = load_generator().Counts.for_years(20)
    assert twenty.journal == 2 * counts.journal and twenty.on_list == 12


def test_tiny_dataset_opens_with_the_expected_records(tiny: Path) -> None:
    counts = load_generator().Counts.for_years(0.1)
    with Store.open(tiny, lock=False) as store:
        assert len(store.people) == counts.people
        assert len(store.people.on_list()) == counts.on_list
        assert len(store.journal) == counts.journal
        assert len(store.meetings) == counts.meetings
        assert len(store.followups) == counts.followups
        assert len(store.events) == counts.events
        people = store.people.all()
        entries = store.journal.all()
        # The data ends on the day asked for, and every mention and tag is what the app parses.
        assert max(e.written_at for e in entries).date() == date.fromisoformat(TODAY)
        assert any(e.people for e in entries)
        for entry in entries:
            assert parse_mentions(entry.text, people).people == entry.people
            assert parse_tags(entry.text) == entry.tags
        assert any(m.value_given and m.notes and m.questions_asked for m in store.meetings)


def test_same_seed_same_bytes(tiny: Path, tmp_path: Path) -> None:
    make(tmp_path / "again")
    first = (tiny / DATA_FILE_NAME).read_bytes()
    assert (tmp_path / "again" / DATA_FILE_NAME).read_bytes() == first
    make(tmp_path / "other", "--seed", "2")
    assert (tmp_path / "other" / DATA_FILE_NAME).read_bytes() != first


def test_existing_file_is_kept_without_force(tiny: Path) -> None:
    before = (tiny / DATA_FILE_NAME).read_bytes()
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_dataset.py"), "--data-dir", str(tiny)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "--force" in result.stderr
    assert (tiny / DATA_FILE_NAME).read_bytes() == before


def test_smoke_run_takes_every_measurement(tiny: Path, tmp_path: Path) -> None:
    before = (tiny / DATA_FILE_NAME).read_bytes()
    out = tmp_path / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "bench.py"),
            "--smoke",
            "--data-dir",
            str(tiny),
            "--json",
            str(out),
            "--baseline",
            str(tmp_path / "no-baseline.json"),
        ],
        capture_output=True,
        text=True,
        timeout=900,  # a guard against a hang, not a timing: a busy two-core machine is slow
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text())
    assert report["meta"]["smoke"] is True
    figures = {f["key"]: f for f in report["figures"]}
    for key in ("start_ratio", "load", "save", "key_list", "rss_session"):
        assert figures[key]["n"] >= 1, figures[key]
    for figure in report["figures"]:
        assert figure["verdict"] != "error", figure
        assert figure["n"] >= 1 or figure["verdict"] == "n/a", figure
    assert {g["key"] for g in report["growth"]} >= {"grow_load", "grow_start", "grow_save"}
    # The benchmark works on copies: the dataset it was given is untouched.
    assert (tiny / DATA_FILE_NAME).read_bytes() == before
