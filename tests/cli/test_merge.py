"""Conflict copies merged at every open, and ``brilliance merge FILE``, from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from brilliance.cli import main
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW

SYNCTHING = "brilliance.sync-conflict-20261124-093000-ABCDEF7.json"
DROPBOX = "brilliance (Laptop's conflicted copy 2026-11-24).json"


def names_on_disk(data_dir: Path) -> set[str]:
    raw = orjson.loads((data_dir / "brilliance.json").read_bytes())
    return {r["name"] for r in raw["people"].values()}


@pytest.fixture
def two_devices(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one folder that each added a person while apart."""
    here, there = tmp_path / "here", tmp_path / "there"
    with Store.open(here, clock=FixedClock(FROZEN_NOW)) as store:
        store.people.save(Person(name="Ana"))
    there.mkdir()
    shutil.copy2(here / "brilliance.json", there / "brilliance.json")
    with Store.open(here, clock=FixedClock(FROZEN_NOW)) as store:
        store.people.save(Person(name="Here"))
    with Store.open(there, clock=FixedClock(FROZEN_NOW)) as store:
        store.people.save(Person(name="There"))
    return here, there


@pytest.mark.parametrize("name", [SYNCTHING, DROPBOX])
def test_a_conflict_copy_is_merged_and_kept(
    two_devices: tuple[Path, Path], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    here, there = two_devices
    shutil.copy2(there / "brilliance.json", here / name)
    assert main(["merge", str(there / "brilliance.json"), "--data-dir", str(here)]) == 0
    err = capsys.readouterr().err
    assert f"Merged conflict copy {name}: 1 added, 0 updated, 0 deleted" in err
    assert names_on_disk(here) == {"Ana", "Here", "There"}
    assert not (here / name).exists()
    assert (here / "conflicts" / "merged" / name).is_file()  # kept, never deleted


def test_a_read_only_command_shows_the_copy_but_leaves_it(
    two_devices: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, there = two_devices
    shutil.copy2(there / "brilliance.json", here / SYNCTHING)
    assert main(["export", "people", "--format", "csv", "--data-dir", str(here)]) == 0
    out, err = capsys.readouterr()
    assert "There" in out
    assert "left where it is" in err
    assert (here / SYNCTHING).is_file()
    assert names_on_disk(here) == {"Ana", "Here"}  # a read-only look writes nothing


def test_a_damaged_conflict_copy_is_reported_and_left(
    two_devices: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, _ = two_devices
    (here / DROPBOX).write_bytes(b'{"people": {"x": ')
    with Store.open(here) as store:
        notices = list(store.notices)
    assert len(notices) == 1
    assert DROPBOX in notices[0] and "not valid JSON" in notices[0]
    assert "left where it is" in notices[0]
    assert (here / DROPBOX).read_bytes() == b'{"people": {"x": '
    assert names_on_disk(here) == {"Ana", "Here"}


def test_merge_prints_what_it_did_and_twice_adds_nothing(
    two_devices: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    here, there = two_devices
    with Store.open(there, clock=FixedClock(FROZEN_NOW)) as store:
        ana = store.people.find_by_name("Ana")
        assert ana is not None
        store.people.delete(ana.id)
    copy = str(there / "brilliance.json")
    assert main(["merge", copy, "--data-dir", str(here)]) == 0
    assert capsys.readouterr().out == "Merged brilliance.json: 1 added, 0 updated, 1 deleted.\n"
    assert names_on_disk(here) == {"Here", "There"}
    assert main(["merge", copy, "--data-dir", str(here)]) == 0
    assert capsys.readouterr().out == "Merged brilliance.json: 0 added, 0 updated, 0 deleted.\n"


def test_merge_takes_an_old_version_1_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = tmp_path / "here"
    with Store.open(here, clock=FixedClock(FROZEN_NOW)) as store:
        store.people.save(Person(name="Ana"))
    old = tmp_path / "brilliance-2025.json"
    old.write_bytes(
        b'{"meta": {"schema": {"version": 1}},\n'
        b' "people": {"a1": {"id": "a1", "name": "Old friend",'
        b' "updated_at": "2025-01-02T03:04:05"}}}'
    )
    assert main(["merge", str(old), "--data-dir", str(here)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert names_on_disk(here) == {"Ana", "Old friend"}


def test_merge_refuses_a_damaged_file_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = tmp_path / "here"
    with Store.open(here, clock=FixedClock(FROZEN_NOW)) as store:
        store.people.save(Person(name="Ana"))
    before = (here / "brilliance.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"[1, 2")
    assert main(["merge", str(bad), "--data-dir", str(here)]) == 3
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "Nothing was changed." in err
    assert "Traceback" not in err
    assert (here / "brilliance.json").read_bytes() == before
    assert main(["merge", str(tmp_path / "missing.json"), "--data-dir", str(here)]) == 1
