"""Issue 13, item 1: a note leaves inbox.jsonl only after a data file holding it is written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest

from brilliance.domain.models import Person
from brilliance.store import storage
from brilliance.store.errors import SaveError
from brilliance.store.inbox import has_notes
from brilliance.store.store import Store
from tests.store.test_inbox import note


def journal_on_disk(data_dir: Path) -> set[str]:
    return set(orjson.loads((data_dir / "brilliance.json").read_bytes()).get("journal", {}))


def test_notes_dropped_after_a_failed_save_stay_in_the_inbox(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed save, then a second inbox poll: the notes are in memory only, so the inbox is
    kept until a write holding them works (before, the second poll emptied it)."""
    with Store.open(data_dir) as store:
        store.people.save(Person(name="Ana"))
        note(data_dir, "n1", "precious")

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(storage.os, "fsync", full)
        with pytest.raises(SaveError):
            store.merge_inbox()  # first poll: merged in memory, the save fails
        assert store.journal.get("n1") is not None
        with pytest.raises(SaveError):
            store.merge_inbox()  # second poll: nothing new, but still nothing written
        assert has_notes(data_dir)
        assert "n1" not in journal_on_disk(data_dir)
        monkeypatch.undo()
        assert store.merge_inbox() == 0  # the disk works again: written, then emptied
        assert "n1" in journal_on_disk(data_dir)
        assert not has_notes(data_dir)


def test_a_kill_after_a_failed_save_loses_no_note(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(data_dir)
    note(data_dir, "n1", "precious")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "fsync", full)
    for _ in range(2):
        with pytest.raises(SaveError):
            store.merge_inbox()
    monkeypatch.undo()
    store._lock.release()  # type: ignore[union-attr]  # a kill: no close, memory gone
    with Store.open(data_dir) as again:
        assert [e.text for e in again.journal] == ["precious"]
