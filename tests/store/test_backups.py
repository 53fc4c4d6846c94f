"""Issue 13, items 3, 4, 5 and 13: backups are never overwritten, advice names the right one,
rotation survives a clock that moves, and the rescue advice is a command that works."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from brilliance.commands.shell import EXIT_DATA
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store import backups, storage
from brilliance.store.backups import KEEP, daily_backup, list_backups, named_backup
from brilliance.store.errors import DamagedFileError, SaveError
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
    )


def data_file_with(data_dir: Path, count: int) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    people = {f"p{i}": {"id": f"p{i}", "name": f"Person {i}"} for i in range(count)}
    content = {"meta": {"schema": {"version": 1}}, "people": people}
    path = data_dir / DATA_FILE_NAME
    path.write_bytes(orjson.dumps(content))
    return path


def people_on_disk(path: Path) -> int:
    return len(orjson.loads(path.read_bytes()).get("people", {}))


def test_two_restores_in_the_same_second_keep_both_files(tmp_path: Path) -> None:
    data_file = data_file_with(tmp_path / "data", 3031)
    now = datetime(2026, 11, 24, 9, 30)
    first = named_backup(data_file, "before-restore", now)
    data_file_with(tmp_path / "data", 31)
    second = named_backup(data_file, "before-restore", now)
    assert first != second
    assert people_on_disk(first) == 3031
    assert people_on_disk(second) == 31


def test_restore_shows_both_counts_and_asks_before_replacing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_file = data_file_with(data_dir, 5)
    backup = data_file_with(tmp_path / "elsewhere", 2)
    before = data_file.read_bytes()
    refused = cli("restore", str(backup), "--data-dir", str(data_dir))
    assert refused.returncode == 1
    assert "2 people" in refused.stdout and "5 people" in refused.stdout
    assert "--yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert data_file.read_bytes() == before
    done = cli("restore", str(backup), "--yes", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert people_on_disk(data_file) == 2


def test_restore_twice_in_a_second_loses_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_file_with(data_dir, 3031)
    small = data_file_with(tmp_path / "small", 31)
    for _ in range(2):
        assert cli("restore", str(small), "--yes", "--data-dir", str(data_dir)).returncode == 0
    kept = [people_on_disk(b) for b in list_backups(data_dir)]
    assert 3031 in kept


def test_restore_of_a_file_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_file = data_file_with(data_dir, 3)
    unreadable = tmp_path / "a-folder.json"  # reading it fails, even for root
    unreadable.mkdir()
    result = cli("restore", str(unreadable), "--yes", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "cannot read" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert people_on_disk(data_file) == 3


def test_day_one_empty_file_is_not_backed_up(tmp_path: Path) -> None:
    data_file = data_file_with(tmp_path / "data", 0)
    assert daily_backup(data_file, datetime(2026, 11, 24).date()) is None
    assert list_backups(tmp_path / "data") == []


def test_advice_names_the_fullest_backup_and_says_a_newer_one_is_smaller(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    full = data_file_with(tmp_path / "a", 3031).read_bytes()
    small = data_file_with(tmp_path / "b", 31).read_bytes()
    (folder / "brilliance-2026-11-20.json").write_bytes(full)
    (folder / "brilliance-2030-01-01.json").write_bytes(small)  # made under a clock set ahead
    os.utime(folder / "brilliance-2026-11-20.json", (1_000_000_000, 1_000_000_000))
    (data_dir / DATA_FILE_NAME).write_bytes(b"{oops")
    with pytest.raises(DamagedFileError) as caught:
        Store.open(data_dir)
    message = str(caught.value)
    assert "brilliance restore brilliance-2026-11-20.json" in message
    assert "3,031 records" in message
    assert "brilliance-2030-01-01.json" in message and "fewer records" in message
    doctor = cli("doctor", "--data-dir", str(data_dir))
    assert doctor.returncode == EXIT_DATA
    assert "brilliance restore brilliance-2026-11-20.json" in doctor.stderr
    assert "3,031 records" in doctor.stdout or "3031 people" in doctor.stdout


def test_doctor_lists_backups_with_dates_and_record_counts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_file_with(data_dir, 4)
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "brilliance-2026-11-20.json").write_bytes(
        data_file_with(tmp_path / "a", 3).read_bytes()
    )
    result = cli("doctor", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if "brilliance-2026-11-20" in ln)
    assert "taken " in line and "3 people" in line


def test_backups_made_under_a_backward_clock_are_not_rotated_away(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_file = data_file_with(data_dir, 10)
    start = datetime(2026, 11, 1)
    for day in range(KEEP):
        daily_backup(data_file, (start + timedelta(days=day)).date())
    # The clock jumps back a year: the next backup sorts first by name, but is the newest.
    made = daily_backup(data_file, datetime(2025, 11, 1).date())
    assert made is not None and made.exists()
    assert list_backups(data_dir)[-1] == made
    assert len([b for b in list_backups(data_dir)]) == KEEP


def test_backup_temporary_copy_is_private_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file = data_file_with(tmp_path / "data", 3)
    seen: list[int] = []
    real_link = os.link

    def spying_link(source: str | Path, target: str | Path) -> None:
        seen.append(stat.S_IMODE(os.stat(source).st_mode))
        real_link(source, target)

    monkeypatch.setattr(backups.os, "link", spying_link)
    old = os.umask(0o022)
    try:
        named_backup(data_file, "test", datetime(2026, 11, 24))
    finally:
        os.umask(old)
    assert seen == [0o600]


def test_rescue_advice_after_a_full_disk_names_a_command_that_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    clock = FixedClock(datetime(2026, 11, 24, 9, 30))
    with Store.open(data_dir, clock=clock) as store:
        store.people.save(Person(name="Saved before"))

        def full_disk(path: Path, data: bytes) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage, "atomic_write", full_disk)
        with pytest.raises(SaveError):
            store.people.save(Person(name="Only in memory"))
        rescued = store.rescue_copy()
        monkeypatch.undo()
    from brilliance.commands.restore import rescue_advice

    advice = rescue_advice(rescued, data_dir)
    command = shlex.split(advice.split("`")[1])
    assert command[0] == "brilliance"
    result = cli(*command[1:], "--yes")
    assert result.returncode == 0, result.stderr
    with Store.open(data_dir, lock=False) as store:
        assert {p.name for p in store.people} == {"Saved before", "Only in memory"}
