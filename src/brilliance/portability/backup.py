"""The full JSON backup: the data file's own format, so it re-imports to the same data."""

from __future__ import annotations

from brilliance.store.storage import serialize
from brilliance.store.store import Store


def export_backup(store: Store) -> bytes:
    """Everything in the store, as the data file would hold it."""
    return serialize(store.storage.read())
