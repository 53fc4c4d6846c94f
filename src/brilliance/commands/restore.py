"""``brilliance restore BACKUP``: put a backup back, after keeping a copy of the current file.

In an encrypted folder the backup is opened with the passphrase (asked for), and a plain backup
is encrypted before it is put back, so that the folder stays encrypted.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brilliance.store.codec import Keyring

HELP = "restore a backup (by name from backups/, or a path); the current file is kept first"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", help="a file name in backups/ (see brilliance doctor), or a path")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.domain.clock import SystemClock
    from brilliance.store.backups import backup_dir, named_backup
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import load_tables, parse_bytes
    from brilliance.store.lock import DataLock
    from brilliance.store.paths import DATA_FILE_NAME
    from brilliance.store.storage import atomic_write

    given = Path(args.backup).expanduser()
    source = given if given.exists() else backup_dir(data_dir) / args.backup
    try:
        raw = source.read_bytes()
    except OSError:
        print(
            f"brilliance restore: no backup called {args.backup!r}. "
            "`brilliance doctor` lists the backups.",
            file=sys.stderr,
        )
        return 1
    from brilliance.commands.unlock import open_file, unlock_or_report
    from brilliance.store.codec import folder_is_encrypted

    keyring = None
    if folder_is_encrypted(data_dir):
        keyring = unlock_or_report(data_dir, "brilliance restore")
        if keyring is None:
            return 1
    plain = open_file(source, raw, keyring, "brilliance restore")
    if plain is None:
        return 1
    try:
        tables = load_tables(source, parse_bytes(source, plain)).tables
    except StoreError as exc:
        print(f"brilliance restore: that backup is not usable either: {exc}", file=sys.stderr)
        return 1
    lock = DataLock(data_dir)
    try:
        lock.acquire()
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return 1
    try:
        data_file = data_dir / DATA_FILE_NAME
        kept = None
        if data_file.exists():
            kept = named_backup(data_file, "before-restore", SystemClock().now())
        if keyring is not None:  # plain, or under another passphrase: the folder's own
            raw = encrypt_for_folder(data_file, tables, keyring)
        atomic_write(data_file, raw)
    except OSError as exc:
        print(f"brilliance restore: {exc.strerror}; nothing was changed.", file=sys.stderr)
        return 1
    finally:
        lock.release()
    if kept:
        print(f"The file as it was is kept as {kept}.")
    print(f"Restored {source.name}.")
    return 0


def encrypt_for_folder(data_file: Path, tables: dict[str, Any], keyring: Keyring) -> bytes:
    """A backup, encrypted for the folder, carrying the folder's note key (the backup's own,
    else the current data file's, else a new one)."""
    from brilliance.store import codec, crypto
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import parse_file
    from brilliance.store.storage import serialize

    private = codec.note_private_key(tables)
    if private is None:
        with contextlib.suppress(StoreError):
            private = codec.note_private_key(parse_file(data_file, keyring))
    codec.put_note_private_key(tables, private or crypto.new_note_keys()[0])
    return keyring.encode(serialize(tables))
