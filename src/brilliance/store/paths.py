"""The names in a data folder, and creating it privately. Light enough for any command."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

DATA_FILE_NAME = "brilliance.json"
LOCK_FILE_NAME = "brilliance.lock"
EXPORTS_DIR_NAME = "exports"
"""Where exports go inside the data folder when no other place is given."""
BACKUP_DIR_NAME = "backups"
"""The daily copies of the data file (``store.backups``)."""
INBOX_NAME = "inbox.jsonl"
"""Notes from the shell waiting for the app (``store.inbox``)."""
INBOX_LOCK_NAME = "inbox.lock"
REJECTED_NAME = "inbox-rejected.jsonl"
ENCRYPTED_MAGIC = b"BRILLIANCE ENCRYPTED\n"
"""How an encrypted data file starts (``store.crypto``'s envelope)."""
FOLDER_MODE = 0o700

CONFLICT_COPY_NAMES = (
    re.compile(r"^brilliance\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+\.json$"),  # Syncthing
    re.compile(r"^brilliance \(.+'s conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)\.json$"),
)
"""Sync tools' conflict copies of the data file (merged at the next open: store.copies)."""


def is_conflict_copy(name: str) -> bool:
    return any(pattern.match(name) for pattern in CONFLICT_COPY_NAMES)


def has_notes(data_dir: Path) -> bool:
    """Whether notes from the shell wait in the inbox (``store.inbox``; here so that a start
    from Today's summary can tell without importing it: issue 19)."""
    try:
        return (data_dir / INBOX_NAME).stat().st_size > 0
    except FileNotFoundError:
        return False


def folder_is_encrypted(data_dir: Path) -> bool:
    """Whether the folder's data file is encrypted (reads only its first bytes; here, not in
    ``store.codec``, so that a start needs no crypto module to know: issue 19)."""
    try:
        with open(data_dir / DATA_FILE_NAME, "rb") as handle:
            return handle.read(len(ENCRYPTED_MAGIC)) == ENCRYPTED_MAGIC
    except OSError:
        return False


__all__ = [
    "BACKUP_DIR_NAME",
    "CONFLICT_COPY_NAMES",
    "DATA_FILE_NAME",
    "ENCRYPTED_MAGIC",
    "EXPORTS_DIR_NAME",
    "FOLDER_MODE",
    "INBOX_LOCK_NAME",
    "INBOX_NAME",
    "LOCK_FILE_NAME",
    "REJECTED_NAME",
    "ensure_data_dir",
    "folder_is_encrypted",
    "has_notes",
    "is_conflict_copy",
    "own_file",
    "tighten_permissions",
]
FILE_MODE = 0o600


def ensure_data_dir(data_dir: Path) -> None:
    """Create the data folder, private to the user (0700), if it does not exist."""
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(data_dir, FOLDER_MODE)  # mkdir's mode is masked by the umask


def tighten_permissions(data_dir: Path) -> list[Path]:
    """Make the data folder and what Brilliance keeps in it private (0700 folders, 0600 files)
    if another user could read them, and return what was changed (issue 13.13).

    Looks at the folder, its files, ``backups/`` and ``exports/``; symbolic links are left
    alone. A folder that cannot be changed (read-only) is left as it is, silently.
    """
    changed: list[Path] = []

    def tighten(path: Path, mode: int) -> None:
        try:
            info = path.lstat()
        except OSError:
            return
        if stat.S_ISLNK(info.st_mode) or not (info.st_mode & 0o077):
            return
        try:
            os.chmod(path, mode)
        except OSError:
            return
        changed.append(path)

    if not data_dir.is_dir():
        return changed
    tighten(data_dir, FOLDER_MODE)
    folders = [data_dir]
    for name in (BACKUP_DIR_NAME, EXPORTS_DIR_NAME):
        if (data_dir / name).is_dir() and not (data_dir / name).is_symlink():
            folders += [data_dir / name, *(p for p in (data_dir / name).rglob("*") if p.is_dir())]
    for folder in folders:
        tighten(folder, FOLDER_MODE)
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_file() and not entry.is_symlink():
                tighten(entry, FILE_MODE)
    return changed


def tightened_notice(changed: list[Path], data_dir: Path) -> str:
    """The one line that says what :func:`tighten_permissions` did."""
    return (
        f"brilliance: made {len(changed)} file(s) and folder(s) in {data_dir} private to you "
        "(others could read them before)."
    )


def own_file(path: Path, data_dir: Path) -> str | None:
    """Why ``path`` must not be written by an export: it is one of the data folder's own
    files (data, backups, inbox, lock, copies) or the folder itself. None when it is free.

    Paths are compared after following symbolic links, so a link to the data file counts.
    """
    try:
        target = path.expanduser().resolve()
        folder = data_dir.expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "not a usable path"
    if target == (folder / DATA_FILE_NAME).resolve():
        return "Brilliance's data file"
    if target == folder:
        return "Brilliance's data folder"
    if target.is_relative_to(folder / BACKUP_DIR_NAME):
        return "in Brilliance's backups folder"
    if target.parent == folder:
        name = target.name
        if name in (LOCK_FILE_NAME, INBOX_NAME, INBOX_LOCK_NAME, REJECTED_NAME):
            return "one of Brilliance's own files"
        if name.startswith("brilliance") and name.endswith(".json"):
            return "one of Brilliance's own copies of your data"
    return None
