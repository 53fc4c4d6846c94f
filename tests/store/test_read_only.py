"""Issue 13.11: a data folder that cannot be written is read, never changed, never a traceback.

Tests run as root in some places, where permission bits do not stop anything; so the folder
is made read-only the way a read-only mount is: every write under it fails with EROFS.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from brilliance import cli
from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.launch import open_for_app
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.read_only import is_read_only
from brilliance.store.store import Store

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def refuse_under(folder: Path, real: Callable[..., Any], *, flags_at: int | None) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        paths = [a for a in args if isinstance(a, str | os.PathLike)]
        inside = any(str(os.path.abspath(p)).startswith(str(folder)) for p in paths)
        writes = flags_at is None or (args[flags_at] & WRITING) if len(args) > 1 else True
        if inside and writes:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(paths[0]))
        return real(*args, **kwargs)

    return guarded


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        store.people.save(Person(name="Ana", on_list=True))
    return data_dir


@pytest.fixture
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    before = (folder / DATA_FILE_NAME).read_bytes()
    monkeypatch.setattr(os, "open", refuse_under(folder, os.open, flags_at=1))
    for name in ("mkdir", "replace", "rename", "link", "unlink", "chmod", "symlink"):
        monkeypatch.setattr(os, name, refuse_under(folder, getattr(os, name), flags_at=None))
    yield folder
    monkeypatch.undo()
    assert (folder / DATA_FILE_NAME).read_bytes() == before  # nothing changed, ever


def test_read_only_folder_import_is_refused_with_a_clear_word(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("name\nBo\n")
    assert cli.main(["import", str(people), "--data-dir", str(read_only)]) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Nothing was changed" in err
    assert len(err.strip().splitlines()) <= 2


def test_read_only_folder_restore_is_refused_with_a_clear_word(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_bytes((read_only / DATA_FILE_NAME).read_bytes())
    assert cli.main(["restore", str(backup), "--yes", "--data-dir", str(read_only)]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_read_only_folder_doctor_and_today_still_read(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["doctor", "--data-dir", str(read_only)]) == 0
    assert "1 people" in capsys.readouterr().out
    assert cli.main(["today", "--data-dir", str(read_only)]) == 0


async def test_read_only_folder_opens_read_only_with_a_banner_and_refuses_changes(
    read_only: Path,
) -> None:
    store = open_for_app(read_only)  # as `brilliance` does
    assert is_read_only(store)
    with store:
        app = make_app(store, FixedClock(datetime(2026, 11, 24, 9)), start_mode="people")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            strips = app.screen._compositor.render_strips()
            assert "READ-ONLY" in "\n".join(s.text for s in strips)
            await pilot.press("a", *"Bo", "ctrl+s")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("cannot be written" in m and "Not saved" in m for m in messages)
