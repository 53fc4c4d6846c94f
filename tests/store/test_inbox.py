"""The inbox of quick notes: merged once, never lost, never doubled."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson

from brilliance.domain.models import JournalEntry
from brilliance.store.inbox import INBOX_NAME, REJECTED_NAME, append_note, has_notes
from brilliance.store.store import Store


def note(data_dir: Path, entry_id: str, text: str) -> None:
    when = datetime(2026, 11, 24, 9, 30).isoformat()
    append_note(
        data_dir,
        {
            "id": entry_id,
            "written_at": when,
            "created_at": when,
            "updated_at": when,
            "text": text,
            "tags": [],
            "people": [],
        },
    )


def test_open_with_the_lock_merges_and_empties_the_inbox(data_dir: Path) -> None:
    data_dir.mkdir()
    note(data_dir, "n1", "first")
    note(data_dir, "n2", "second")
    with Store.open(data_dir) as store:
        assert {e.text for e in store.journal} == {"first", "second"}
    assert not has_notes(data_dir)
    assert not (data_dir / INBOX_NAME).exists()
    on_disk = orjson.loads((data_dir / "brilliance.json").read_bytes())
    assert set(on_disk["journal"]) == {"n1", "n2"}


def test_a_read_only_view_sees_notes_but_leaves_the_inbox(data_dir: Path) -> None:
    data_dir.mkdir()
    note(data_dir, "n1", "waiting")
    with Store.open(data_dir, lock=False) as view:
        assert [e.text for e in view.journal] == ["waiting"]
    assert has_notes(data_dir)
    assert not (data_dir / "brilliance.json").exists()


def test_a_note_merged_before_is_not_doubled(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.journal.save(JournalEntry(id="n1", written_at=datetime(2026, 1, 1), text="kept"))
    # A crash after the merge's save but before the inbox was emptied leaves it behind.
    note(data_dir, "n1", "first")
    note(data_dir, "n2", "new")
    with Store.open(data_dir) as store:
        assert sorted(e.text for e in store.journal) == ["kept", "new"]


def test_bad_lines_are_set_aside_not_dropped(data_dir: Path) -> None:
    data_dir.mkdir()
    note(data_dir, "n1", "good")
    with (data_dir / INBOX_NAME).open("ab") as handle:
        handle.write(b'{"id": "cut short", "text": "hal\n')  # a line a full disk cut short
        handle.write(b'{"id": "n3", "written_at": "not a date"}\n')
    with Store.open(data_dir) as store:
        assert [e.text for e in store.journal] == ["good"]
    rejected = (data_dir / REJECTED_NAME).read_bytes()
    assert b"cut short" in rejected and b"not a date" in rejected
    assert not has_notes(data_dir)


def test_a_failed_save_keeps_the_inbox(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno
    import os

    data_dir.mkdir()
    note(data_dir, "n1", "precious")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    store = Store.open(data_dir)  # the merge fails quietly: the note stays in the inbox
    monkeypatch.undo()
    assert has_notes(data_dir)
    store.close()
    with Store.open(data_dir) as again:
        assert [e.text for e in again.journal] == ["precious"]
    assert not has_notes(data_dir)
