"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.store import Store


def open_store(
    data_dir: Path,
    *,
    lock: bool = True,
    for_the_process: bool = False,
    read_only_ok: bool = False,
) -> Store | None:
    """Open the data folder, or print why not (to stderr) and return None.

    ``lock=False`` for commands that only read (export, prep, today). ``for_the_process``:
    see :meth:`Store.open` (the app and ``brilliance note`` use it). ``read_only_ok``: a
    folder that cannot be written is opened read-only (the app) instead of refused.
    """
    from brilliance.store.errors import ReadOnlyError, StoreError
    from brilliance.store.store import Store

    try:
        try:
            return Store.open(data_dir, lock=lock, for_the_process=for_the_process)
        except ReadOnlyError:
            if not read_only_ok:
                raise
            from brilliance.store.read_only import open_read_only

            return open_read_only(data_dir, for_the_process=for_the_process)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
    except OSError as exc:
        print(
            f"brilliance: cannot open {data_dir}: {exc.strerror or exc}. Nothing was changed.",
            file=sys.stderr,
        )
    return None
