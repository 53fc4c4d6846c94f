"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.store import Store


def open_store(
    data_dir: Path, *, lock: bool = True, for_the_process: bool = False, announce: bool = True
) -> Store | None:
    """Open the data folder, or print why not (to stderr) and return None.

    ``lock=False`` for commands that only read (export, prep, today). ``for_the_process``:
    see :meth:`Store.open` (the app and ``brilliance note`` use it). With ``announce``, what
    the open merged in (sync tools' conflict copies) is said on stderr, one line each; the
    app shows it itself.
    """
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    try:
        store = Store.open(data_dir, lock=lock, for_the_process=for_the_process)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return None
    if announce:
        store.listen(lambda text: print(f"brilliance: {text}", file=sys.stderr))
    return store
