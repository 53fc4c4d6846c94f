"""Opening a data folder that cannot be written (a read-only folder or mount), to read it.

The data is shown as it is; every save is refused with :class:`ReadOnlyError` (a
``SaveError``, so screens already say "Not saved" with its words) and nothing on disk is
touched: no lock, no backup, no inbox merge written.
"""

from __future__ import annotations

from pathlib import Path

from brilliance.domain.clock import Clock
from brilliance.store.codec import Keyring
from brilliance.store.errors import ReadOnlyError
from brilliance.store.store import Store


def open_read_only(
    data_dir: Path,
    *,
    clock: Clock | None = None,
    for_the_process: bool = False,
    keyring: Keyring | None = None,
) -> Store:
    """Open ``data_dir`` without its lock, refusing every save. Raises what Store.open does."""
    store = Store.open(
        data_dir, clock=clock, lock=False, for_the_process=for_the_process, keyring=keyring
    )
    store.storage.write_refusal = lambda: ReadOnlyError(store.data_dir, saving=True)
    return store


def is_read_only(store: Store) -> bool:
    """Whether ``store`` was opened by :func:`open_read_only`."""
    return store.storage.write_refusal is not None
