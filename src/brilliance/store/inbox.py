"""The inbox: where ``brilliance note`` drops quick notes, to be merged into the data file.

A note must not wait for the app (which holds the data file's lock while it is open), nor
load and rewrite a data file of several megabytes. So it appends one JSON line to
``inbox.jsonl`` beside the data file, flushed to disk, under a lock of its own. Whoever
holds the data file (the app, or the next command that writes) merges the inbox into the
journal with one save, and only then empties it: a crash at any point leaves every note
either in the inbox or in the data file, and an entry merged twice is recognised by its id.

In an encrypted folder each line is a sealed box instead (``sealed `` and base64, see
``store.crypto.seal``): ``brilliance note`` seals to the folder's public key without the
passphrase, and only the store, holding the private key from the encrypted data file, opens it.

This module imports neither pydantic nor Textual: ``brilliance note`` stays fast.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from brilliance.store.paths import INBOX_LOCK_NAME as INBOX_LOCK_NAME
from brilliance.store.paths import INBOX_NAME as INBOX_NAME
from brilliance.store.paths import REJECTED_NAME as REJECTED_NAME
from brilliance.store.paths import has_notes as has_notes

LOCK_WAIT_SECONDS = 5.0
SEALED_PREFIX = b"sealed "


def inbox_path(data_dir: Path) -> Path:
    return data_dir / INBOX_NAME


class InboxBusyError(TimeoutError):
    """Another process has held ``inbox.lock`` for longer than we wait (issue 13.14)."""

    def __init__(self, data_dir: Path, waited: float) -> None:
        super().__init__(
            f"the inbox of {data_dir} is locked by another process ({INBOX_LOCK_NAME}, "
            f"held for over {waited:g} s). Try again in a moment; if it stays locked, end the "
            "process that holds it"
        )


@contextlib.contextmanager
def inbox_lock(data_dir: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Held while appending to or emptying the inbox (never for long).

    Waits at most ``wait`` seconds for another holder, then raises InboxBusyError (an
    OSError) rather than hanging: a stuck process must not freeze a note or the app.
    A plain flock where there is one (importing filelock costs a note ~20 ms), filelock
    elsewhere.
    """
    try:
        import fcntl  # noqa: F401 - only to learn whether flock exists here
    except ImportError:  # pragma: no cover - Windows
        from filelock import FileLock, Timeout

        try:
            with FileLock(data_dir / INBOX_LOCK_NAME, mode=0o600, timeout=wait):
                yield
        except Timeout as exc:
            raise InboxBusyError(data_dir, wait) from exc
        return
    fd = os.open(data_dir / INBOX_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _flock_within(fd, wait, data_dir)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _flock_within(fd: int, wait: float, data_dir: Path) -> None:
    import fcntl
    import time

    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise InboxBusyError(data_dir, wait) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def inbox_busy(data_dir: Path) -> bool:
    """Whether another process holds the inbox lock right now (never waits)."""
    try:
        with inbox_lock(data_dir, wait=0):
            return False
    except InboxBusyError:
        return True
    except OSError:
        return False  # no lock file can be made (read-only): nobody else holds it either


def _append_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def append_note(
    data_dir: Path, record: dict[str, Any], seal: Callable[[bytes], bytes] | None = None
) -> None:
    """Add one journal entry (as a plain dict) to the inbox, durably. Raises OSError.

    With ``seal`` (an encrypted folder), the line is the sealed box of the record.
    """
    line = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    if seal is not None:
        line = sealed_line(seal(line))
    line += b"\n"
    with inbox_lock(data_dir):
        path = inbox_path(data_dir)
        if _ends_torn(path):
            # A write cut short (a full disk) left half a line: start ours on a line of its
            # own, so the torn one is set aside alone and this note is kept (issue 13.2).
            line = b"\n" + line
        _append_private(path, line)


def _ends_torn(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return False
            handle.seek(size - 1)
            return handle.read(1) != b"\n"
    except FileNotFoundError:
        return False


@dataclass(frozen=True)
class InboxContents:
    records: list[dict[str, Any]]
    bad_lines: list[bytes]
    """Lines that are not a JSON object (a note cut short by a full disk, say)."""


def sealed_line(box: bytes) -> bytes:
    return SEALED_PREFIX + base64.b64encode(box)


def read_inbox(data_dir: Path, unseal: Callable[[bytes], bytes] | None = None) -> InboxContents:
    """Every note waiting in the inbox. Call with ``inbox_lock`` held.

    Sealed lines are opened with ``unseal`` (which raises ValueError on a bad box); without
    it, or when it refuses, they count as bad lines, to be set aside as they are.
    """
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
            value = orjson.loads(open_line(line, unseal))
        except (orjson.JSONDecodeError, ValueError):
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


def rejected_notes(data_dir: Path) -> int:
    """How many lines are set aside in ``inbox-rejected.jsonl`` (0 when there is none)."""
    try:
        with open(data_dir / REJECTED_NAME, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def rejected_advice(count: int) -> str:
    """What to say about notes set aside (doctor, the app)."""
    return (
        f"{count} note(s) from `brilliance note` could not be added to the journal; they are "
        f"kept, as written, in {REJECTED_NAME} beside the data file. "
        "`brilliance doctor --bring-back-notes` puts back every one that can be read "
        "(a long one as several entries)."
    )


def empty_inbox(data_dir: Path) -> None:
    """After a successful merge (and with ``inbox_lock`` held)."""
    inbox_path(data_dir).unlink(missing_ok=True)


def open_line(line: bytes, unseal: Callable[[bytes], bytes] | None) -> bytes:
    """A line's JSON: itself if plain, its sealed box opened otherwise. Raises ValueError."""
    if not line.startswith(SEALED_PREFIX):
        return line
    if unseal is None:
        raise ValueError("a sealed note, and no key to open it")
    try:
        box = base64.b64decode(line[len(SEALED_PREFIX) :], validate=True)
    except binascii.Error as exc:
        raise ValueError("a sealed note cut short") from exc
    return unseal(box)


def rewrite_inbox(data_dir: Path, convert: Callable[[bytes], bytes]) -> int:
    """Replace every line of the inbox by ``convert(line)``, atomically (with the inbox lock).

    For encrypting or decrypting a folder: ``convert`` seals or opens a line, and raises
    ValueError if it cannot (then nothing is changed). Returns how many lines there were.
    """
    from brilliance.store.storage import atomic_write

    with inbox_lock(data_dir):
        try:
            raw = inbox_path(data_dir).read_bytes()
        except FileNotFoundError:
            return 0
        lines = [line for line in raw.splitlines() if line.strip()]
        converted = b"".join(convert(line) + b"\n" for line in lines)
        atomic_write(inbox_path(data_dir), converted)
    return len(lines)
