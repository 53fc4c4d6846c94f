"""The inbox: where ``brilliance note`` drops quick notes, to be merged into the data file.

A note must not wait for the app (which holds the data file's lock while it is open), nor
load and rewrite a data file of several megabytes. So it appends one JSON line to
``inbox.jsonl`` beside the data file, flushed to disk, under a lock of its own. Whoever
holds the data file (the app, or the next command that writes) merges the inbox into the
journal with one save, and only then empties it: a crash at any point leaves every note
either in the inbox or in the data file, and an entry merged twice is recognised by its id.

This module imports neither pydantic nor Textual: ``brilliance note`` stays fast.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

INBOX_NAME = "inbox.jsonl"
INBOX_LOCK_NAME = "inbox.lock"
REJECTED_NAME = "inbox-rejected.jsonl"
LOCK_WAIT_SECONDS = 5.0


def inbox_path(data_dir: Path) -> Path:
    return data_dir / INBOX_NAME


@contextlib.contextmanager
def inbox_lock(data_dir: Path) -> Iterator[None]:
    """Held while appending to or emptying the inbox (never for long).

    A plain flock where there is one (importing filelock costs a note ~20 ms), filelock
    elsewhere.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        from filelock import FileLock

        with FileLock(data_dir / INBOX_LOCK_NAME, mode=0o600, timeout=LOCK_WAIT_SECONDS):
            yield
        return
    fd = os.open(data_dir / INBOX_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _append_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def append_note(data_dir: Path, record: dict[str, Any]) -> None:
    """Add one journal entry (as a plain dict) to the inbox, durably. Raises OSError."""
    line = orjson.dumps(record, option=orjson.OPT_SORT_KEYS) + b"\n"
    with inbox_lock(data_dir):
        _append_private(inbox_path(data_dir), line)


def has_notes(data_dir: Path) -> bool:
    try:
        return inbox_path(data_dir).stat().st_size > 0
    except FileNotFoundError:
        return False


@dataclass(frozen=True)
class InboxContents:
    records: list[dict[str, Any]]
    bad_lines: list[bytes]
    """Lines that are not a JSON object (a note cut short by a full disk, say)."""


def read_inbox(data_dir: Path) -> InboxContents:
    """Every note waiting in the inbox. Call with ``inbox_lock`` held."""
    try:
        raw = inbox_path(data_dir).read_bytes()
    except FileNotFoundError:
        return InboxContents([], [])
    records: list[dict[str, Any]] = []
    bad: list[bytes] = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            bad.append(line)
            continue
        if isinstance(value, dict):
            records.append(value)
        else:
            bad.append(line)
    return InboxContents(records, bad)


def set_aside(data_dir: Path, lines: list[bytes]) -> Path:
    """Keep lines that could not be merged in a file of their own, never drop them."""
    target = data_dir / REJECTED_NAME
    _append_private(target, b"".join(line + b"\n" for line in lines))
    return target


def empty_inbox(data_dir: Path) -> None:
    """After a successful merge (and with ``inbox_lock`` held)."""
    inbox_path(data_dir).unlink(missing_ok=True)
