"""The data file: opened once, held in memory, saved atomically after every change."""

from __future__ import annotations

import contextlib
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
    Entity,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    Person,
    Profile,
)
from brilliance.store.errors import AlreadyOpenError, DamagedFileError, NewerSchemaError
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
from brilliance.store.storage import AtomicJSONStorage, Tables

DATA_FILE_NAME = "brilliance.json"
LOCK_FILE_NAME = "brilliance.lock"
BACKUP_DIR_NAME = "backups"
FOLDER_MODE = 0o700
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


def ensure_data_dir(data_dir: Path) -> None:
    """Create the data folder, private to the user (0700), if it does not exist."""
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(data_dir, FOLDER_MODE)  # mkdir's mode is masked by the umask


def newest_backup(data_dir: Path) -> Path | None:
    """The most recent backup copy of the data file, if any."""
    folder = data_dir / BACKUP_DIR_NAME
    if not folder.is_dir():
        return None
    backups = sorted(folder.glob("*.json"))
    return backups[-1] if backups else None


def empty_tables() -> Tables:
    return {META_TABLE: {META_ID: {"version": SCHEMA_VERSION}}}


def parse_file(path: Path) -> Tables:
    """Read and structurally check a data file. Raises DamagedFileError, never changes the file."""
    data_dir = path.parent
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DamagedFileError(path, f"it cannot be read ({exc.strerror})", None) from exc
    try:
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


def validate_tables(path: Path, tables: Tables) -> Loaded:
    """Validate every record into its model. Raises DamagedFileError naming the first problems."""
    loaded = Loaded(tables=tables)
    problems: list[str] = []
    for name, model in ENTITY_TABLES.items():
        models: dict[str, Any] = {}
        for record_id, record in tables.get(name, {}).items():
            try:
                item = model.model_validate(record)
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
            loaded.profile = Profile.model_validate(profile_record)
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
    """Parse, version-check and validate a data file, or an empty one if it does not exist."""
    if not path.exists():
        return Loaded(tables=empty_tables())
    tables = parse_file(path)
    version = schema_version(path, tables)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    tables.setdefault(META_TABLE, {})[META_ID] = {"version": SCHEMA_VERSION}
    return validate_tables(path, tables)


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
        self.storage = AtomicJSONStorage(self.path, loaded.tables)
        self.db = TinyDB(storage=self._storage_factory)
        self.db.table_class = StrIdTable
        self._profile = loaded.profile
        self.people = PeopleRepository(
            self.db.table("people"), loaded.items.get("people", {}), clock, self._changed
        )
        self.meetings = MeetingRepository(
            self.db.table("meetings"), loaded.items.get("meetings", {}), clock, self._changed
        )
        self.followups = FollowUpRepository(
            self.db.table("followups"), loaded.items.get("followups", {}), clock, self._changed
        )
        self.events = EventRepository(
            self.db.table("events"), loaded.items.get("events", {}), clock, self._changed
        )
        self.journal = JournalRepository(
            self.db.table("journal"), loaded.items.get("journal", {}), clock, self._changed
        )

    def _storage_factory(self) -> AtomicJSONStorage:
        return self.storage

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        lock: bool = True,
    ) -> Store:
        """Open (creating if needed) the data file in ``data_dir``.

        Raises AlreadyOpenError, DamagedFileError or NewerSchemaError; none of them touches
        the file. ``lock=False`` is for read-only use (printing, exporting, checking).
        """
        data_dir = data_dir.expanduser()
        ensure_data_dir(data_dir)
        data_lock = DataLock(data_dir) if lock else None
        if data_lock is not None:
            data_lock.acquire()
        try:
            loaded = load_file(data_dir / DATA_FILE_NAME)
        except BaseException:
            if data_lock is not None:
                data_lock.release()
            raise
        return cls(data_dir, loaded, clock or SystemClock(), data_lock)

    def close(self) -> None:
        """Release the folder lock. Every change has already been written."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _changed(self) -> None:
        self.revision += 1

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

    def flush(self) -> None:
        """Retry writing changes held in memory after a failed save."""
        self.storage.flush()

    # -- the profile ----------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._profile

    def save_profile(self, profile: Profile) -> Profile:
        self._profile = profile
        self._changed()
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
