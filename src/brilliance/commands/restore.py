"""``brilliance restore BACKUP``: put a backup back, after keeping a copy of the current file.

It shows what the current file and the backup hold and asks first (``--yes`` for scripts):
a restore replaces everything, and a backup a week old lacks a week of notes.

In an encrypted folder the backup is opened with the passphrase (asked for), and put back
encrypted for the folder, so that the folder stays encrypted.
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
EXAMPLES = ("brilliance restore brilliance-2026-11-02.json",)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", help="a file name in backups/ (see brilliance doctor), or a path")
    parser.add_argument(
        "--yes", action="store_true", help="replace the current file without asking (scripts)"
    )


def rescue_advice(rescued: Path, data_dir: Path) -> str:
    """What to say when the data file could not be written and a rescue copy was."""
    import shlex

    return (
        f"everything you had open is in {rescued}. Once the problem is fixed, "
        f"`brilliance restore {shlex.quote(str(rescued))} --data-dir "
        f"{shlex.quote(str(data_dir))}` puts it back (the file as it is "
        "then is kept as a backup first)."
    )


def fail(message: str) -> int:
    print(f"brilliance restore: {message}", file=sys.stderr)
    return 1


def confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    try:
        answer = input("Replace the current file with this backup? [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.domain.clock import SystemClock
    from brilliance.domain.visible_text import visible
    from brilliance.store.backups import backup_dir, describe_counts, named_backup, table_counts
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import load_tables, parse_bytes
    from brilliance.store.limits import LimitError, read_limited
    from brilliance.store.lock import DataLock
    from brilliance.store.paths import DATA_FILE_NAME
    from brilliance.store.storage import atomic_write

    given = Path(args.backup).expanduser()
    source = given if given.exists() else backup_dir(data_dir) / args.backup
    if not source.exists():
        return fail(f"no backup called {visible(args.backup)!r}. `brilliance doctor` lists them.")
    try:
        raw = read_limited(source)
    except LimitError as exc:
        return fail(f"{exc} Nothing was changed.")
    except OSError as exc:
        return fail(f"cannot read {source}: {exc.strerror or exc}. Nothing was changed.")
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
        return fail(f"that backup is not usable either: {str(exc).splitlines()[0]}")
    data_file = data_dir / DATA_FILE_NAME
    current = data_file.read_bytes() if data_file.exists() else None
    print(f"The backup holds:       {describe_counts(table_counts(plain))}.")
    if current is not None and keyring is not None:
        try:
            current = keyring.decode(current, str(data_file))
        except StoreError:
            current = None  # damaged: the reason for the restore, maybe
    if current is not None:
        print(f"The current file holds: {describe_counts(table_counts(current))}.")
    if not confirmed(args):
        return fail("nothing was changed. Run again with --yes to replace the current file.")
    lock = DataLock(data_dir)
    try:
        lock.acquire()
    except StoreError as exc:
        return fail(str(exc))
    try:
        kept = None
        if data_file.exists():
            kept = named_backup(data_file, "before-restore", SystemClock().now())
        written: bytes | bytearray = raw
        if keyring is not None:  # plain, or under another passphrase: the folder's own
            written = encrypt_for_folder(data_file, tables, keyring)
        atomic_write(data_file, written)
    except OSError as exc:
        return fail(f"{exc.strerror or exc}; nothing was changed.")
    finally:
        lock.release()
    if kept:
        print(f"The file as it was is kept as {kept}.")
    print(f"Restored {visible(source.name)}.")
    return 0


def encrypt_for_folder(
    data_file: Path, tables: dict[str, Any], keyring: Keyring
) -> bytes | bytearray:
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
