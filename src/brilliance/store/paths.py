"""The names in a data folder, and creating it privately. Light enough for any command."""

from __future__ import annotations

import os
from pathlib import Path

DATA_FILE_NAME = "brilliance.json"
LOCK_FILE_NAME = "brilliance.lock"
EXPORTS_DIR_NAME = "exports"
"""Where exports go inside the data folder when no other place is given."""
FOLDER_MODE = 0o700

__all__ = [
    "DATA_FILE_NAME",
    "EXPORTS_DIR_NAME",
    "FOLDER_MODE",
    "LOCK_FILE_NAME",
    "ensure_data_dir",
    "own_file",
]


def ensure_data_dir(data_dir: Path) -> None:
    """Create the data folder, private to the user (0700), if it does not exist."""
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(data_dir, FOLDER_MODE)  # mkdir's mode is masked by the umask


def own_file(path: Path, data_dir: Path) -> str | None:
    """Why ``path`` must not be written by an export: it is one of the data folder's own
    files (data, backups, inbox, lock, copies) or the folder itself. None when it is free.

    Paths are compared after following symbolic links, so a link to the data file counts.
    """
    from brilliance.store.backups import BACKUP_DIR_NAME
    from brilliance.store.inbox import INBOX_LOCK_NAME, INBOX_NAME, REJECTED_NAME

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
