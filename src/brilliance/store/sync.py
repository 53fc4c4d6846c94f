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
from brilliance.store.errors import DamagedFileError
from brilliance.store.fileformat import (
    ENTITY_TABLES,
    FROM_JSON,
    PROFILE_ID,
    PROFILE_TABLE,
    parse_bytes,
    upgrade_tables,
)
from brilliance.store.merge import Merged, Tables, merge, newest_stamps

if TYPE_CHECKING:
    from brilliance.store.store import Store


def read_copy(path: Path) -> Tables:
    """Parse and upgrade another copy of the data file; records are checked when merged.

    Raises DamagedFileError or NewerSchemaError (nothing is changed).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DamagedFileError(path, f"it cannot be read ({exc.strerror})") from exc
    tables, _ = upgrade_tables(path, parse_bytes(path, raw))
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
    store.hlc.observe(newest_stamps(theirs))
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


def describe(merged: Merged) -> str:
    """What a merge brought, in a few words."""
    return merged.summary() if merged.changed else "nothing new"
