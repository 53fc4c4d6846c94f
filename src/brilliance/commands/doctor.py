"""``brilliance doctor``: check the data file and every backup, and say what was found."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check the data file and every backup (parse, schema, records) and report"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser


def check(path: Path) -> tuple[bool, str]:
    """Whether ``path`` opens cleanly, and a one-line description of it."""
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import ENTITY_TABLES, load_tables, parse_file

    try:
        loaded = load_tables(path, parse_file(path))
    except StoreError as exc:
        problem = str(exc).splitlines()[0].split(": ", 1)[-1]
        return False, f"DAMAGED: {problem}"
    counts = ", ".join(f"{len(loaded.items.get(name, {}))} {name}" for name in ENTITY_TABLES)
    size = path.stat().st_size
    upgraded = f" (format {loaded.migrated_from}, upgradable)" if loaded.migrated_from else ""
    return True, f"ok{upgraded}: {counts}; {size:,} bytes"


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.store.backups import backup_infos, suggest_backup
    from brilliance.store.errors import AlreadyOpenError
    from brilliance.store.inbox import has_notes, read_inbox
    from brilliance.store.lock import DataLock
    from brilliance.store.paths import DATA_FILE_NAME, LOCK_FILE_NAME

    data_file = data_dir / DATA_FILE_NAME
    print(f"Data folder: {data_dir}")
    healthy = True
    if data_file.exists():
        good, description = check(data_file)
        healthy = good
        print(f"  {DATA_FILE_NAME}: {description}")
    else:
        print(f"  {DATA_FILE_NAME}: not created yet (it is written at the first change)")
    backups = backup_infos(data_dir)
    print(f"Backups: {len(backups)}, oldest first")
    good_backups = []
    for backup in backups:
        good, description = check(backup.path)
        if good:
            good_backups.append(backup.path)
        print(f"  {backup.path.name}: {description}; taken {backup.taken:%Y-%m-%d %H:%M}")
    waiting = read_inbox(data_dir) if has_notes(data_dir) else None
    if waiting is not None:
        print(
            f"Inbox: {len(waiting.records)} note(s) from `brilliance note` waiting; the app "
            "adds them to the journal when it opens."
        )
    if (data_dir / LOCK_FILE_NAME).exists():
        pid = DataLock(data_dir).holder_pid()
        try:
            lock = DataLock(data_dir)
            lock.acquire(wait=0)
            lock.release()
        except AlreadyOpenError:
            print(f"Open right now in another Brilliance (process {pid}).")
    if not healthy:
        best = suggest_backup(data_dir, usable=good_backups)
        advice = (
            f"`brilliance restore {best.path.name}` puts back the fullest good backup "
            f"({best.about}); the damaged file is kept as a backup first."
            if best
            else "No good backup to restore; the damaged file is left as it is."
        )
        print(f"The data file needs attention. {advice}", file=sys.stderr)
        return 1
    print("All good.")
    return 0
