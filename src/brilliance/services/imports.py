"""Importing a file into the store: planning it, then writing it all at once (no Textual).

``brilliance import`` calls these; an app-side import would call the same functions.
"""

from __future__ import annotations

from pathlib import Path

from brilliance.portability import importers
from brilliance.portability.importers import ImportPlan
from brilliance.store.fileformat import ENTITY_TABLES
from brilliance.store.store import Store


class FolderHasData(Exception):
    """A backup is restored only into an empty folder, unless merging was asked for."""

    def __str__(self) -> str:
        return (
            "this folder already has data. Use --merge to add the backup's records to it, "
            "or import into an empty --data-dir."
        )


def build_plan(kind: str, path: Path, raw: bytes, store: Store) -> ImportPlan:
    """Read ``raw`` (the file at ``path``) as ``kind`` against what the store already holds.

    Raises ``importers.ImportError_`` for a file that cannot be read as that format, and
    UnicodeDecodeError for text that is not UTF-8. Nothing is written.
    """
    if kind == "json":
        return importers.import_backup(path, raw)
    if kind == "ics":
        return importers.import_ics(raw, store.events.all())
    text = raw.decode("utf-8-sig")
    if kind == "vcard":
        return importers.import_vcard(text, store.people.all())
    if kind == "csv":
        return importers.import_csv(text, store.people.all())
    if kind == "jrnl":
        plan = importers.import_jrnl(text, store.people.all())
    else:
        plan = importers.import_journal_markdown(text, store.people.all())
    importers.skip_known_entries(plan, store.journal.all())
    return plan


def apply_plan(store: Store, plan: ImportPlan, *, merge: bool = False) -> None:
    """Write what ``plan`` adds, in one save.

    A backup goes into an empty folder whole (profile included), or with ``merge`` adds only
    the records this folder lacks; raises FolderHasData otherwise. Raises the store's errors
    when the save fails.
    """
    if plan.backup_tables is not None:
        restore_backup(store, plan, merge=merge)
        return
    with store.batch():
        store.people.save_many(plan.people)
        store.journal.save_many(plan.journal)
        store.events.save_many(plan.events)


def restore_backup(store: Store, plan: ImportPlan, *, merge: bool) -> None:
    """Restore a backup into an empty folder, or merge it (new records only) with ``merge``.

    Records already here are noted in ``plan.skipped``; ``plan.records_added`` counts the rest.
    """
    incoming = plan.backup_tables or {}
    has_data = any(len(repository) for repository in store.repositories().values())
    if has_data and not merge:
        raise FolderHasData
    current = store.storage.read()
    merged = {name: dict(table) for name, table in current.items()}
    added = 0
    for name in ENTITY_TABLES:
        for record_id, record in incoming.get(name, {}).items():
            if record_id in merged.get(name, {}):
                plan.skipped.append(f"{name} record {record_id} is already here")
                continue
            merged.setdefault(name, {})[record_id] = record
            added += 1
    if not has_data and "profile" in incoming:
        merged["profile"] = incoming["profile"]
    store.replace_contents(merged)
    plan.records_added = added
