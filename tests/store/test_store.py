"""The store: round trips, a deterministic file, the lock, damaged files, modes, failed saves."""

from __future__ import annotations

import errno
import os
import re
import selectors
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    SCHEMA_VERSION,
    Answer,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    PartnershipAnswer,
    Person,
    PrepState,
    Profile,
    ValueItem,
    ValueKind,
)
from brilliance.store.errors import (
    AlreadyOpenError,
    DamagedFileError,
    NewerSchemaError,
    SaveError,
)
from brilliance.store.paths import DATA_FILE_NAME, LOCK_FILE_NAME
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW, reopen
from tests.domain.test_models import people as any_person

# -- helpers ----------------------------------------------------------------------------------


def everything(store: Store) -> dict[str, object]:
    """All the store holds, as comparable values."""
    return {
        **{name: {i.id: i for i in repo.all()} for name, repo in store.repositories().items()},
        "profile": store.profile,
    }


def files_under(folder: Path) -> list[str]:
    """Every file and folder under ``folder``, relative, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def read_line(process: subprocess.Popen[str], timeout: float = 30) -> str:
    """The next line the process prints, or fail (rather than hang) if it prints none."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            process.kill()
            pytest.fail(f"no output from process {process.pid} within {timeout} s")
    return process.stdout.readline().strip()


@dataclass(frozen=True)
class Filled:
    ana: Person
    bo: Person
    meeting: Meeting
    followup: FollowUp
    event: Event
    entry: JournalEntry
    profile: Profile


def fill(store: Store) -> Filled:
    """Save one record of every kind, with text that is easy to get wrong."""
    ana = store.people.save(
        Person(
            name="Zoë [bold]Lima[/bold] 🎉",
            headline="Founder, “Acme”",
            skills=["design", "research", "日本語"],
            goals=["raise a seed round"],
            interests=["jazz", "hiking"],
            wins=["shipped v2"],
            on_list=True,
            cadence_days=21,
            last_met=date(2028, 2, 29),
            tags=["founder"],
            notes='line one\nline two\r\n\u2028 tab\t quote " backslash \\ nul \x00',
            email="zoe@example.com",
            phone="+44 (0)20 7946-0958",
            partnership_prospect=True,
            partnership_review={"exit": PartnershipAnswer(answer=Answer.UNSURE, note="?")},
        )
    )
    bo = store.people.save(Person(name="Bo"))
    meeting = store.meetings.save(
        Meeting(
            person_id=ana.id,
            when=datetime(2026, 11, 20, 12, 30),
            place="Park café",
            kind="walk",
            status=MeetingStatus.DONE,
            prep=PrepState(checked=["questions:0", "praise"], questions=["What next?"]),
            notes="[red]not markup[/red]",
            questions_asked=["What next?"],
            value_given=[
                ValueItem(kind=ValueKind.CONNECTION, note="Intro to Dana"),
                ValueItem(kind=ValueKind.INFORMATION, note="An article"),
            ],
            introductions=[bo.id],
        )
    )
    followup = store.followups.save(
        FollowUp(
            person_id=ana.id, text="Send the deck", due=date(2026, 12, 1), meeting_id=meeting.id
        )
    )
    event = store.events.save(
        Event(title="Design night", day=date(2026, 12, 3), topics=["design"], invited=[ana.id])
    )
    entry = store.journal.save(
        JournalEntry(
            written_at=FROZEN_NOW,
            text="Met @Zoë — #grateful",
            people=[ana.id],
            tags=["grateful"],
            prompt="What did you appreciate?",
        )
    )
    profile = store.save_profile(Profile(name="Me", interests=["jazz"], offers="intros"))
    return Filled(ana, bo, meeting, followup, event, entry, profile)


# -- round trips ------------------------------------------------------------------------------


def test_every_kind_round_trips_through_the_file(store: Store) -> None:
    saved = fill(store)
    before = everything(store)
    again = reopen(store)
    try:
        assert again.people.get(saved.ana.id) == saved.ana
        assert again.people.get(saved.bo.id) == saved.bo
        assert again.meetings.get(saved.meeting.id) == saved.meeting
        assert again.followups.get(saved.followup.id) == saved.followup
        assert again.events.get(saved.event.id) == saved.event
        assert again.journal.get(saved.entry.id) == saved.entry
        assert again.profile == saved.profile
        assert everything(again) == before
    finally:
        again.close()


def test_a_fresh_folder_has_an_empty_store(store: Store) -> None:
    assert everything(store) == {
        **{name: {} for name in store.repositories()},
        "profile": Profile(),
    }
    assert not store.path.exists()  # nothing is written until there is something to write


@settings(deadline=None, max_examples=25)
@given(person=any_person())
def test_any_person_round_trips_through_the_file(person: Person) -> None:
    clock = FixedClock(FROZEN_NOW)
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder), clock=clock) as opened:
            opened.people.save_many([person])
        raw = (Path(folder) / DATA_FILE_NAME).read_bytes()
        raw.decode("utf-8")
        with Store.open(Path(folder), clock=clock, lock=False) as again:
            assert again.people.require(person.id) == person


# -- the file ---------------------------------------------------------------------------------


def unstamped(raw: bytes) -> bytes:
    """The file's bytes with every change stamp blanked."""
    return re.sub(rb'"_stamp":"[^"]*"', b'"_stamp":""', raw)


def build(store: Store, order: Callable[[list[object]], list[object]]) -> None:
    """Save a fixed data set, one record at a time, in the order ``order`` gives."""
    created = datetime(2026, 1, 1, 8)
    records: list[object] = [
        *(
            Person(id=f"p{n}", name=f"Person {n}", created_at=created, notes="a\nb\u2028c")
            for n in range(6)
        ),
        *(Meeting(id=f"m{n}", person_id=f"p{n}", when=created) for n in range(3)),
        FollowUp(id="f1", person_id="p1", text="Call", due=date(2026, 12, 1), created_at=created),
        Event(id="e1", title="Meetup", day=date(2026, 12, 2), created_at=created),
        JournalEntry(id="j1", written_at=created, text="Hello\nworld", created_at=created),
    ]
    repos: dict[type, Any] = {
        Person: store.people,
        Meeting: store.meetings,
        FollowUp: store.followups,
        Event: store.events,
        JournalEntry: store.journal,
    }
    for record in order(records):
        repos[type(record)].save(record)
    store.save_profile(Profile(name="Me"))


def test_the_file_is_deterministic(tmp_path: Path, clock: FixedClock) -> None:
    outputs = []
    for folder, order in (
        ("forwards", list),
        ("backwards", lambda r: list(reversed(r))),
        ("shuffled", lambda r: r[1::2] + r[::2]),
    ):
        with Store.open(tmp_path / folder, clock=clock) as opened:
            build(opened, order)
        raw = (tmp_path / folder / DATA_FILE_NAME).read_bytes()
        # Each save is stamped in turn, so only the stamps depend on the order of the saves.
        outputs.append(unstamped(raw))
    assert outputs[0] == outputs[1] == outputs[2]


def test_saving_again_without_changes_writes_the_same_bytes(store: Store) -> None:
    build(store, list)
    before = store.path.read_bytes()
    again = reopen(store)
    try:
        for person in again.people.all():
            again.people.save(person, touch=False)
        assert again.path.read_bytes() == before
    finally:
        again.close()


def test_one_record_per_line(store: Store) -> None:
    build(store, list)
    raw = store.path.read_bytes()
    data = orjson.loads(raw)
    lines = raw.split(b"\n")
    for table, records in data.items():
        for record_id, record in records.items():
            key = b"  " + orjson.dumps(record_id) + b": "
            (line,) = [line for line in lines if line.startswith(key)]
            # The line holds the whole record and nothing else.
            assert orjson.loads(line[len(key) :].rstrip(b",")) == record, table
    record_lines = [line for line in lines if line.startswith(b'  "')]
    assert len(record_lines) == sum(len(records) for records in data.values())
    assert raw.endswith(b"}\n")


# -- saving and deleting ------------------------------------------------------------------------


def test_save_stamps_times_from_the_clock(store: Store, clock: FixedClock) -> None:
    ana = store.people.save(
        Person(name="Ana", created_at=datetime(2000, 1, 1), updated_at=datetime(2000, 1, 2))
    )
    assert ana.created_at == ana.updated_at == FROZEN_NOW
    assert store.people.require(ana.id) == ana
    clock.set(datetime(2026, 12, 1, 8))
    later = store.people.save(ana.model_copy(update={"headline": "Designer"}))
    assert later.created_at == FROZEN_NOW
    assert later.updated_at == datetime(2026, 12, 1, 8)
    on_disk = orjson.loads(store.path.read_bytes())["people"][ana.id]
    assert on_disk["created_at"] == "2026-11-24T09:30:00"
    assert on_disk["updated_at"] == "2026-12-01T08:00:00"


def test_save_without_touch_and_save_many_keep_timestamps(store: Store) -> None:
    old = datetime(2020, 5, 5, 5, 5)
    kept = store.people.save(Person(name="Ana", created_at=old, updated_at=old), touch=False)
    assert kept.created_at == kept.updated_at == old
    store.people.save_many([Person(name="Bo", created_at=old, updated_at=old)])
    assert {p.updated_at for p in store.people} == {old}


def test_delete_returns_the_record(store: Store) -> None:
    ana = store.people.save(Person(name="Ana"))
    saves = store.storage.saves
    assert store.people.delete(ana.id) == ana
    assert store.storage.saves == saves + 1
    assert ana.id not in store.people
    assert store.people.delete(ana.id) is None  # already gone: nothing to write
    assert store.storage.saves == saves + 1
    assert ana.id not in orjson.loads(store.path.read_bytes())["people"]


def test_delete_person_takes_their_records_in_one_write(store: Store) -> None:
    saved = fill(store)
    ana, bo = saved.ana, saved.bo
    bo_meeting = store.meetings.save(Meeting(person_id=bo.id, when=FROZEN_NOW))
    bo_followup = store.followups.save(
        FollowUp(person_id=bo.id, text="Call", due=date(2026, 12, 1))
    )
    before_bytes = store.path.read_bytes()
    before = everything(store)
    saves = store.storage.saves

    removal = store.delete_person(ana.id)

    assert store.storage.saves == saves + 1
    assert removal.person == ana
    assert removal.meetings == [saved.meeting]
    assert removal.followups == [saved.followup]
    assert ana.id not in store.people
    assert store.meetings.for_person(ana.id) == []
    assert store.followups.for_person(ana.id) == []
    assert store.meetings.for_person(bo.id) == [bo_meeting]
    assert store.followups.for_person(bo.id) == [bo_followup]
    assert store.journal.get(saved.entry.id) == saved.entry  # journal entries are kept
    on_disk = orjson.loads(store.path.read_bytes())
    assert ana.id not in on_disk["people"]
    assert bo.id in on_disk["people"]
    assert saved.meeting.id not in on_disk["meetings"]
    assert saved.followup.id not in on_disk["followups"]
    assert saved.entry.id in on_disk["journal"]

    assert store.restore(removal) == ana
    assert store.storage.saves == saves + 2
    assert everything(store) == before
    # Undo brings every record back as it was, with newer stamps (so it wins over the
    # tombstones other devices may have seen), and the tombstones go.
    assert unstamped(store.path.read_bytes()) == unstamped(before_bytes)
    again = reopen(store)
    try:
        assert everything(again) == before
    finally:
        again.close()


def test_delete_person_who_is_not_there(store: Store) -> None:
    store.people.save(Person(name="Ana"))
    saves = store.storage.saves
    with pytest.raises(KeyError):
        store.delete_person("nobody")
    assert store.storage.saves == saves


def test_batch_writes_once(store: Store) -> None:
    first = store.people.save(Person(name="Before"))
    before = store.path.read_bytes()
    saves = store.storage.saves
    with store.batch():
        for n in range(10):
            store.people.save(Person(name=f"P{n}"))
        with store.batch():  # nested: still one write, at the end of the outer batch
            store.events.save(Event(title="Meetup", day=date(2026, 12, 1)))
            store.save_profile(Profile(name="Me"))
        store.people.delete(first.id)
        assert store.path.read_bytes() == before  # nothing written yet
        assert store.storage.saves == saves
    assert store.storage.saves == saves + 1
    on_disk = orjson.loads(store.path.read_bytes())
    assert len(on_disk["people"]) == 10
    assert len(on_disk["events"]) == 1
    assert on_disk["profile"]["me"]["name"] == "Me"


# -- the lock ---------------------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from brilliance.store.store import Store
from brilliance.domain.models import Person
store = Store.open(Path(sys.argv[1]))
store.people.save(Person(name="Held"))
print("ready", flush=True)
time.sleep(120)
"""


def test_a_second_open_in_the_same_process_is_refused(data_dir: Path, clock: FixedClock) -> None:
    with Store.open(data_dir, clock=clock) as first:
        first.people.save(Person(name="Ana"))
        before = first.path.read_bytes()
        with pytest.raises(AlreadyOpenError) as caught:
            Store.open(data_dir, clock=clock)
        assert caught.value.pid == os.getpid()
        assert f"process {os.getpid()}" in str(caught.value)
        assert str(data_dir) in str(caught.value)
        assert first.path.read_bytes() == before
        # Read-only use does not need the lock.
        with Store.open(data_dir, clock=clock, lock=False) as reader:
            assert reader.people.find_by_name("Ana") is not None
    with Store.open(data_dir, clock=clock) as after_close:
        assert after_close.people.find_by_name("Ana") is not None


def test_another_process_holds_the_lock_until_it_is_killed(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert read_line(holder) == "ready"
        data_file = data_dir / DATA_FILE_NAME
        before = data_file.read_bytes()
        before_stat = data_file.stat()
        for _ in range(2):  # a failed attempt must not spoil the next message
            with pytest.raises(AlreadyOpenError) as caught:
                Store.open(data_dir)
            message = str(caught.value)
            assert caught.value.pid == holder.pid
            assert f"process {holder.pid}" in message
            assert str(os.getpid()) not in message
            assert "already open" in message
            assert str(data_dir) in message
        assert data_file.read_bytes() == before
        after_stat = data_file.stat()
        assert (after_stat.st_ino, after_stat.st_mtime_ns) == (
            before_stat.st_ino,
            before_stat.st_mtime_ns,
        )
        assert not (data_dir / "backups").exists()
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    assert holder.returncode == -signal.SIGKILL
    # No one released the lock politely: the kernel did, when the holder died.
    with Store.open(data_dir) as after_crash:
        assert after_crash.people.find_by_name("Held") is not None
        assert (data_dir / LOCK_FILE_NAME).read_text().strip() == str(os.getpid())


# -- damaged files ------------------------------------------------------------------------------

META = b'"meta": {"schema": {"version": 1}}'
GOOD = b"{" + META + b', "people": {"a1": {"id": "a1", "name": "Ana"}}}'


def damaged(data_dir: Path, content: bytes) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATA_FILE_NAME
    path.write_bytes(content)
    return path


def record_file(table: str, record: bytes, record_id: bytes = b"a1") -> bytes:
    return b"{" + META + b', "' + table.encode() + b'": {"' + record_id + b'": ' + record + b"}}"


DAMAGED = [
    pytest.param(GOOD[:40], "not valid JSON", id="truncated"),
    pytest.param(GOOD[:-1], "not valid JSON", id="last-brace-missing"),
    pytest.param(b"", "not valid JSON", id="empty"),
    pytest.param(b"\x89PNG\r\n\x1a\n garbage \xff\xfe", "not valid JSON", id="garbage"),
    pytest.param(b"\x00" * 4096, "not valid JSON", id="nul-bytes"),
    pytest.param(GOOD[:30] + b"\x00" * 16 + GOOD[30:], "not valid JSON", id="nul-inside"),
    pytest.param(GOOD + b"\n{}", "not valid JSON", id="trailing-json"),
    pytest.param(GOOD + b"garbage", "not valid JSON", id="trailing-garbage"),
    pytest.param(b'{"people": {"a1": {"name": "\xff"}}}', "not valid JSON", id="bad-utf8"),
    pytest.param(b"[1, 2, 3]", "not a Brilliance data file", id="a-list"),
    pytest.param(b'"text"', "not a Brilliance data file", id="a-string"),
    pytest.param(b'{"people": [1, 2]}', "not an object of records", id="table-is-a-list"),
    pytest.param(b'{"people": {"a1": 1}}', "not an object of records", id="record-is-a-number"),
    pytest.param(record_file("people", b'{"id": "a1"}'), "Name is required", id="no-name"),
    pytest.param(
        record_file("people", b'{"id": "a1", "name": "X", "cadence_days": 0}'),
        "between 1 and 365",
        id="bad-cadence",
    ),
    pytest.param(
        record_file("followups", b'{"id": "a1", "person_id": "p", "text": "Call"}'),
        "Due date is required",
        id="followup-without-due",
    ),
    pytest.param(
        record_file("people", b'{"id": "b2", "name": "X"}'), "another id", id="id-mismatch"
    ),
    pytest.param(record_file("people", b'{"name": "X"}'), "another id", id="record-without-id"),
    pytest.param(
        b"{" + META + b', "profile": {"me": {"interests": 5}}}', "profile", id="bad-profile"
    ),
    pytest.param(
        b'{"people": {"a1": {"id": "a1", "name": "Ana"}}}', "no schema version", id="no-version"
    ),
    pytest.param(b'{"meta": {"schema": {"version": "one"}}}', "schema version", id="version-text"),
    pytest.param(b'{"meta": {"schema": {"version": 0}}}', "schema version", id="version-0"),
    pytest.param(b'{"meta": {"schema": {"version": true}}}', "schema version", id="version-bool"),
]


@pytest.mark.parametrize(("content", "words"), DAMAGED)
def test_damaged_files_are_refused_and_left_alone(
    data_dir: Path, content: bytes, words: str
) -> None:
    path = damaged(data_dir, content)
    mtime = path.stat().st_mtime_ns
    for _ in range(2):  # the lock is let go after a refusal: the second try says the same
        with pytest.raises(DamagedFileError) as caught:
            Store.open(data_dir)
        message = str(caught.value)
        assert words in message
        assert str(path) in message
        assert "has not been changed" in message
        assert "no backup yet" in message
        assert caught.value.suggestion is None
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime
    assert files_under(data_dir) == [DATA_FILE_NAME, LOCK_FILE_NAME]  # nothing new written


def test_newer_schema_is_refused(data_dir: Path) -> None:
    content = b'{"meta": {"schema": {"version": 99}}, "people": {}, "future": {"x": {}}}'
    path = damaged(data_dir, content)
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(data_dir)
    message = str(caught.value)
    assert str(path) in message
    assert "newer version" in message
    assert "Upgrade Brilliance" in message
    assert "format 99" in message
    assert (caught.value.found, caught.value.supported) == (99, SCHEMA_VERSION)
    assert path.read_bytes() == content
    assert files_under(data_dir) == [DATA_FILE_NAME, LOCK_FILE_NAME]
    with pytest.raises(NewerSchemaError):
        Store.open(data_dir, lock=False)  # read-only use is refused too


@pytest.mark.parametrize(
    "content",
    [b"{oops", b"[]", record_file("people", b'{"id": "a1"}'), b'{"people": {"a": {}}}'],
    ids=["not-json", "wrong-shape", "invalid-record", "no-version"],
)
def test_damaged_message_names_the_newest_backup(data_dir: Path, content: bytes) -> None:
    path = damaged(data_dir, content)
    backups = data_dir / "backups"
    backups.mkdir()
    for age, name in enumerate(
        ("brilliance-2026-11-20.json", "brilliance-2025-12-31.json", "brilliance-2026-11-02.json")
    ):
        (backups / name).write_bytes(GOOD)
        stamp = 1_700_000_000 - 86_400 * age  # file dates in the order of their names
        os.utime(backups / name, (stamp, stamp))
    with pytest.raises(DamagedFileError) as caught:
        Store.open(data_dir)
    message = str(caught.value)
    newest = backups / "brilliance-2026-11-20.json"
    assert caught.value.suggestion is not None
    assert caught.value.suggestion.path == newest
    assert str(newest) in message
    assert "brilliance restore brilliance-2026-11-20.json" in message
    assert str(path) in message
    assert path.read_bytes() == content


# -- file modes ---------------------------------------------------------------------------------


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("permissive_umask")
def test_private_modes_whatever_the_umask(tmp_path: Path, clock: FixedClock) -> None:
    data_dir = tmp_path / "fresh" / "data"
    with Store.open(data_dir, clock=clock) as opened:
        assert mode(data_dir) == 0o700
        assert mode(data_dir / LOCK_FILE_NAME) == 0o600
        opened.people.save(Person(name="Ana"))
        assert mode(data_dir / DATA_FILE_NAME) == 0o600
        opened.people.save(Person(name="Bo"))  # the first save over a file makes a backup
        (backup,) = (data_dir / "backups").iterdir()
        assert mode(data_dir / "backups") == 0o700
        assert mode(backup) == 0o600
        assert mode(data_dir / DATA_FILE_NAME) == 0o600
        assert mode(data_dir / LOCK_FILE_NAME) == 0o600
    # A file the user copied in with looser permissions is private again after a save.
    (data_dir / DATA_FILE_NAME).chmod(0o644)
    with Store.open(data_dir, clock=clock) as opened:
        opened.people.save(Person(name="Cy"))
    assert mode(data_dir / DATA_FILE_NAME) == 0o600


# -- failed saves -------------------------------------------------------------------------------


class FailOnce:
    """Stand in for an ``os`` function: the first call fails with ENOSPC, the rest work."""

    def __init__(self, real: Callable[..., object]) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        if self.calls == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real(*args, **kwargs)


def make_todays_backup(store: Store) -> None:
    """Two saves, so that today's backup exists and the next save only writes the data file."""
    store.people.save(Person(name="Ana"))
    store.people.save(Person(name="Ana's friend"))
    assert any((store.data_dir / "backups").iterdir())


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failed_save_keeps_the_file_and_the_change(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    make_todays_backup(store)
    before = store.path.read_bytes()
    listing = files_under(store.data_dir)
    fault = FailOnce(getattr(os, step))
    monkeypatch.setattr(f"brilliance.store.storage.os.{step}", fault)

    with pytest.raises(SaveError) as caught:
        store.people.save(Person(name="Bo"))

    assert fault.calls >= 1
    assert caught.value.cause.errno == errno.ENOSPC
    assert "No space left on device" in str(caught.value)
    assert str(store.path) in str(caught.value)
    assert store.path.read_bytes() == before
    assert files_under(store.data_dir) == listing  # no temporary file left behind
    assert store.unsaved
    assert store.people.find_by_name("Bo") is not None

    store.people.save(Person(name="Cy"))  # the disk works again
    assert not store.unsaved
    names = {r["name"] for r in orjson.loads(store.path.read_bytes())["people"].values()}
    assert names == {"Ana", "Ana's friend", "Bo", "Cy"}
    assert files_under(store.data_dir) == listing
    again = reopen(store)
    try:
        assert {p.name for p in again.people} == names
    finally:
        again.close()


def test_a_failed_delete_person_is_written_by_the_next_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_todays_backup(store)
    ana = store.people.find_by_name("Ana")
    assert ana is not None
    store.meetings.save(Meeting(person_id=ana.id, when=FROZEN_NOW))
    before = store.path.read_bytes()
    monkeypatch.setattr("brilliance.store.storage.os.replace", FailOnce(os.replace))
    with pytest.raises(SaveError):
        store.delete_person(ana.id)
    assert store.path.read_bytes() == before
    assert ana.id not in store.people
    assert store.meetings.for_person(ana.id) == []
    assert store.unsaved
    store.flush()
    assert not store.unsaved
    on_disk = orjson.loads(store.path.read_bytes())
    assert ana.id not in on_disk["people"]
    assert on_disk["meetings"] == {}


@pytest.mark.parametrize("step", ["fsync", "link"])
def test_a_failed_daily_backup_leaves_no_temporary_file(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    make_todays_backup(store)
    clock.set(FROZEN_NOW + timedelta(days=1))  # the next save backs up first
    before = store.path.read_bytes()
    listing = files_under(store.data_dir)
    monkeypatch.setattr(f"brilliance.store.storage.os.{step}", FailOnce(getattr(os, step)))
    with pytest.raises(SaveError):
        store.people.save(Person(name="Bo"))
    assert store.path.read_bytes() == before
    assert store.unsaved
    assert [name for name in files_under(store.data_dir) if name.endswith(".tmp")] == []
    assert files_under(store.data_dir) == listing
