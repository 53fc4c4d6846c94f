"""The names in a data folder, and creating it privately. Light enough for any command."""

from __future__ import annotations

import os
from pathlib import Path

DATA_FILE_NAME = "brilliance.json"
LOCK_FILE_NAME = "brilliance.lock"
EXPORTS_DIR_NAME = "exports"
"""Where exports go inside the data folder when no other place is given."""
FOLDER_MODE = 0o700

__all__ = ["DATA_FILE_NAME", "EXPORTS_DIR_NAME", "FOLDER_MODE", "LOCK_FILE_NAME", "ensure_data_dir"]


def ensure_data_dir(data_dir: Path) -> None:
    """Create the data folder, private to the user (0700), if it does not exist."""
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(data_dir, FOLDER_MODE)  # mkdir's mode is masked by the umask
