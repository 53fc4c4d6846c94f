"""Upgrading data files written by older versions of Brilliance.

Each entry of ``MIGRATIONS`` upgrades a file's tables from version ``n`` to ``n + 1``. The
store backs the file up before applying them and writes the upgraded file straight away.

Version 2 gives every record a change stamp (``stamps.migration_stamp``) and adds the
tombstone table, so that copies of the file can be merged (``merge``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from brilliance.store.merge import TOMBSTONE_TABLE
from brilliance.store.stamps import STAMP_KEY, migration_stamp

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]


def add_stamps(tables: Tables) -> Tables:
    """Version 1 to 2: a stamp on every record, derived from the record itself, and an empty
    tombstone table. Records that already carry a stamp keep it."""
    upgraded: Tables = {}
    for name, table in tables.items():
        if name == "meta":
            upgraded[name] = table
            continue
        upgraded[name] = {
            record_id: record
            if STAMP_KEY in record
            else {**record, STAMP_KEY: migration_stamp(record)}
            for record_id, record in table.items()
        }
    upgraded.setdefault(TOMBSTONE_TABLE, {})
    return upgraded


MIGRATIONS: dict[int, Migration] = {1: add_stamps}


class NoMigrationError(Exception):
    """There is no way from a file's version to the current one."""


def upgrade(tables: Tables, found: int, target: int) -> Tables:
    """Apply every migration from ``found`` up to ``target``, in order."""
    for version in range(found, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise NoMigrationError(f"no upgrade from file format {version} to {version + 1}")
        tables = step(tables)
    return tables
