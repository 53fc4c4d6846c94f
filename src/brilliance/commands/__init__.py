"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store


def store_error_status(exc: StoreError) -> int:
    """The exit status for a store error: 1 when refused (open elsewhere), else 3 (the file)."""
    from brilliance.commands.shell import EXIT_DATA, EXIT_REFUSED
    from brilliance.store.errors import AlreadyOpenError

    return EXIT_REFUSED if isinstance(exc, AlreadyOpenError) else EXIT_DATA


def open_store(data_dir: Path, *, lock: bool = True, for_the_process: bool = False) -> Store | None:
    """Open the data folder, or print why not (to stderr) and return None.

    ``lock=False`` for commands that only read (export, prep, today). ``for_the_process``:
    see :meth:`Store.open` (the app and ``brilliance note`` use it).
    """
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    try:
        return Store.open(data_dir, lock=lock, for_the_process=for_the_process)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return None


def open_to_read(data_dir: Path, *, must_exist: bool = True) -> Store:
    """Open the data folder without locking it, for a command that only reads.

    Raises :class:`~brilliance.commands.shell.CommandError` (status 1 when there is no data
    yet and ``must_exist``, 3 when the file can't be read) with a message saying what to do.
    """
    from brilliance.commands.shell import EXIT_REFUSED, CommandError
    from brilliance.store.errors import StoreError
    from brilliance.store.paths import DATA_FILE_NAME
    from brilliance.store.store import Store

    if must_exist and not (data_dir / DATA_FILE_NAME).exists():
        raise CommandError(
            f"no Brilliance data in {data_dir} yet. Run `brilliance` to start, "
            "or `brilliance demo` to look around.",
            EXIT_REFUSED,
        )
    try:
        return Store.open(data_dir, lock=False)
    except StoreError as exc:
        raise CommandError(str(exc), store_error_status(exc)) from exc
