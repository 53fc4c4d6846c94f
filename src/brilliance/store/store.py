"""The data file: opened once, held in memory, saved atomically after every change."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from brilliance.domain.clock import Clock, SystemClock
from brilliance.domain.models import FollowUp, JournalEntry, Meeting, Person, Profile
from brilliance.domain.text import parse_mentions
from brilliance.store.backups import daily_backup, named_backup, remove_stale_temporaries
from brilliance.store.codec import (
    PLAIN,
    Codec,
    Keyring,
    folder_is_encrypted,
    keep_public_key,
    note_private_key,
    note_unsealer,
)
from brilliance.store.device import device_id
from brilliance.store.errors import StoreError
from brilliance.store.fileformat import (
    PROFILE_ID,
    PROFILE_TABLE,
    Loaded,
    collector_paused,
    load_file,
    validate_tables,
)
from brilliance.store.inbox import empty_inbox, has_notes, inbox_lock, read_inbox, set_aside
from brilliance.store.lock import DataLock
from brilliance.store.merge import compact, newest_stamps
from brilliance.store.paths import DATA_FILE_NAME, ensure_data_dir
from brilliance.store.repositories import (
    EventRepository,
    FollowUpRepository,
    JournalRepository,
    MeetingRepository,
    PeopleRepository,
    Repository,
)
from brilliance.store.stamps import HybridClock, wall_millis
from brilliance.store.storage import AtomicJSONStorage, atomic_write, serialize
from brilliance.store.writer import StampedWriter


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
        codec: Codec = PLAIN,
        device: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.codec = codec
        """Plain, or the session's keyring: everything written for the folder goes through it."""
        self.path = data_dir / DATA_FILE_NAME
        self.clock = clock
        self._lock = lock
        self.revision = 0
        """Grows with every change, so screens can tell whether to refresh."""
        self.dirty: set[tuple[str, str]] = set()
        """Records changed in memory since the last successful save: (table, id)."""
        self.notices: list[str] = []
        """What came in from outside (merges, a vanished file), not yet shown to the user."""
        self._listener: Callable[[str], None] | None = None
        self.hlc = HybridClock(lambda: wall_millis(clock), lambda: device or device_id(data_dir))
        self.storage = AtomicJSONStorage(
            self.path,
            loaded.tables,
            self._before_write,
            self.dirty.clear,
            encode=codec.encode,
            reconcile=self._reconcile,
        )
        self.writer = StampedWriter(self.storage, self.hlc, self._changed)
        self._profile = loaded.profile
        self.people = PeopleRepository("people", {}, clock, self.writer)
        self.meetings = MeetingRepository("meetings", {}, clock, self.writer)
        self.followups = FollowUpRepository("followups", {}, clock, self.writer)
        self.events = EventRepository("events", {}, clock, self.writer)
        self.journal = JournalRepository("journal", {}, clock, self.writer)
        self._adopt(loaded)

    def _adopt(self, loaded: Loaded) -> None:
        """Take the records of ``loaded`` as the repositories' contents."""
        for name, repository in self.repositories().items():
            repository.replace_items(loaded.items.get(name, {}))
        self._profile = loaded.profile
        self.hlc.observe(newest_stamps(loaded.tables))

    def adopt_profile(self, profile: Profile) -> None:
        """Take a profile that a merge brought in (the file's tables already hold it)."""
        self._profile = profile

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        lock: bool = True,
        for_the_process: bool = False,
        keyring: Keyring | None = None,
        device: str | None = None,
        held_lock: DataLock | None = None,
    ) -> Store:
        """Open (creating if needed) the data file in ``data_dir``.

        Raises AlreadyOpenError, DamagedFileError or NewerSchemaError; none of them touches
        the file. ``lock=False`` is for read-only use (printing, exporting, checking).
        ``for_the_process=True`` says the store is kept until the process ends (the app, a
        command): its records are then frozen out of the garbage collector's walks (see
        :func:`collector_paused`). Tests and other short uses leave it False.
        ``keyring`` opens an encrypted data file (without it, PassphraseNeededError); a
        plain file ignores it. ``device`` fixes the device id in change stamps (the
        benchmark's generator, for the same bytes from the same seed); otherwise this folder
        copy's own id is used (``store.device``). ``held_lock``, already acquired on the
        folder, is taken over (the start from Today's summary takes it before its first frame).
        """
        data_dir = data_dir.expanduser()
        ensure_data_dir(data_dir)
        data_lock = held_lock or (DataLock(data_dir) if lock else None)
        if data_lock is not None and held_lock is None:
            data_lock.acquire()
        path = data_dir / DATA_FILE_NAME
        codec: Codec = keyring if keyring is not None and folder_is_encrypted(data_dir) else PLAIN
        try:
            if data_lock is not None:
                remove_stale_temporaries(data_dir)
            with collector_paused(freeze=for_the_process):
                loaded = load_file(path, codec)
                if loaded.migrated_from is not None and data_lock is not None:
                    # Keep the old file as it was, then write the upgraded one.
                    named_backup(path, f"v{loaded.migrated_from}", (clock or SystemClock()).now())
                store = cls(data_dir, loaded, clock or SystemClock(), data_lock, codec, device)
        except BaseException:
            if data_lock is not None:
                data_lock.release()
            raise
        if data_lock is not None:
            tables = store.storage.read()
            if compact(tables, wall_millis(store.clock)) or loaded.migrated_from is not None:
                store.storage.replace_all(tables)
                store.flush()
        if codec.encrypted and data_lock is not None:
            with contextlib.suppress(OSError):  # the next open tries again
                keep_public_key(data_dir, loaded.tables)
        from brilliance.store.copies import merge_conflict_copies

        merge_conflict_copies(store, persist=data_lock is not None)
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
            private = note_private_key(self.storage.read()) if self.codec.encrypted else None
            unseal = note_unsealer(private) if private is not None else None
            contents = read_inbox(self.data_dir, unseal)
            fresh: list[JournalEntry] = []
            bad = list(contents.bad_lines)
            for record in contents.records:
                if record.pop("link_mentions", False):
                    # Sealed without the passphrase, so without the names: link them now.
                    record["people"] = parse_mentions(
                        str(record.get("text", "")), self.people
                    ).people
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
            if self.storage.unsaved:
                # Notes merged by an earlier look whose save failed are in memory only: they
                # leave the inbox once a file holding them is written, not before.
                self.flush()
            if bad:
                set_aside(self.data_dir, bad)
            empty_inbox(self.data_dir)
        return len(fresh)

    def close(self) -> None:
        """Release the folder lock. Every change has already been written; a last look at the
        disk merges an outside change (or writes back a vanished file) as the poll would."""
        if self._lock is not None:
            with contextlib.suppress(StoreError, OSError):
                self.sync_with_disk()
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
        decode = None
        if self.codec.encrypted:

            def decode(raw: bytes) -> bytes:
                return self.codec.decode(raw, str(self.path))

        daily_backup(self.path, self.clock.today(), decode=decode)

    # -- saving ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make several changes with a single write of the file at the end."""
        with self.storage.batch():
            yield

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Make changes in memory only: ``unsaved`` until the next save or :meth:`flush`
        writes them (the app's write-behind, ``brilliance.write_behind``)."""
        with self.storage.held():
            yield

    @property
    def unsaved(self) -> bool:
        """True when a save failed and memory holds changes the file lacks."""
        return self.storage.unsaved

    def flush(self) -> None:
        """Retry writing changes held in memory after a failed save."""
        self.storage.flush()

    # -- living with sync tools -----------------------------------------------------------

    def listen(self, listener: Callable[[str], None] | None) -> None:
        """Hand notices (what came in from outside) to ``listener``: those waiting, then each
        new one as it happens. ``None`` keeps them waiting in ``notices`` again."""
        self._listener = listener
        if listener is None:
            return
        waiting, self.notices = self.notices, []
        for text in waiting:
            listener(text)

    def notice(self, text: str) -> None:
        if self._listener is not None:
            self._listener(text)
        else:
            self.notices.append(text)

    def _reconcile(self) -> None:
        """The file on disk is not the version last read or written: merge it into memory
        (see :func:`brilliance.store.sync.reconcile`)."""
        from brilliance.store.sync import reconcile

        reconcile(self)

    def sync_with_disk(self) -> bool:
        """If the file changed on disk, merge it in and write back what it lacks; merge any
        conflict copy a sync tool left meanwhile. Called at the inbox poll and at close.

        Returns whether anything changed in memory. Raises ConflictError or SaveError as a
        save does (memory keeps everything).
        """
        if self._lock is None:
            return False
        from brilliance.store.copies import conflict_copies, merge_conflict_copies

        revision = self.revision
        if self.storage.changed_on_disk():
            self._reconcile()
            self.storage.flush()
        if conflict_copies(self.data_dir):  # a sync tool left one while the app is open
            merge_conflict_copies(self, persist=True)
        return self.revision != revision

    def replace_contents(self, tables: dict[str, dict[str, Any]]) -> None:
        """Take ``tables`` (raw records, as in the file) as the whole of the data, and save.

        Used by restoring a backup (``services.imports``). Every record is validated first:
        a bad one raises DamagedFileError and changes nothing. A failed save raises the
        store's errors and keeps the new contents in memory, as any other change.
        """
        loaded = validate_tables(self.path, tables)
        self.storage.replace_all(tables)
        self._adopt(loaded)
        self.revision += 1
        self.flush()

    def rescue_copy(self) -> Path:
        """Write what is in memory somewhere, anywhere, when the data file can't be written.

        Tried in the data folder first, then the system's temporary folder. Raises OSError
        only if both refuse.
        """
        import tempfile

        name = f"brilliance-unsaved-{self.clock.now():%Y-%m-%d-%H%M%S}.json"
        data = self.codec.encode(serialize(self.storage.read()))
        try:
            atomic_write(self.data_dir / name, data)
            return self.data_dir / name
        except OSError:
            fallback = Path(tempfile.gettempdir()) / name
            atomic_write(fallback, data)
            return fallback

    # -- the profile ----------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def first_run(self) -> bool:
        """Nothing saved yet and the welcome never seen (the app welcomes a new user)."""
        return not self._profile.welcomed and not len(self.people) and not len(self.journal)

    def save_profile(self, profile: Profile) -> Profile:
        self._profile = profile
        self.writer.put(PROFILE_TABLE, [(PROFILE_ID, profile.model_dump(mode="json"))])
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
