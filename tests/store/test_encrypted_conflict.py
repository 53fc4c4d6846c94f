"""A sync tool's conflict copy of an encrypted data file merges (both sides opened with the
same passphrase), and what is kept afterwards stays encrypted."""

from __future__ import annotations

import shutil
from pathlib import Path

from brilliance.domain.models import Person
from brilliance.store import crypto
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store
from tests.encryption import encrypt, every_file

CONFLICT_NAME = "brilliance.sync-conflict-20261124-093000-ABCDEFG.json"


def test_a_conflict_copy_of_an_encrypted_file_merges(tmp_path: Path) -> None:
    here = tmp_path / "laptop"
    with Store.open(here) as store:
        store.people.save(Person(id="p0", name="Orla Shared"))
    keyring = encrypt(here)
    there = tmp_path / "desktop"
    shutil.copytree(here, there)  # the sync tool's copy on the other machine
    with Store.open(there, keyring=keyring) as store:
        store.people.save(Person(id="p2", name="Quentin Desktop"))
    with Store.open(here, keyring=keyring) as store:
        store.people.save(Person(id="p1", name="Petra Laptop"))
    shutil.copy(there / DATA_FILE_NAME, here / CONFLICT_NAME)
    with Store.open(here, keyring=keyring) as store:
        assert {p.id for p in store.people} == {"p0", "p1", "p2"}
    assert not (here / CONFLICT_NAME).exists()
    for path, raw in every_file(here).items():
        assert b"Quentin" not in raw and b"Petra" not in raw, path
    assert crypto.is_encrypted((here / DATA_FILE_NAME).read_bytes())


def test_brilliance_merge_reads_an_encrypted_copy(tmp_path: Path) -> None:
    from brilliance import cli
    from brilliance.commands import unlock
    from tests.encryption import PASSPHRASE

    here = tmp_path / "laptop"
    with Store.open(here) as store:
        store.people.save(Person(id="p0", name="Orla Shared"))
    keyring = encrypt(here)
    there = tmp_path / "elsewhere"
    shutil.copytree(here, there)
    with Store.open(there, keyring=keyring) as store:
        store.people.save(Person(id="p3", name="Rosalind Elsewhere"))
    passphrase_file = tmp_path / "pw"
    passphrase_file.write_bytes(PASSPHRASE + b"\n")
    try:
        status = cli.main(
            [
                "merge",
                str(there / DATA_FILE_NAME),
                "--data-dir",
                str(here),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
    finally:
        unlock.PASSPHRASE_FILE = None
    assert status == 0
    with Store.open(here, keyring=keyring, lock=False) as store:
        assert {p.id for p in store.people} == {"p0", "p3"}
    for path, raw in every_file(here).items():
        assert b"Rosalind" not in raw, path


def test_a_plain_conflict_copy_is_kept_encrypted(tmp_path: Path) -> None:
    """A device not yet encrypted leaves a plain copy: merged, then kept encrypted (found by QA:
    it stayed plain text in conflicts/merged/)."""
    there = tmp_path / "desktop"
    with Store.open(there) as store:
        store.people.save(Person(id="p4", name="Sigrid Plaintext"))
    here = tmp_path / "laptop"
    with Store.open(here) as store:
        store.people.save(Person(id="p0", name="Orla Shared"))
    keyring = encrypt(here)
    shutil.copy(there / DATA_FILE_NAME, here / CONFLICT_NAME)
    with Store.open(here, keyring=keyring) as store:
        assert {p.id for p in store.people} == {"p0", "p4"}
    (kept,) = (here / "conflicts" / "merged").iterdir()
    assert crypto.is_encrypted(kept.read_bytes())
    for path, raw in every_file(here).items():
        assert b"Sigrid" not in raw, path
    assert b"Sigrid" in keyring.decode(kept.read_bytes(), "the kept copy")
