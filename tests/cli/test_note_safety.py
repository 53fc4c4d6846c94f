"""Issue 13, items 2 and 14: a note is refused up front or kept, never acknowledged and lost;
a stuck inbox lock is a clear message, not a hang."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from brilliance.store import inbox
from brilliance.store.inbox import INBOX_LOCK_NAME, REJECTED_NAME, inbox_path
from brilliance.store.limits import MAX_TEXT


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args],
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
    )


def test_a_note_over_the_limit_is_refused_up_front_without_echoing_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = cli("note", "--data-dir", str(data_dir), stdin="x" * (MAX_TEXT + 5))
    assert result.returncode == 1
    assert "not saved" in result.stderr and "200,000" in result.stderr
    assert len(result.stderr) < 400  # the text is never echoed back
    assert "Added" not in result.stdout
    assert not inbox_path(data_dir).exists()


def test_a_torn_last_line_does_not_poison_the_next_note(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    inbox_path(data_dir).write_bytes(b'{"id": "torn", "text": "cut sho')  # a full disk
    result = cli("note", "the next good note", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    lines = inbox_path(data_dir).read_bytes().splitlines()
    assert orjson.loads(lines[-1])["text"] == "the next good note"
    assert cli("today", "--data-dir", str(data_dir)).returncode in (0, 1)  # merges the inbox
    from brilliance.store.store import Store

    with Store.open(data_dir) as store:
        assert [e.text for e in store.journal] == ["the next good note"]
    assert (data_dir / REJECTED_NAME).read_bytes().startswith(b'{"id": "torn"')


def test_doctor_reports_notes_set_aside(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / REJECTED_NAME).write_bytes(b'{"id": "x", "text": "too long"}\nnot json\n')
    result = cli("doctor", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "2 note(s)" in result.stdout and REJECTED_NAME in result.stdout
    assert "All good." not in result.stdout


@pytest.fixture
def stuck_inbox_lock(tmp_path: Path) -> Iterator[Path]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(data_dir / INBOX_LOCK_NAME)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(120)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        yield data_dir
    finally:
        holder.kill()
        holder.wait()


def test_a_stuck_inbox_lock_gives_a_clear_message_not_a_hang(stuck_inbox_lock: Path) -> None:
    result = cli("note", "waiting for nobody", "--data-dir", str(stuck_inbox_lock))
    assert result.returncode == 1
    assert "locked by another process" in result.stderr and "Traceback" not in result.stderr
    assert inbox.inbox_busy(stuck_inbox_lock)


def test_inbox_busy_never_waits(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    assert not inbox.inbox_busy(data_dir)
    fd = os.open(data_dir / INBOX_LOCK_NAME, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        # Another open file description of the same file: flock sees it as someone else.
        assert inbox.inbox_busy(data_dir)
    finally:
        os.close(fd)


async def test_the_app_skips_a_busy_inbox_instead_of_waiting(
    stuck_inbox_lock: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from brilliance.app import make_app
    from brilliance.domain.clock import FixedClock
    from brilliance.store.store import Store

    with Store.open(stuck_inbox_lock, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        inbox_path(stuck_inbox_lock).write_bytes(b'{"id": "n1", "text": "hello"}\n')

        def must_not_wait(**_: object) -> int:
            raise AssertionError("merge_inbox would wait on the event loop for the lock")

        monkeypatch.setattr(store, "merge_inbox", must_not_wait)
        app = make_app(store, store.clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.check_inbox()
            await pilot.pause()
        assert inbox_path(stuck_inbox_lock).exists()


def test_notes_set_aside_can_be_brought_back(tmp_path: Path) -> None:
    from brilliance.store.store import Store

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    long_text = ("a line that is part of a long note\n" * 8_000).strip()
    assert len(long_text) > MAX_TEXT
    note = {"id": "n1", "written_at": "2026-11-20T09:00:00", "text": long_text, "tags": []}
    (data_dir / REJECTED_NAME).write_bytes(orjson.dumps(note) + b'\n{"id": "torn", "te\n')
    result = cli("doctor", "--bring-back-notes", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "Put 2 note(s) back" in result.stdout and "1 line(s)" in result.stdout
    with Store.open(data_dir) as store:
        entries = sorted(store.journal.all(), key=lambda e: e.prompt)
        assert "\n".join(e.text for e in entries) == long_text
        assert entries[0].id == "n1"
    assert (data_dir / REJECTED_NAME).read_bytes() == b'{"id": "torn", "te\n'
