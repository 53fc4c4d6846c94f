"""``brilliance restore BACKUP``: put a backup back, after keeping a copy of the current file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "restore a backup (by name from backups/, or a path); the current file is kept first"
EXAMPLES = ("brilliance restore brilliance-2026-11-02.json",)


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
    try:
        load_tables(source, parse_bytes(source, raw))
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
