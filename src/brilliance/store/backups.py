"""Daily backup copies of the data file, kept in ``backups/`` beside it."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

BACKUP_DIR_NAME = "backups"
KEEP = 14
PREFIX = "brilliance-"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def list_backups(data_dir: Path) -> list[Path]:
    """Backups oldest first (their names sort by date)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*.json") if p.is_file())


def newest_backup(data_dir: Path) -> Path | None:
    backups = list_backups(data_dir)
    return backups[-1] if backups else None


def _copy_private(source: Path, target: Path) -> None:
    folder = target.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copyfile(source, temporary)
        os.chmod(temporary, 0o600)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def daily_backup(data_file: Path, today: date, keep: int = KEEP) -> Path | None:
    """Before the first save of ``today``, copy the file as it is; keep the newest ``keep``.

    Returns the new backup, or None when there was nothing to back up or today's exists.
    """
    if not data_file.exists():
        return None
    target = backup_dir(data_file.parent) / f"{PREFIX}{today.isoformat()}.json"
    if target.exists():
        return None
    _copy_private(data_file, target)
    daily = [p for p in list_backups(data_file.parent) if _is_daily(p)]
    for old in daily[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _is_daily(path: Path) -> bool:
    stem = path.stem[len(PREFIX) :]
    try:
        date.fromisoformat(stem)
    except ValueError:
        return False
    return True


def named_backup(data_file: Path, label: str, now: datetime) -> Path:
    """A one-off backup before something drastic (a restore, a migration, an import)."""
    target = backup_dir(data_file.parent) / f"{PREFIX}{now:%Y-%m-%d-%H%M%S}-{label}.json"
    _copy_private(data_file, target)
    return target


def remove_stale_temporaries(data_dir: Path) -> list[Path]:
    """Delete temporary files left by saves that were killed before their rename.

    Only call this while holding the folder's lock: then no save of ours is under way.
    """
    removed = []
    for folder in (data_dir, backup_dir(data_dir)):
        if not folder.is_dir():
            continue
        for leftover in folder.glob(".brilliance*.tmp"):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed
