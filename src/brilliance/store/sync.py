"""Bringing another copy of the data into an open store, through the one merge.

Used when the data file changed on disk (a sync tool, another device), for conflict copies
left by sync tools, and for ``brilliance merge FILE``. Only the records the merge changed are
validated into models, so merging two ten-year files costs a parse, not a full load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from brilliance.domain.errors import field_errors
from brilliance.domain.models import Profile
from brilliance.store.codec import PLAIN, Codec
from brilliance.store.errors import ConflictError, DamagedFileError, SaveError, StoreError
from brilliance.store.fileformat import (
    ENTITY_TABLES,
    FROM_JSON,
    PROFILE_ID,
    PROFILE_TABLE,
    parse_file,
    upgrade_tables,
)
from brilliance.store.merge import TOMBSTONE_TABLE, Merged, Tables, merge, newest_stamps
from brilliance.store.paths import ensure_data_dir
from brilliance.store.stamps import stamp_of
from brilliance.store.storage import file_stamp

if TYPE_CHECKING:
    from brilliance.store.store import Store


def read_copy(path: Path, codec: Codec = PLAIN) -> Tables:
    """Parse and upgrade another copy of the data file; records are checked when merged.

    An encrypted copy is opened with ``codec`` (a keyring also reads plain copies). Raises
    DamagedFileError, NewerSchemaError or an EncryptionError (nothing is changed).
    """
    tables, _ = upgrade_tables(path, parse_file(path, codec))
    return tables


def _validated(source: Path, merged: Merged) -> dict[tuple[str, str], Any]:
    """Models for the records the merge brought in; DamagedFileError if any is not valid."""
    models: dict[tuple[str, str], Any] = {}
    problems: list[str] = []
    for table, record_id in merged.added + merged.updated:
        record = merged.tables[table][record_id]
        try:
            if table == PROFILE_TABLE and record_id == PROFILE_ID:
                models[table, record_id] = Profile.model_validate(record, context=FROM_JSON)
            elif table in ENTITY_TABLES:
                item = ENTITY_TABLES[table].model_validate(record, context=FROM_JSON)
                if item.id != record_id:
                    problems.append(f"{table} record {record_id!r} carries another id {item.id!r}")
                models[table, record_id] = item
        except ValidationError as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in field_errors(exc).items())
            problems.append(f"{table} record {record_id!r}: {detail}")
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise DamagedFileError(
            source, f"some records are not valid: {'; '.join(problems[:3])}{more}"
        )
    return models


def merge_into(store: Store, theirs: Tables, source: Path) -> Merged:
    """Merge ``theirs`` into the store's memory (not yet written). Returns what changed.

    Raises DamagedFileError (memory untouched) when a record it would bring in is not valid.
    """
    merged = merge(store.storage.read(), theirs)
    models = _validated(source, merged)
    # Every later change here must be newer than what came in (what lost was older anyway).
    tombstones = merged.tables.get(TOMBSTONE_TABLE, {})
    store.hlc.observe_all(
        stamp_of(merged.tables[table][record_id])
        for table, record_id in merged.added + merged.updated
    )
    store.hlc.observe(newest_stamps({TOMBSTONE_TABLE: tombstones}))
    if not merged.news_for_mine:
        return merged
    store.storage.replace_all(merged.tables, unsaved=False)
    repositories = store.repositories()
    for key in merged.changed:
        table, record_id = key
        if table == PROFILE_TABLE:
            store.adopt_profile(models.get(key, Profile()))
        elif table in repositories:
            repositories[table].adopt(record_id, models.get(key))
    if merged.changed:
        store.revision += 1
    return merged


def reconcile(store: Store) -> None:
    """The store's file on disk is not the version last read or written: merge it in.

    A missing file is "nothing new from disk": everything held is written back at the save
    that follows. Raises ConflictError (memory and file untouched) when the disk's version
    cannot be merged (damaged, from a newer Brilliance, or not opened by the passphrase).
    """
    seen = file_stamp(store.path)
    if seen is None:
        ensure_data_dir(store.data_dir)
        store.storage.stamp = None
        store.storage.mark_unsaved()
        store.notice(
            f"The data file {store.path} had disappeared (a sync tool, or the folder "
            "moved?); everything Brilliance holds was written back to it."
        )
        return
    try:
        merged = merge_into(store, read_copy(store.path, store.codec), store.path)
    except SaveError:
        raise
    except StoreError as exc:
        raise ConflictError(store.path, str(exc).splitlines()[0]) from exc
    store.storage.stamp = seen
    if merged.news_for_theirs:
        store.storage.mark_unsaved()
    if merged.changed:
        store.notice(f"Changes from another copy of your data came in: {merged.summary()}.")


def describe(merged: Merged) -> str:
    """What a merge brought, in a few words."""
    return merged.summary() if merged.changed else "nothing new"
