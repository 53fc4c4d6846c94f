"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.store import Store


def open_store(data_dir: Path, *, lock: bool = True) -> Store | None:
    """Open the data folder, or print why not (to stderr) and return None.

    ``lock=False`` for commands that only read (export, prep, today).
    """
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    try:
        return Store.open(data_dir, lock=lock)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return None
