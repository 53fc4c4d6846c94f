"""Today's summary beside the data file (issue 19): shown only for the very file it was made
from, on the day it was made for; anything else is ignored, never trusted."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import FollowUp
from brilliance.services.agenda import build_agenda, picture_of
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.read_only import open_read_only
from brilliance.store.store import Store
from brilliance.store.today_summary import (
    picture_from_json,
    picture_to_json,
    read_summary,
    summary_path,
)
from tests.encryption import encrypt


def unsigned(data_dir: Path) -> dict[str, Any]:
    """The summary's JSON, without its first line (the SHA-256 of the rest)."""
    summary: dict[str, Any] = json.loads(summary_path(data_dir).read_bytes().partition(b"\n")[2])
    return summary


def sign(data_dir: Path, summary: dict[str, Any]) -> None:
    """Write ``summary`` with a matching SHA-256, as a careful forger would."""
    body = json.dumps(summary).encode()
    summary_path(data_dir).write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_the_summary_holds_what_today_draws_for_today_and_tomorrow(
    kept: Path, clock: FixedClock
) -> None:
    today = clock.today()
    with Store.open(kept, clock=clock, lock=False) as store:
        for day in (today, today + timedelta(days=1)):
            started = read_summary(kept, day)
            assert started is not None
            assert started is not None
            assert started.picture == picture_of(build_agenda(store, day))
            assert started.theme == store.profile.theme
            assert started.picture.view.sections[0].rows  # the sample data has someone due


def test_tomorrows_picture_is_what_tomorrows_clock_shows(kept: Path, clock: FixedClock) -> None:
    tomorrow = FixedClock(clock.now() + timedelta(days=1))
    started = read_summary(kept, tomorrow.today())
    with Store.open(kept, clock=tomorrow, lock=False) as store:
        assert started is not None and started.picture == picture_of(build_agenda(store))


def test_a_picture_comes_back_exactly(kept: Path, clock: FixedClock) -> None:
    with Store.open(kept, clock=clock, lock=False) as store:
        picture = picture_of(build_agenda(store))
    assert picture_from_json(json.loads(json.dumps(picture_to_json(picture)))) == picture


def test_another_day_is_not_shown(kept: Path, clock: FixedClock) -> None:
    today = clock.today()
    assert read_summary(kept, today + timedelta(days=2)) is None  # Thursday: not kept
    assert read_summary(kept, today - timedelta(days=1)) is None  # yesterday's figures


def test_a_changed_data_file_is_not_described_by_it(kept: Path, clock: FixedClock) -> None:
    with Store.open(kept, clock=clock) as store:
        person = store.people.all()[0]
        store.followups.save(
            FollowUp(person_id=person.id, text="Send the paper", due=clock.today())
        )
    assert read_summary(kept, clock.today()) is None


def test_the_same_size_with_other_bytes_is_not_described_by_it(
    kept: Path, clock: FixedClock
) -> None:
    data = (kept / "brilliance.json").read_bytes()
    at = data.index(b'"name":"') + len(b'"name":"')
    changed = data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]  # one letter of a name
    assert len(changed) == len(data) and changed != data
    (kept / "brilliance.json").write_bytes(changed)
    assert read_summary(kept, clock.today()) is None


def test_a_copy_from_another_devices_folder_is_rejected(
    kept: Path, tmp_path: Path, clock: FixedClock
) -> None:
    # The other device: its own data, its own summary; the sync tool brings only the summary.
    other = tmp_path / "other"
    with Store.open(other, clock=clock) as store:
        build_demo(store, clock.today() - timedelta(days=30))
        assert keep_today_summary(store)
    shutil.copy(summary_path(other), summary_path(kept))
    assert read_summary(kept, clock.today()) is None
    assert read_summary(other, clock.today()) is not None  # it matched its own file


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{",
        b"[]",
        b"\xff\xfe not json",
        b'{"format": 1}',
        b"null",
    ],
)
def test_a_damaged_summary_is_ignored(kept: Path, clock: FixedClock, damage: bytes) -> None:
    summary_path(kept).write_bytes(damage)
    assert read_summary(kept, clock.today()) is None


def test_a_summary_of_the_right_file_with_a_wrong_shape_is_ignored(
    kept: Path, clock: FixedClock
) -> None:
    summary = unsigned(kept)
    day = summary["days"][clock.today().isoformat()]
    day["grid"] = [[1, 2, 3]]  # a person id that is not text
    sign(kept, summary)
    assert read_summary(kept, clock.today()) is None
    summary["days"][clock.today().isoformat()] = {"view": {}}
    sign(kept, summary)
    assert read_summary(kept, clock.today()) is None


def test_a_summary_from_another_version_is_ignored(kept: Path, clock: FixedClock) -> None:
    summary = unsigned(kept)
    summary["app"] = "0.0.1"
    sign(kept, summary)
    assert read_summary(kept, clock.today()) is None


def test_no_data_file_no_summary(kept: Path, clock: FixedClock) -> None:
    (kept / "brilliance.json").unlink()
    assert read_summary(kept, clock.today()) is None


def test_an_encrypted_folder_never_keeps_one(kept: Path, clock: FixedClock) -> None:
    keyring = encrypt(kept)
    assert not summary_path(kept).exists()  # encrypting removed the plain one
    with Store.open(kept, clock=clock, keyring=keyring) as store:
        assert not keep_today_summary(store)
    assert not summary_path(kept).exists()


def test_nothing_unsaved_or_read_only_is_summarised(kept: Path, clock: FixedClock) -> None:
    summary_path(kept).unlink()
    with open_read_only(kept, clock=clock) as store:
        assert not keep_today_summary(store)
    with Store.open(kept, clock=clock) as store:
        (kept / "brilliance.json").write_bytes((kept / "brilliance.json").read_bytes() + b" ")
        assert not keep_today_summary(store)  # the file is no longer what memory holds
    assert not summary_path(kept).exists()


def test_a_new_folder_gets_none_the_welcome_comes_first(data_dir: Path, clock: FixedClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        store.flush()
        assert not keep_today_summary(store)
    assert read_summary(data_dir, date(2026, 11, 24)) is None
