"""Upgrading data files written by older versions of Brilliance.

Each entry of ``MIGRATIONS`` upgrades a file's tables from version ``n`` to ``n + 1``. The
store backs the file up before applying them and writes the upgraded file straight away.
Version 1 is the first format, so there is nothing to upgrade yet; the first change to the
format adds ``MIGRATIONS[1]`` and bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]

MIGRATIONS: dict[int, Migration] = {}


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
