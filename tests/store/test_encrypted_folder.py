"""An encrypted folder: the store reads and writes through the keyring, and nothing Brilliance
writes for the folder is readable without the passphrase."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person
from brilliance.store import crypto
from brilliance.store.backups import list_backups
from brilliance.store.codec import (
    PLAIN,
    Keyring,
    PassphraseNeededError,
    folder_is_encrypted,
    read_public_key,
)
from brilliance.store.conversion import convert_folder
from brilliance.store.inbox import inbox_path
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store
from tests.encryption import FAST, PASSPHRASE, encrypt, every_file

NAME = "Zephyrine Quayle"
EMAIL = "zq@lighthouse.example"
JOURNAL_WORD = "xylophonist"
SECRETS = (b"Zephyrine", b"Quayle", b"lighthouse.example", JOURNAL_WORD.encode())
DAY = datetime(2026, 11, 24, 9, 30)


def seed(data_dir: Path, when: datetime = DAY) -> str:
    with Store.open(data_dir, clock=FixedClock(when)) as store:
        person = store.people.save(Person(name=NAME, email=EMAIL))
        store.journal.save(
            JournalEntry(text=f"Lunch with the {JOURNAL_WORD} from the quay.", written_at=when)
        )
    return person.id


def note_record(note_id: str, text: str) -> dict[str, object]:
    """A note as ``brilliance note`` writes it to the inbox."""
    return JournalEntry(id=note_id, text=text, written_at=DAY).model_dump(mode="json")


def assert_nothing_readable(data_dir: Path) -> None:
    files = every_file(data_dir)
    assert files
    for path, raw in files.items():
        for secret in SECRETS:
            assert secret.lower() not in raw.lower(), f"{secret!r} readable in {path}"


def test_round_trip_through_the_store(data_dir: Path) -> None:
    person_id = seed(data_dir)
    keyring = encrypt(data_dir)
    assert (data_dir / DATA_FILE_NAME).read_bytes().startswith(crypto.MAGIC)
    with Store.open(data_dir, keyring=keyring) as store:
        assert store.people.require(person_id).email == EMAIL
        store.people.save(store.people.require(person_id).model_copy(update={"headline": "Chair"}))
    assert folder_is_encrypted(data_dir)
    again = Keyring.unlock(PASSPHRASE, (data_dir / DATA_FILE_NAME).read_bytes())
    with Store.open(data_dir, keyring=again, lock=False) as store:
        assert store.people.require(person_id).headline == "Chair"


def test_an_encrypted_folder_does_not_open_without_the_passphrase(data_dir: Path) -> None:
    seed(data_dir)
    encrypt(data_dir)
    before = every_file(data_dir)
    with pytest.raises(PassphraseNeededError):
        Store.open(data_dir)
    with pytest.raises(crypto.WrongPassphraseError):
        Store.open(data_dir, keyring=Keyring.create(b"not the one", FAST))
    after = every_file(data_dir)
    assert {p: b for p, b in after.items() if p.name != "brilliance.lock"} == {
        p: b for p, b in before.items() if p.name != "brilliance.lock"
    }


def test_a_tampered_data_file_is_refused_and_left_as_it_is(data_dir: Path) -> None:
    seed(data_dir)
    keyring = encrypt(data_dir)
    path = data_dir / DATA_FILE_NAME
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x10
    path.write_bytes(bytes(raw))
    with pytest.raises(crypto.TamperedError, match="integrity"):
        Store.open(data_dir, keyring=keyring)
    assert path.read_bytes() == bytes(raw)


def test_no_name_journal_word_or_email_readable_in_any_file(data_dir: Path) -> None:
    person_id = seed(data_dir, DAY - timedelta(days=1))  # yesterday: today's save backs it up
    keyring = encrypt(data_dir)
    note = subprocess.run(
        [sys.executable, "-m", "brilliance", "note", "--data-dir", str(data_dir)],
        input=f"Called @{NAME} about the {JOURNAL_WORD} ({EMAIL})",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert note.returncode == 0, note.stderr
    assert inbox_path(data_dir).exists()
    assert_nothing_readable(data_dir)  # the sealed note waiting in the inbox
    with Store.open(data_dir, clock=FixedClock(DAY), keyring=keyring) as store:
        store.people.save(store.people.require(person_id).model_copy(update={"headline": "Chair"}))
        store.rescue_copy()
    # A sync tool's conflict copy (issue 12) is merged at the next open and kept, encrypted.
    conflict = data_dir / "brilliance.sync-conflict-20261124-093000-ABCDEF7.json"
    conflict.write_bytes((data_dir / DATA_FILE_NAME).read_bytes())
    Store.open(data_dir, clock=FixedClock(DAY), keyring=keyring).close()
    assert list_backups(data_dir), "a daily backup was taken"
    assert (data_dir / "conflicts" / "merged" / conflict.name).is_file()
    assert any(p.name.startswith("brilliance-unsaved-") for p in data_dir.iterdir())
    assert_nothing_readable(data_dir)


def test_quick_capture_without_the_passphrase_arrives_at_the_next_open(data_dir: Path) -> None:
    person_id = seed(data_dir)
    keyring = encrypt(data_dir)
    note = subprocess.run(
        [sys.executable, "-m", "brilliance", "note", "--data-dir", str(data_dir)],
        input=f"Thanked @{NAME} for the intro",
        capture_output=True,
        text=True,
        timeout=60,
        stdin=None,
    )
    assert note.returncode == 0, note.stderr
    assert "sealed" in note.stderr
    with Store.open(data_dir, keyring=keyring) as store:
        [entry] = [e for e in store.journal if "Thanked" in e.text]
        assert entry.people == [person_id]  # linked at the merge, by the name inside
    assert not inbox_path(data_dir).exists()


def test_a_note_sealed_for_another_folder_is_set_aside_not_lost(data_dir: Path) -> None:
    seed(data_dir)
    keyring = encrypt(data_dir)
    from brilliance.store.inbox import append_note

    _, stranger = crypto.new_note_keys()
    append_note(data_dir, {"text": "x"}, lambda line: crypto.seal(stranger, line))
    with Store.open(data_dir, keyring=keyring):
        pass
    rejected = (data_dir / "inbox-rejected.jsonl").read_bytes()
    assert rejected.startswith(b"sealed ")


def test_decrypt_makes_every_file_plain_again(data_dir: Path) -> None:
    person_id = seed(data_dir, DAY - timedelta(days=1))
    keyring = encrypt(data_dir)
    with Store.open(data_dir, clock=FixedClock(DAY), keyring=keyring) as store:
        store.people.save(store.people.require(person_id).model_copy(update={"headline": "Chair"}))
    from brilliance.store.inbox import append_note

    public = read_public_key(data_dir)
    assert public is not None
    append_note(data_dir, note_record("n1", "sealed"), lambda line: crypto.seal(public, line))
    convert_folder(data_dir, keyring, PLAIN, now=DAY, label="before-decrypt")
    assert not folder_is_encrypted(data_dir)
    assert read_public_key(data_dir) is None
    for path, raw in every_file(data_dir).items():
        assert not raw.startswith(crypto.MAGIC), path
        assert not raw.startswith(b"sealed"), path
    with Store.open(data_dir) as store:
        assert store.people.require(person_id).headline == "Chair"
        assert "n1" in store.journal


def test_a_new_passphrase_reencrypts_backups_and_the_old_one_opens_nothing(
    data_dir: Path,
) -> None:
    seed(data_dir, DAY - timedelta(days=1))
    old = encrypt(data_dir)
    with Store.open(data_dir, clock=FixedClock(DAY), keyring=old) as store:
        store.journal.save(JournalEntry(text="today", written_at=DAY))
    new = Keyring.create(b"a whole new phrase", FAST)
    convert_folder(data_dir, old, new, now=DAY, label="before-passphrase")
    stale = Keyring.create(PASSPHRASE, FAST)
    for path, raw in every_file(data_dir).items():
        if raw.startswith(crypto.MAGIC):
            assert not stale.opens(raw), path
            assert new.opens(raw), path
    assert len(list_backups(data_dir)) >= 2


def test_a_wrong_passphrase_converts_nothing(data_dir: Path) -> None:
    seed(data_dir, DAY - timedelta(days=1))
    keyring = encrypt(data_dir)
    with Store.open(data_dir, clock=FixedClock(DAY), keyring=keyring) as store:
        store.journal.save(JournalEntry(text="today", written_at=DAY))
    before = every_file(data_dir)
    wrong = Keyring.create(b"wrong wrong wrong", FAST)
    with pytest.raises(crypto.WrongPassphraseError):
        convert_folder(data_dir, wrong, PLAIN, now=DAY, label="before-decrypt")
    assert every_file(data_dir).keys() == before.keys()
    assert all(every_file(data_dir)[p] == b for p, b in before.items() if p.suffix != ".lock")


def test_a_damaged_backup_stops_the_conversion_before_any_write(data_dir: Path) -> None:
    seed(data_dir, DAY - timedelta(days=1))
    with Store.open(data_dir, clock=FixedClock(DAY)) as store:
        store.journal.save(JournalEntry(text="today", written_at=DAY))
    backup = list_backups(data_dir)[-1]
    backup.write_bytes(crypto.MAGIC + b"\x01junk")
    before = every_file(data_dir)
    with pytest.raises(crypto.EncryptionError):
        convert_folder(data_dir, PLAIN, Keyring.create(PASSPHRASE, FAST), now=DAY, label="x")
    assert not folder_is_encrypted(data_dir)
    assert every_file(data_dir).keys() == before.keys()


def test_plain_notes_waiting_when_encrypting_are_sealed(data_dir: Path) -> None:
    seed(data_dir)
    from brilliance.store.inbox import append_note

    append_note(data_dir, note_record("w1", f"waiting {JOURNAL_WORD}"))
    keyring = encrypt(data_dir)
    assert_nothing_readable(data_dir)
    with Store.open(data_dir, keyring=keyring) as store:
        assert "w1" in store.journal


def test_the_public_key_is_put_back_if_it_goes_missing(data_dir: Path) -> None:
    seed(data_dir)
    keyring = encrypt(data_dir)
    public = read_public_key(data_dir)
    (data_dir / "note-key.pub").unlink()
    with Store.open(data_dir, keyring=keyring):
        pass
    assert read_public_key(data_dir) == public
