"""The one merge of two copies of the data: pure, record by record, newest stamp wins.

Every record (in every table, the profile and the file's meta record alike) and every tombstone
is a *version* of one key ``(table, id)``. Versions are totally ordered: by stamp, then a
tombstone before a record of the same stamp, then by the record's canonical JSON. The merge
keeps the greatest version of each key. Taking a maximum per key is commutative, associative
and idempotent, and a copy merged with an older copy of itself (whose every version is older or
the same) stays as it is. A key that one copy lacks is simply not a version there: the absence
of a record never means it was deleted; only a tombstone does.

Tombstones live in their own table, keyed ``"<table>/<id>"``, each ``{"_stamp": ...}``. They
are kept for ``TOMBSTONE_DAYS`` so every device sees them, then dropped by :func:`compact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from brilliance.store.stamps import STAMP_KEY, ZERO_STAMP, stamp_millis, stamp_of

Tables = dict[str, dict[str, Any]]

TOMBSTONE_TABLE = "tombstones"
TOMBSTONE_DAYS = 180
"""How long a deletion is remembered: long enough for every device to have synced."""

UNCOUNTED_TABLES = frozenset({"meta", TOMBSTONE_TABLE})
"""Tables whose changes are not news to the user (not counted in a merge's report)."""

_DAY_MS = 86_400_000


def tombstone_key(table: str, record_id: str) -> str:
    return f"{table}/{record_id}"


def split_tombstone_key(key: str) -> tuple[str, str]:
    table, _, record_id = key.partition("/")
    return table, record_id


def _canonical(record: Any) -> bytes:
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


def _same_content(record: Any, other: Any) -> bool:
    """Equal fields, stamps aside."""
    if not (isinstance(record, dict) and isinstance(other, dict)):
        return bool(record == other)
    return {k: v for k, v in record.items() if k != STAMP_KEY} == {
        k: v for k, v in other.items() if k != STAMP_KEY
    }


@dataclass
class Merged:
    """The result of merging ``theirs`` into ``mine``, and what it changed in ``mine``."""

    tables: Tables
    added: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)
    news_for_theirs: bool = False
    """The result holds something ``theirs`` lacks (so a file holding ``theirs`` needs writing)."""
    news_for_mine: bool = False
    """The result differs from ``mine`` at all, counted or not (a tombstone, the meta record)."""

    @property
    def changed(self) -> list[tuple[str, str]]:
        return self.added + self.updated + self.deleted

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.updated)} updated, {len(self.deleted)} deleted"


def merge(mine: Tables, theirs: Tables) -> Merged:
    """Merge two copies; the report says what changed relative to ``mine``.

    Neither argument is changed. Records are shared (not copied) with the inputs: records are
    never changed in place.
    """
    tombs_a = mine.get(TOMBSTONE_TABLE, {})
    tombs_b = theirs.get(TOMBSTONE_TABLE, {})
    tombed = _tombstoned_ids(tombs_a, tombs_b)
    out_tombs: dict[str, Any] = {}
    result = Merged(tables={})
    for name in (set(mine) | set(theirs)) - {TOMBSTONE_TABLE}:
        table_a = mine.get(name, {})
        table_b = theirs.get(name, {})
        counted = name not in UNCOUNTED_TABLES
        if table_a is table_b:
            result.tables[name] = table_a
            continue
        out: dict[str, Any] = {}
        dead = tombed.get(name, ())
        for record_id in table_a.keys() | table_b.keys():
            a = table_a.get(record_id)
            b = table_b.get(record_id)
            if a is None or b is None:
                winner = a if a is not None else b
                same_version = False
            elif a is b or (a.get(STAMP_KEY) == b.get(STAMP_KEY) and a == b):
                # The common case by far: the same version, read from two files.
                winner, same_version = a, True
                if record_id not in dead:
                    out[record_id] = a
                    continue
            else:
                stamp_a, stamp_b = stamp_of(a), stamp_of(b)
                # Copies parsed from two files share no objects: most records are equal.
                same_version = stamp_a == stamp_b and a == b
                if same_version:
                    winner = a
                elif stamp_a != stamp_b:
                    winner = a if stamp_a > stamp_b else b
                else:
                    winner = a if _canonical(a) > _canonical(b) else b
            key = tombstone_key(name, record_id)
            tomb = _newest_tomb(tombs_a.get(key), tombs_b.get(key)) if record_id in dead else None
            if tomb is not None and stamp_of(tomb) >= stamp_of(winner):
                out_tombs[key] = tomb
                if b is not None or tombs_b.get(key) != tomb:
                    result.news_for_theirs = True
                if a is not None or tombs_a.get(key) != tomb:
                    result.news_for_mine = True
                if a is not None and counted:
                    result.deleted.append((name, record_id))
                continue
            out[record_id] = winner
            if same_version:
                continue
            if winner is a:
                result.news_for_theirs = True
                continue
            result.news_for_mine = True
            if counted:
                if a is None:
                    result.added.append((name, record_id))
                elif not _same_content(a, winner):
                    result.updated.append((name, record_id))
        result.tables[name] = out
    for key in tombs_a.keys() | tombs_b.keys():
        if key in out_tombs:
            continue
        table, record_id = split_tombstone_key(key)
        if record_id in result.tables.get(table, {}):
            continue  # a newer record beat the tombstone
        tomb = _newest_tomb(tombs_a.get(key), tombs_b.get(key))
        out_tombs[key] = tomb
        if tombs_b.get(key) != tomb:
            result.news_for_theirs = True
        if tombs_a.get(key) != tomb:
            result.news_for_mine = True
    if out_tombs or TOMBSTONE_TABLE in mine or TOMBSTONE_TABLE in theirs:
        result.tables[TOMBSTONE_TABLE] = out_tombs
    return result


def _tombstoned_ids(*tombstones: dict[str, Any]) -> dict[str, set[str]]:
    """The ids that have a tombstone, by table."""
    ids: dict[str, set[str]] = {}
    for tombs in tombstones:
        for key in tombs:
            table, record_id = split_tombstone_key(key)
            ids.setdefault(table, set()).add(record_id)
    return ids


def _newest_tomb(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return a if a is not None else b
    return a if stamp_of(a) >= stamp_of(b) else b


def compact(tables: Tables, now_millis: int, days: int = TOMBSTONE_DAYS) -> int:
    """Drop tombstones older than ``days`` (a new tombstone table in ``tables``); how many."""
    tombs = tables.get(TOMBSTONE_TABLE, {})
    cutoff = now_millis - days * _DAY_MS
    kept = {key: tomb for key, tomb in tombs.items() if stamp_millis(stamp_of(tomb)) >= cutoff}
    dropped = len(tombs) - len(kept)
    if dropped:
        tables[TOMBSTONE_TABLE] = kept
    return dropped


def newest_stamps(tables: Tables) -> str:
    """The newest stamp anywhere in ``tables``: where this device's clock must start from.

    One pass of plain string comparisons (loading ten years pays for it once); the slow,
    checked pass only runs if the greatest string is not a well-formed stamp.
    """
    newest = max(
        (
            stamp
            for table in tables.values()
            for record in table.values()
            if isinstance(stamp := record.get(STAMP_KEY), str)
        ),
        default=ZERO_STAMP,
    )
    if stamp_of({STAMP_KEY: newest}) == newest:
        return newest
    return max(
        (stamp_of(r) for table in tables.values() for r in table.values()), default=ZERO_STAMP
    )
