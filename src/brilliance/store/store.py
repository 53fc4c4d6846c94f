"""The data file: opened once, held in memory, saved atomically after every change."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from pydantic import ValidationError
from tinydb import TinyDB

from brilliance.domain.clock import Clock, SystemClock
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
from brilliance.store.backups import (
    daily_backup,
    named_backup,
    newest_backup,
    remove_stale_temporaries,
)
from brilliance.store.errors import (
    AlreadyOpenError,
    DamagedFileError,
    NewerSchemaError,
    StoreError,
)
from brilliance.store.inbox import empty_inbox, has_notes, inbox_lock, read_inbox, set_aside
from brilliance.store.paths import (
    DATA_FILE_NAME,
    LOCK_FILE_NAME,
    ensure_data_dir,
)
from brilliance.store.repositories import (
    EventRepository,
    FollowUpRepository,
    JournalRepository,
    MeetingRepository,
    PeopleRepository,
    Repository,
    StrIdTable,
    doc_id,
)
from brilliance.store.storage import AtomicJSONStorage, Tables, atomic_write, serialize

LOCK_WAIT_SECONDS = 0.5

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
KNOWN_TABLES = {*ENTITY_TABLES, META_TABLE, PROFILE_TABLE}


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
    return {META_TABLE: {META_ID: {"version": SCHEMA_VERSION}}}


def parse_file(path: Path) -> Tables:
    """Read and structurally check a data file. Raises DamagedFileError, never changes the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DamagedFileError(path, f"it cannot be read ({exc.strerror})", None) from exc
    return parse_bytes(path, raw)


def parse_bytes(path: Path, raw: bytes) -> Tables:
    """Structurally check the bytes of a data file (or backup) named ``path``."""
    data_dir = path.parent
    try:
        with collector_paused():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(
            path, f"it is not valid JSON ({exc})", newest_backup(data_dir)
        ) from exc
    if not isinstance(data, dict):
        raise DamagedFileError(
            path,
            "it holds JSON, but not a Brilliance data file (expected an object of tables)",
            newest_backup(data_dir),
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            raise DamagedFileError(
                path, f"table {name!r} is not an object of records", newest_backup(data_dir)
            )
    return data


def schema_version(path: Path, tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        if any(tables.get(name) for name in ENTITY_TABLES):
            raise DamagedFileError(
                path, "it has records but no schema version", newest_backup(path.parent)
            )
        return SCHEMA_VERSION
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DamagedFileError(
            path, f"its schema version {version!r} is not valid", newest_backup(path.parent)
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


def _validate_tables(path: Path, tables: Tables) -> Loaded:
    loaded = Loaded(tables=tables)
    problems: list[str] = []
    for name, model in ENTITY_TABLES.items():
        models: dict[str, Any] = {}
        for record_id, record in tables.get(name, {}).items():
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
            path, f"some records are not valid: {shown}{more}", newest_backup(path.parent)
        )
    return loaded


def load_file(path: Path) -> Loaded:
    """Parse, version-check and validate a data file, or an empty one if it does not exist.

    An older file is upgraded in memory (``Loaded.migrated_from`` says from which version);
    the caller backs it up and writes the upgrade.
    """
    if not path.exists():
        return Loaded(tables=empty_tables())
    with collector_paused():
        return load_tables(path, parse_file(path))


def load_tables(path: Path, tables: Tables) -> Loaded:
    """Version-check, upgrade if older, and validate parsed tables (named ``path``)."""
    version = schema_version(path, tables)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    migrated_from = None
    if version < SCHEMA_VERSION:
        try:
            tables = migrations.upgrade(tables, version, SCHEMA_VERSION)
        except migrations.NoMigrationError as exc:
            raise DamagedFileError(path, str(exc), newest_backup(path.parent)) from exc
        migrated_from = version
    tables.setdefault(META_TABLE, {})[META_ID] = {"version": SCHEMA_VERSION}
    loaded = validate_tables(path, tables)
    loaded.migrated_from = migrated_from
    return loaded


class DataLock:
    """An exclusive lock on a data folder, holding the owner's pid for a friendly message."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self._lock = FileLock(self.path, mode=0o600, on_acquired=self._write_pid)

    @staticmethod
    def _write_pid(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())

    def holder_pid(self) -> int | None:
        try:
            return int(self.path.read_text().strip() or 0) or None
        except (OSError, ValueError):
            return None

    def acquire(self, wait: float = LOCK_WAIT_SECONDS) -> None:
        try:
            self._lock.acquire(timeout=wait)
        except Timeout as exc:
            raise AlreadyOpenError(self.data_dir, self.holder_pid()) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()


class Store:
    """Everything in one data file, in memory, with a repository per kind of record.

    Open it with :meth:`open`; close it (or use it as a context manager) to release the lock.
    """

    def __init__(
        self,
        data_dir: Path,
        loaded: Loaded,
        clock: Clock,
        lock: DataLock | None,
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DATA_FILE_NAME
        self.clock = clock
        self._lock = lock
        self.revision = 0
        """Grows with every change, so screens can tell whether to refresh."""
        self.dirty: set[tuple[str, str]] = set()
        """Records changed in memory since the last successful save: (table, id)."""
        self.storage = AtomicJSONStorage(
            self.path, loaded.tables, self._before_write, self.dirty.clear
        )
        self.db = TinyDB(storage=self._storage_factory)
        self.db.table_class = StrIdTable
        self._profile = loaded.profile
        self.people = PeopleRepository(self._table("people"), {}, clock, self._changed)
        self.meetings = MeetingRepository(self._table("meetings"), {}, clock, self._changed)
        self.followups = FollowUpRepository(self._table("followups"), {}, clock, self._changed)
        self.events = EventRepository(self._table("events"), {}, clock, self._changed)
        self.journal = JournalRepository(self._table("journal"), {}, clock, self._changed)
        self._adopt(loaded)

    def _table(self, name: str) -> Any:
        return self.db.table(name)

    def _adopt(self, loaded: Loaded) -> None:
        """Take the records of ``loaded`` as the repositories' contents."""
        for name, repository in self.repositories().items():
            repository.replace_items(loaded.items.get(name, {}))
        self._profile = loaded.profile

    def _storage_factory(self) -> AtomicJSONStorage:
        return self.storage

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        lock: bool = True,
        for_the_process: bool = False,
    ) -> Store:
        """Open (creating if needed) the data file in ``data_dir``.

        Raises AlreadyOpenError, DamagedFileError or NewerSchemaError; none of them touches
        the file. ``lock=False`` is for read-only use (printing, exporting, checking).
        ``for_the_process=True`` says the store is kept until the process ends (the app, a
        command): its records are then frozen out of the garbage collector's walks (see
        :func:`collector_paused`). Tests and other short uses leave it False.
        """
        data_dir = data_dir.expanduser()
        ensure_data_dir(data_dir)
        data_lock = DataLock(data_dir) if lock else None
        if data_lock is not None:
            data_lock.acquire()
        path = data_dir / DATA_FILE_NAME
        try:
            if data_lock is not None:
                remove_stale_temporaries(data_dir)
            with collector_paused(freeze=for_the_process):
                loaded = load_file(path)
                if loaded.migrated_from is not None and data_lock is not None:
                    # Keep the old file as it was, then write the upgraded one.
                    named_backup(path, f"v{loaded.migrated_from}", (clock or SystemClock()).now())
                store = cls(data_dir, loaded, clock or SystemClock(), data_lock)
        except BaseException:
            if data_lock is not None:
                data_lock.release()
            raise
        if loaded.migrated_from is not None and data_lock is not None:
            store.storage.replace_all(store.storage.read())
            store.flush()
        # A failure here (a full disk, the inbox lock busy) keeps the notes in the inbox:
        # the next start, or the app's next look at the inbox, merges them.
        with contextlib.suppress(StoreError, OSError):
            store.merge_inbox(persist=data_lock is not None)
        return store

    def merge_inbox(self, *, persist: bool = True) -> int:
        """Bring notes left by ``brilliance note`` into the journal. Returns how many.

        With ``persist`` (the folder's lock held) they are saved in one write and the inbox
        is emptied only after that write worked; otherwise (a read-only view) they are only
        added in memory. Lines that are not valid notes are set aside, never dropped.
        """
        if not has_notes(self.data_dir):
            return 0
        with inbox_lock(self.data_dir):
            contents = read_inbox(self.data_dir)
            fresh: list[JournalEntry] = []
            bad = list(contents.bad_lines)
            for record in contents.records:
                try:
                    entry = JournalEntry.model_validate(record)
                except ValidationError:
                    bad.append(orjson.dumps(record))
                    continue
                if entry.id not in self.journal and all(e.id != entry.id for e in fresh):
                    fresh.append(entry)
            if not persist:
                with self.storage.held():
                    self.journal.save_many(fresh)
                return len(fresh)
            if fresh:
                self.journal.save_many(fresh)  # raises SaveError: the inbox is kept
            if bad:
                set_aside(self.data_dir, bad)
            empty_inbox(self.data_dir)
        return len(fresh)

    def close(self) -> None:
        """Release the folder lock. Every change has already been written."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _changed(self, table: str = "", record_id: str = "") -> None:
        self.revision += 1
        if table:
            self.dirty.add((table, record_id))
            self.storage.forget(table, record_id)

    def _before_write(self) -> None:
        daily_backup(self.path, self.clock.today())

    # -- saving ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make several changes with a single write of the file at the end."""
        with self.storage.batch():
            yield

    @property
    def unsaved(self) -> bool:
        """True when a save failed and memory holds changes the file lacks."""
        return self.storage.unsaved

    def flush(self, *, overwrite: bool = False) -> None:
        """Retry writing changes held in memory after a failed save.

        ``overwrite`` replaces the file even if it changed on disk (the user chose to).
        """
        self.storage.flush(overwrite=overwrite)

    # -- living with sync tools -----------------------------------------------------------

    def reload_and_reapply(self) -> int:
        """Load the file as it is on disk now, put my unsaved changes on top, and save.

        Each record changed here since the last save wins over the disk's version of that
        record (a deleted one stays deleted); every other record comes from the disk.
        Returns how many of my changes were re-applied.
        """
        disk = load_file(self.path)
        mine = self.storage.read()
        merged = disk.tables
        for table, record_id in self.dirty:
            mine_table = mine.get(table, {})
            if record_id in mine_table:
                merged.setdefault(table, {})[record_id] = mine_table[record_id]
            else:
                merged.get(table, {}).pop(record_id, None)
        loaded = validate_tables(self.path, merged)
        reapplied = len(self.dirty)
        self.storage.replace_all(merged)
        self._adopt(loaded)
        self.revision += 1
        self.flush(overwrite=True)
        return reapplied

    def rescue_copy(self) -> Path:
        """Write what is in memory somewhere, anywhere, when the data file can't be written.

        Tried in the data folder first, then the system's temporary folder. Raises OSError
        only if both refuse.
        """
        import tempfile

        name = f"brilliance-unsaved-{self.clock.now():%Y-%m-%d-%H%M%S}.json"
        data = serialize(self.storage.read())
        try:
            atomic_write(self.data_dir / name, data)
            return self.data_dir / name
        except OSError:
            fallback = Path(tempfile.gettempdir()) / name
            atomic_write(fallback, data)
            return fallback

    def save_copy_and_reload(self) -> Path:
        """Write my version to a copy beside the file, then load the file from disk."""
        copy = self.data_dir / f"brilliance-mine-{self.clock.now():%Y-%m-%d-%H%M%S}.json"
        atomic_write(copy, serialize(self.storage.read()))
        disk = load_file(self.path)
        self.storage.adopt_disk(disk.tables)
        self._adopt(disk)
        self.dirty.clear()
        self.revision += 1
        return copy

    # -- the profile ----------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._profile

    def save_profile(self, profile: Profile) -> Profile:
        self._profile = profile
        self._changed(PROFILE_TABLE, PROFILE_ID)
        record = profile.model_dump(mode="json")

        def put(table: dict[int, Any]) -> None:
            table[doc_id(PROFILE_ID)] = record

        self.db.table(PROFILE_TABLE)._update_table(put)
        return profile

    # -- operations across kinds ----------------------------------------------------------

    def repositories(self) -> dict[str, Repository[Any]]:
        return {
            "people": self.people,
            "meetings": self.meetings,
            "followups": self.followups,
            "events": self.events,
            "journal": self.journal,
        }

    def delete_person(self, person_id: str) -> Removal:
        """Delete a person with their meetings and follow-ups, in one write. Undo with
        :meth:`restore`. Journal entries that mention them are kept as written."""
        person = self.people.require(person_id)
        meetings = self.meetings.for_person(person_id)
        followups = self.followups.for_person(person_id)
        with self.batch():
            self.meetings.delete_many(m.id for m in meetings)
            self.followups.delete_many(f.id for f in followups)
            self.people.delete(person_id)
        return Removal(person=person, meetings=meetings, followups=followups)

    def restore(self, removal: Removal) -> Person:
        """Put back what :meth:`delete_person` removed, exactly as it was."""
        with self.batch():
            self.people.save_many([removal.person])
            self.meetings.save_many(removal.meetings)
            self.followups.save_many(removal.followups)
        return removal.person


@dataclass(frozen=True)
class Removal:
    """Everything removed with a person, kept for undo."""

    person: Person
    meetings: list[Meeting]
    followups: list[FollowUp]
