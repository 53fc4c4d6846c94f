"""The data file's format: parsing, version checks, migrations and validation.

Pure functions over bytes and parsed tables, shared by the store (at open), doctor, restore and
import. None of them ever writes a file.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from brilliance.domain.errors import field_errors
from brilliance.domain.models import (
    SCHEMA_VERSION,
    VALID_UTF8,
    Entity,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    Person,
    Profile,
)
from brilliance.store import migrations
from brilliance.store.backups import suggest_backup
from brilliance.store.codec import PLAIN, Codec
from brilliance.store.errors import DamagedFileError, NewerSchemaError
from brilliance.store.merge import TOMBSTONE_TABLE
from brilliance.store.storage import Tables

META_TABLE = "meta"
META_ID = "schema"
PROFILE_TABLE = "profile"
PROFILE_ID = "me"

ENTITY_TABLES: dict[str, type[Entity]] = {
    "people": Person,
    "meetings": Meeting,
    "followups": FollowUp,
    "events": Event,
    "journal": JournalEntry,
}
KNOWN_TABLES = {*ENTITY_TABLES, META_TABLE, PROFILE_TABLE, TOMBSTONE_TABLE}


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file's records are built.

    Loading ten years creates about a million objects and none of them is garbage, yet the
    collector would walk the growing heap again and again: half the load time, and loads
    growing faster than the file (25x the time for 10x the data). Reference counting still
    frees what is dropped.

    ``freeze`` then moves everything alive out of the collector's sight for good
    (``gc.freeze``), for a process that keeps the records until it ends: otherwise every
    full collection walks them again (60 ms at ten years, felt as a stutter in the TUI), the
    first one straight after loading.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if paused:
            gc.enable()


FROM_JSON = {VALID_UTF8: True}
"""Validation context for records parsed from JSON: orjson refuses lone surrogates, so there
is nothing to scrub."""


def empty_tables() -> Tables:
    return {META_TABLE: {META_ID: {"version": SCHEMA_VERSION}}, TOMBSTONE_TABLE: {}}


def parse_file(path: Path, codec: Codec = PLAIN) -> Tables:
    """Read and structurally check a data file. Raises DamagedFileError, never changes the file.

    An encrypted file is opened with ``codec`` (which raises an EncryptionError, a StoreError,
    for a wrong passphrase or a damaged file).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DamagedFileError(path, f"it cannot be read ({exc.strerror})", None) from exc
    return parse_bytes(path, codec.decode(raw, str(path)))


def parse_bytes(path: Path, raw: bytes) -> Tables:
    """Structurally check the bytes of a data file (or backup) named ``path``."""
    data_dir = path.parent
    try:
        with collector_paused():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(
            path, f"it is not valid JSON ({exc})", suggest_backup(data_dir)
        ) from exc
    if not isinstance(data, dict):
        raise DamagedFileError(
            path,
            "it holds JSON, but not a Brilliance data file (expected an object of tables)",
            suggest_backup(data_dir),
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise DamagedFileError(
                path, f"table {name!r} is not an object of records", suggest_backup(data_dir)
            )
    return data


def schema_version(path: Path, tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        if any(tables.get(name) for name in ENTITY_TABLES):
            raise DamagedFileError(
                path, "it has records but no schema version", suggest_backup(path.parent)
            )
        return SCHEMA_VERSION
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DamagedFileError(
            path, f"its schema version {version!r} is not valid", suggest_backup(path.parent)
        )
    return version


@dataclass
class Loaded:
    """The validated content of a data file."""

    tables: Tables
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    profile: Profile = field(default_factory=Profile)
    migrated_from: int | None = None


def validate_tables(path: Path, tables: Tables) -> Loaded:
    """Validate every record into its model. Raises DamagedFileError naming the first problems.

    ``tables`` hold records parsed from JSON or dumped from models, whose text is valid UTF-8.
    """
    with collector_paused():
        return _validate_tables(path, tables)


class Sharing:
    """What loaded records hold alike, held once (issue 19, memory): each model's
    ``model_fields_set``, and nested records and models that hold nothing.

    One ``model_fields_set`` per distinct set of field names, shared by the models that
    have it: pydantic gives every model its own set of the fields its input named: for ten years'
    8,650 records and their nested models, 8 MiB of sets (a set of 5 to 18 names takes 728
    bytes, of 19 or more 2,264), nearly all equal. Records are frozen, so pydantic never adds
    to a model's set in place (assignment raises first; ``model_copy`` copies the set before
    adding the updated names), and nothing of ours reads or changes it: sharing one set among
    equal ones changes nothing but memory. Equality of models ignores the set.

    An empty prep sheet is in each of ten years' 3,000 meetings, as a nested record in the
    file's tables and as a model: one of each serves them all (1.9 MiB). Records are
    replaced, never changed in place, and models are frozen.

    It costs the load some 15-20 ms at ten years (of about 100 ms validating), in the
    background thread of a start from Today's summary (app_start).
    """

    def __init__(self) -> None:
        self._by_names: dict[frozenset[str], set[str]] = {}
        self._last: dict[type[BaseModel], set[str]] = {}
        """The set shared last for each model: most records of a kind name the same fields."""
        self._empty: dict[tuple[type[BaseModel], frozenset[str]], BaseModel] = {}
        """One nested model holding nothing (an empty prep sheet) per kind and set of names."""
        self._empty_records: dict[bytes, dict[str, Any]] = {}
        """The same for the file's records: one nested record holding nothing per content."""

    def share_record(self, model: type[BaseModel], record_id: str, record: dict[str, Any]) -> None:
        """Before validating ``record``: its nested records that hold nothing (an empty prep
        sheet, in every meeting) become one shared record (records are replaced, never
        changed in place; see ``storage.LineCache``). Its id, and its ``updated_at`` when
        equal to ``created_at`` (a record never edited), become the same string as the
        table's key and its ``created_at`` (0.8 MiB at ten years)."""
        if record.get("id") == record_id:
            record["id"] = record_id
        created = record.get("created_at")
        if created is not None and record.get("updated_at") == created:
            record["updated_at"] = created
        for name in _nested_fields(model):
            value = record.get(name)
            if type(value) is dict and value and not any(value.values()):
                record[name] = self._empty_records.setdefault(orjson.dumps(value), value)

    def share(self, model: type[BaseModel], items: Iterable[BaseModel]) -> None:
        """Give ``items`` (all of type ``model``), and the models nested in them, the shared
        set equal to theirs. (One tight loop per table: it runs at every start.)"""
        nested = _nested_fields(model)
        last = self._last.get(model)
        named = self._by_names.setdefault
        setattr_ = object.__setattr__
        for item in items:
            own = item.__pydantic_fields_set__
            if last is None or own != last:
                last = named(frozenset(own), own)
            if own is not last:
                setattr_(item, "__pydantic_fields_set__", last)
            if nested:
                self._share_nested(item, nested)
        if last is not None:
            self._last[model] = last

    def _share_nested(self, item: BaseModel, nested: tuple[str, ...]) -> None:
        fields = item.__dict__
        for name in nested:
            value = fields[name]
            if not value:
                continue
            if type(value) is list:
                self.share(type(value[0]), value)
            elif type(value) is dict:
                for one in value.values():
                    self.share(type(one), (one,))
            elif any(value.__dict__.values()):
                self.share(type(value), (value,))
            else:  # holds nothing: one such model for all (frozen, so never changed)
                key = (type(value), frozenset(value.__pydantic_fields_set__))
                fields[name] = self._empty.setdefault(key, value)


@functools.cache
def _nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold models (alone, in a list, or None)."""

    def holds_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_model(arg) for arg in typing.get_args(annotation))

    return tuple(name for name, info in model.model_fields.items() if holds_model(info.annotation))


def _validate_tables(path: Path, tables: Tables) -> Loaded:
    loaded = Loaded(tables=tables)
    problems: list[str] = []
    shared = Sharing()
    for name, model in ENTITY_TABLES.items():
        models: dict[str, Any] = {}
        for record_id, record in tables.get(name, {}).items():
            shared.share_record(model, record_id, record)
            try:
                item = model.model_validate(record, context=FROM_JSON)
            except ValidationError as exc:
                detail = "; ".join(f"{k}: {v}" for k, v in field_errors(exc).items())
                problems.append(f"{name} record {record_id!r}: {detail}")
                continue
            if item.id != record_id:
                problems.append(f"{name} record {record_id!r} carries another id {item.id!r}")
                continue
            models[record_id] = item
        shared.share(model, models.values())
        loaded.items[name] = models
    profile_record = tables.get(PROFILE_TABLE, {}).get(PROFILE_ID)
    if profile_record is not None:
        try:
            loaded.profile = Profile.model_validate(profile_record, context=FROM_JSON)
        except ValidationError as exc:
            problems.append(f"profile: {'; '.join(field_errors(exc).values())}")
    if problems:
        shown = "; ".join(problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise DamagedFileError(
            path, f"some records are not valid: {shown}{more}", suggest_backup(path.parent)
        )
    return loaded


def load_file(path: Path, codec: Codec = PLAIN) -> Loaded:
    """Parse, version-check and validate a data file, or an empty one if it does not exist.

    An older file is upgraded in memory (``Loaded.migrated_from`` says from which version);
    the caller backs it up and writes the upgrade.
    """
    if not path.exists():
        return Loaded(tables=empty_tables())
    with collector_paused():
        return load_tables(path, parse_file(path, codec))


def upgrade_tables(path: Path, tables: Tables) -> tuple[Tables, int | None]:
    """Version-check parsed tables (named ``path``) and upgrade them if older, without
    validating records. Returns the tables and the version upgraded from (None if current).
    Raises NewerSchemaError or DamagedFileError."""
    version = schema_version(path, tables)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    migrated_from = None
    if version < SCHEMA_VERSION:
        try:
            tables = migrations.upgrade(tables, version, SCHEMA_VERSION)
        except migrations.NoMigrationError as exc:
            raise DamagedFileError(path, str(exc), suggest_backup(path.parent)) from exc
        migrated_from = version
    tables.setdefault(META_TABLE, {})[META_ID] = {"version": SCHEMA_VERSION}
    return tables, migrated_from


def load_tables(path: Path, tables: Tables) -> Loaded:
    """Version-check, upgrade if older, and validate parsed tables (named ``path``)."""
    tables, migrated_from = upgrade_tables(path, tables)
    loaded = validate_tables(path, tables)
    loaded.migrated_from = migrated_from
    return loaded
