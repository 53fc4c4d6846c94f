"""The command line's start from Today's summary (issue 19), end to end but headless: a load
that fails behind the first frame ends as a failed normal start does, and touches nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from brilliance import cli
from brilliance.app import BrillianceApp
from brilliance.commands import launch, unlock
from brilliance.demo import build_demo
from brilliance.domain.clock import SystemClock
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.errors import DamagedFileError
from brilliance.store.lock import DataLock
from brilliance.store.store import Store
from brilliance.store.today_summary import read_summary, summary_path
from tests.encryption import encrypt


@pytest.fixture
def kept(data_dir: Path) -> Path:
    with Store.open(data_dir, clock=SystemClock()) as store:  # run_app reads the real clock
        build_demo(store, store.clock.today())
        assert keep_today_summary(store)
    assert read_summary(data_dir, SystemClock().today()) is not None
    return data_dir


def every_file(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_load_that_fails_after_the_first_frame_says_what_a_failed_start_says(
    kept: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = DamagedFileError(kept / "brilliance.json", "line 1: not JSON")
    started_from: list[bool] = []

    def fails(*args: Any, **kwargs: Any) -> Store:
        raise damaged

    def headless(app: BrillianceApp, **kwargs: Any) -> None:
        started_from.append(app.starting is not None)
        App.run(app, headless=True)  # exits by itself once the load has failed

    monkeypatch.setattr(launch, "open_for_app", fails)
    monkeypatch.setattr(BrillianceApp, "run", headless)
    before = every_file(kept)
    status = launch.run_app(kept)
    _, from_summary = capsys.readouterr()
    assert started_from == [True]  # the first frame was the summary's
    assert every_file(kept) == before  # nothing written: not the data, not the summary
    summary_path(kept).unlink()
    assert launch.run_app(kept) == status == 3  # the normal start, which fails at once
    _, normal = capsys.readouterr()
    assert started_from == [True]  # (it never got as far as an app)
    assert from_summary == normal == f"brilliance: {damaged}\n"
    lock = DataLock(kept)  # released: another start may open the folder
    lock.acquire()
    lock.release()


def test_ctrl_c_before_the_app_has_the_terminal_is_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(argv: object = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    with pytest.raises(SystemExit) as stopped:
        cli.entry_point()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "brilliance: interrupted.\n"


def test_an_encrypted_folder_loses_a_plain_summary_before_the_passphrase_is_asked(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = summary_path(kept).read_bytes()
    encrypt(kept)
    summary_path(kept).write_bytes(planted)  # a sync tool brings back the plain one
    wrong = tmp_path / "wrong-passphrase"
    wrong.write_bytes(b"not the passphrase\n")
    monkeypatch.setattr(unlock, "PASSPHRASE_FILE", wrong)
    assert launch.run_app(kept) != 0  # not unlocked...
    capsys.readouterr()
    assert not summary_path(kept).exists()  # ...and the plain text is gone all the same
