"""Backup copies of the data file, kept in ``backups/`` beside it.

Promises (tested in tests/store/test_backups.py):
- nothing in ``backups/`` is ever overwritten: a name already taken gets a ``-2``, ``-3`` ...;
- only a file that holds records is backed up (an empty day-one file is not worth a slot);
- rotation goes by the files' own modification times, never by the clock's idea of today,
  and never deletes the newest copies, so a clock moved back or forward loses nothing recent;
- advice names the fullest good backup, and says so when a newer one holds fewer records.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import orjson

from brilliance.store.paths import BACKUP_DIR_NAME as BACKUP_DIR_NAME

KEEP = 14
PREFIX = "brilliance-"
ENTITY_TABLE_NAMES = ("people", "meetings", "followups", "events", "journal")
"""The tables whose records count (the same as fileformat.ENTITY_TABLES, which imports us)."""
NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}
"""What ``os.link`` says on filesystems without hard links (FAT, some network shares)."""

Decode = Callable[[bytes], bytes]
"""Opens an encrypted file's bytes (the store's codec, issue 18); raises an Exception if it
cannot. Without one, an encrypted file counts as unreadable."""


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def _age_key(path: Path) -> tuple[int, str]:
    try:
        return (path.stat().st_mtime_ns, path.name)
    except OSError:
        return (0, path.name)


def list_backups(data_dir: Path) -> list[Path]:
    """Backups oldest first, by the files' own modification times (not by their names)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{PREFIX}*.json") if p.is_file()), key=_age_key)


def newest_backup(data_dir: Path) -> Path | None:
    backups = list_backups(data_dir)
    return backups[-1] if backups else None


def table_counts(raw: bytes) -> dict[str, int] | None:
    """Records per table in a data file's bytes, or None if they are not a data file."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    counts = {}
    for name in ENTITY_TABLE_NAMES:
        table = data.get(name, {})
        if not isinstance(table, dict):
            return None
        counts[name] = len(table)
    return counts


def count_records(raw: bytes) -> int | None:
    """How many records a data file's bytes hold, or None if they are not a data file."""
    counts = table_counts(raw)
    return None if counts is None else sum(counts.values())


def describe_counts(counts: dict[str, int] | None) -> str:
    """``3 people, 0 meetings, ...`` or a word saying the file is not readable."""
    if counts is None:
        return "not a readable data file"
    return ", ".join(f"{n:,} {name}" for name, n in counts.items())


def file_records(path: Path, decode: Decode | None = None) -> int | None:
    """Records in the file at ``path``; None when it cannot be read or is not a data file."""
    try:
        raw = path.read_bytes()
        return count_records(decode(raw) if decode is not None else raw)
    except Exception:  # unreadable, or an encrypted file ``decode`` refuses: not a data file
        return None


@dataclass(frozen=True)
class BackupInfo:
    """One backup as a user would pick it: its name, when it was taken, what it holds."""

    path: Path
    taken: datetime
    records: int | None
    """None when it is not a readable data file."""

    def describe(self) -> str:
        held = f"{self.records:,} records" if self.records is not None else "not readable"
        return f"taken {self.taken:%Y-%m-%d %H:%M}, {held}"


def backup_infos(data_dir: Path, decode: Decode | None = None) -> list[BackupInfo]:
    """Every backup, oldest first, with its date and record count."""
    infos = []
    for path in list_backups(data_dir):
        with contextlib.suppress(OSError):
            taken = datetime.fromtimestamp(path.stat().st_mtime)
            infos.append(BackupInfo(path, taken, file_records(path, decode)))
    return infos


@dataclass(frozen=True)
class Suggestion:
    """The backup to put back, and a word about it (its date, its size, a newer smaller one)."""

    path: Path
    about: str


def suggest_backup(
    data_dir: Path, usable: list[Path] | None = None, decode: Decode | None = None
) -> Suggestion | None:
    """The fullest backup (the newest among equals), saying so when a newer one holds less.

    ``usable`` limits the choice to backups already checked good (doctor checks them all);
    otherwise any backup that reads as a data file counts.
    """
    infos = [i for i in backup_infos(data_dir, decode) if i.records is not None]
    if usable is not None:
        infos = [i for i in infos if i.path in usable]
    if not infos:
        return None
    best = max(enumerate(infos), key=lambda pair: (pair[1].records or 0, pair[0]))[1]
    newest = infos[-1]
    about = best.describe()
    if newest is not best:
        about += (
            f"; the newest, {newest.path.name} ({newest.describe()}), holds fewer records, "
            "so check which you want"
        )
    return Suggestion(best.path, about)


# -- writing --------------------------------------------------------------------------------


def _private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)


def _free_name(target: Path) -> Path:
    """``target``, or ``name-2.json``, ``name-3.json``... : the first name not yet taken."""
    candidate, number = target, 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    return candidate


def _copy_private(source: Path, target: Path) -> Path:
    """Copy ``source`` into a new file named ``target`` (or the next free name); never replaces
    a file. The copy is private (0600) from its first byte. Returns the name used."""
    _private_folder(target.parent)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)  # in case a leftover temporary had other permissions
            with open(source, "rb") as reading:
                while chunk := reading.read(1 << 20):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        while True:
            name = _free_name(target)
            try:
                os.link(temporary, name)  # fails if the name was taken meanwhile: no overwrite
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in NO_HARD_LINKS:
                    raise
                os.replace(temporary, name)  # no hard links here: the name was free just now
                return name
            temporary.unlink()
            return name
    finally:
        temporary.unlink(missing_ok=True)


def daily_backup(
    data_file: Path, today: date, keep: int = KEEP, decode: Decode | None = None
) -> Path | None:
    """Before the first save of ``today``, copy the file as it is; keep the newest ``keep``.

    Returns the new backup, or None when there was nothing worth backing up (no file, or a
    file without records) or today's exists.
    """
    if not data_file.exists():
        return None
    target = backup_dir(data_file.parent) / f"{PREFIX}{today.isoformat()}.json"
    if target.exists() or not file_records(data_file, decode):
        return None
    made = _copy_private(data_file, target)
    daily = [p for p in list_backups(data_file.parent) if _is_daily(p) and p != made]
    for old in daily[: max(0, len(daily) - (keep - 1))]:
        old.unlink(missing_ok=True)
    return made


def _is_daily(path: Path) -> bool:
    stem = path.stem[len(PREFIX) :]
    try:
        date.fromisoformat(stem)
    except ValueError:
        return False
    return True


def named_backup(data_file: Path, label: str, now: datetime) -> Path:
    """A one-off backup before something drastic (a restore, a migration, an import).

    Never overwrites an earlier one, even one made in the same second.
    """
    target = backup_dir(data_file.parent) / f"{PREFIX}{now:%Y-%m-%d-%H%M%S}-{label}.json"
    return _copy_private(data_file, target)


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
