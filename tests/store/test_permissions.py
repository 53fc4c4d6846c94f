"""Issue 13, items 7 and 13: a symlinked data file is written through; everything Brilliance
creates is private, and what it finds readable by others is tightened, with a notice."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=60
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_symlinked_data_file_is_written_through_to_its_target(tmp_path: Path) -> None:
    cloud = tmp_path / "cloud"
    cloud.mkdir()
    target = cloud / "my-brilliance.json"
    target.write_bytes(b'{"meta": {"schema": {"version": 1}}}')
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    link = data_dir / DATA_FILE_NAME
    link.symlink_to(target)
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        store.people.save(Person(name="Ana"))
        store.people.save(Person(name="Bo"))
    assert link.is_symlink() and link.resolve() == target
    names = {r["name"] for r in orjson.loads(target.read_bytes())["people"].values()}
    assert names == {"Ana", "Bo"}
    assert sorted(p.name for p in cloud.iterdir()) == ["my-brilliance.json"]  # no leftovers


def test_exports_folder_is_private_even_under_umask_000(tmp_path: Path, open_umask: None) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        store.people.save(Person(name="Ana"))
    result = cli("export", "people", "--format", "markdown", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert mode(data_dir / "exports") == 0o700
    assert mode(data_dir / "exports" / "people") == 0o700
    assert all(mode(p) == 0o600 for p in (data_dir / "exports" / "people").iterdir())


def test_what_others_could_read_is_tightened_once_with_a_notice(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        store.people.save(Person(name="Ana"))
    backups = data_dir / "backups"
    backups.mkdir()
    (backups / "brilliance-2026-11-20.json").write_bytes((data_dir / DATA_FILE_NAME).read_bytes())
    for path, loose in (
        (data_dir, 0o755),
        (data_dir / DATA_FILE_NAME, 0o644),
        (backups, 0o755),
        (backups / "brilliance-2026-11-20.json", 0o644),
    ):
        os.chmod(path, loose)
    first = cli("today", "--data-dir", str(data_dir))
    assert first.returncode == 0, first.stderr
    assert "private to you" in first.stderr
    assert len([ln for ln in first.stderr.splitlines() if "private" in ln]) == 1
    assert mode(data_dir) == 0o700 and mode(backups) == 0o700
    assert mode(data_dir / DATA_FILE_NAME) == 0o600
    assert mode(backups / "brilliance-2026-11-20.json") == 0o600
    again = cli("today", "--data-dir", str(data_dir))
    assert "private to you" not in again.stderr
