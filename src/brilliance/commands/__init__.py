"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.codec import Keyring
    from brilliance.store.store import Store


def open_store(
    data_dir: Path,
    *,
    lock: bool = True,
    for_the_process: bool = False,
    keyring: Keyring | None = None,
) -> Store | None:
    """Open the data folder, or print why not (to stderr) and return None.

    ``lock=False`` for commands that only read (export, prep, today). ``for_the_process``:
    see :meth:`Store.open` (the app and ``brilliance note`` use it). An encrypted folder asks
    for its passphrase (see ``commands.unlock``) unless ``keyring`` already opens it.
    """
    from brilliance.store.codec import folder_is_encrypted
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    if keyring is None and folder_is_encrypted(data_dir):
        from brilliance.commands.unlock import unlock_or_report

        keyring = unlock_or_report(data_dir)
        if keyring is None:
            return None
    try:
        return Store.open(data_dir, lock=lock, for_the_process=for_the_process, keyring=keyring)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return None
