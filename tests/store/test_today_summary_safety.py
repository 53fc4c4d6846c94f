"""Today's summary against damage, forgery and the folder's other users (issue 19): what is
not exactly this version's picture of the data file as it is, for today, is never drawn."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from brilliance import cli
from brilliance.domain.clock import FixedClock
from brilliance.services.start_summary import keep_today_summary
from brilliance.store.inbox import append_note
from brilliance.store.store import Store
from brilliance.store.today_summary import read_summary, summary_path
from tests.store.test_today_summary import sign, unsigned


def first_row(day: dict[str, Any], key: str) -> list[Any]:
    section = next(s for s in day["view"]["sections"] if s["key"] == key)
    row: list[Any] = section["rows"][0]
    return row


def test_one_flipped_letter_is_caught_by_the_summarys_own_sha256(
    kept: Path, clock: FixedClock
) -> None:
    raw = summary_path(kept).read_bytes()
    at = raw.index(b'"name"]') - 4  # a letter inside someone's name: still valid JSON
    flipped = raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1 :]
    json.loads(flipped.partition(b"\n")[2])
    summary_path(kept).write_bytes(flipped)
    assert read_summary(kept, clock.today()) is None
    # Only the SHA-256 told: the same change, signed again, has a shape that would be drawn.
    sign(kept, unsigned(kept))
    assert read_summary(kept, clock.today()) is not None


def test_a_summary_cut_short_is_ignored(kept: Path, clock: FixedClock) -> None:
    raw = summary_path(kept).read_bytes()
    summary_path(kept).write_bytes(raw[: len(raw) // 2])
    assert read_summary(kept, clock.today()) is None


def _role(day: dict[str, Any]) -> None:
    first_row(day, "due")[0][0][1] = "[bold red]"


def _section_key(day: dict[str, Any]) -> None:
    day["view"]["sections"][0]["key"] = "due, #body"


def _no_intros(day: dict[str, Any]) -> None:
    day["view"]["sections"] = [s for s in day["view"]["sections"] if s["key"] != "intros"]


def _same_target_twice(day: dict[str, Any]) -> None:
    section = day["view"]["sections"][0]
    section["rows"] = section["rows"][:1] * 2


def _negative_count(day: dict[str, Any]) -> None:
    day["weekly"] = [-1] * len(day["weekly"])


def _grid_wider_than_its_weeks(day: dict[str, Any]) -> None:
    day["grid"][0][2].append(1)


def _same_person_twice_in_the_grid(day: dict[str, Any]) -> None:
    day["grid"] = day["grid"][:1] * 2


def _another_days_words(day: dict[str, Any]) -> None:
    day["view"]["date_line"] = "Monday 23 November 2026"


@pytest.mark.parametrize(
    "forge",
    [
        _role,
        _section_key,
        _no_intros,
        _same_target_twice,
        _negative_count,
        _grid_wider_than_its_weeks,
        _same_person_twice_in_the_grid,
        _another_days_words,
    ],
)
def test_a_signed_summary_of_a_shape_never_drawn_is_ignored(
    kept: Path, clock: FixedClock, forge: Callable[[dict[str, Any]], None]
) -> None:
    summary = unsigned(kept)
    sign(kept, summary)
    assert read_summary(kept, clock.today()) is not None  # signing alone changes nothing
    forge(summary["days"][clock.today().isoformat()])
    sign(kept, summary)
    assert read_summary(kept, clock.today()) is None


def test_a_picture_kept_under_another_days_key_is_ignored(kept: Path, clock: FixedClock) -> None:
    summary = unsigned(kept)
    today, tomorrow = clock.today(), clock.today() + timedelta(days=1)
    days = summary["days"]
    days[today.isoformat()], days[tomorrow.isoformat()] = (
        days[tomorrow.isoformat()],
        days[today.isoformat()],
    )
    sign(kept, summary)
    assert read_summary(kept, today) is None
    assert read_summary(kept, tomorrow) is None


def test_a_symbolic_link_is_never_read(kept: Path, tmp_path: Path, clock: FixedClock) -> None:
    elsewhere = tmp_path / "elsewhere.today"
    summary_path(kept).rename(elsewhere)
    summary_path(kept).symlink_to(elsewhere)
    assert read_summary(kept, clock.today()) is None  # even a good summary, through a link
    summary_path(kept).unlink()
    summary_path(kept).symlink_to("/dev/zero")  # endless: must not hang the start
    assert read_summary(kept, clock.today()) is None


def test_writing_replaces_a_planted_link_and_leaves_its_target_alone(
    kept: Path, tmp_path: Path, clock: FixedClock
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("not yours")
    summary_path(kept).unlink()
    summary_path(kept).symlink_to(target)
    with Store.open(kept, clock=clock) as store:
        assert keep_today_summary(store)
    assert target.read_text() == "not yours"
    assert not summary_path(kept).is_symlink()
    assert summary_path(kept).stat().st_mode & 0o777 == 0o600
    assert read_summary(kept, clock.today()) is not None
    assert not [p for p in kept.iterdir() if p.name.endswith(".tmp")]


def test_a_note_from_the_shell_waiting_means_the_normal_start(
    kept: Path, clock: FixedClock
) -> None:
    when = clock.now().isoformat()
    entry = {"id": "n1", "written_at": when, "created_at": when, "updated_at": when}
    append_note(kept, {**entry, "text": "Wrote today", "tags": [], "people": []})
    assert read_summary(kept, clock.today()) is None  # "today's entry: not yet" would be untrue
    with Store.open(kept, clock=clock) as store:  # the open merges it...
        assert "n1" in store.journal
        assert keep_today_summary(store)  # ...and the next close keeps a true summary
    started = read_summary(kept, clock.today())
    assert started is not None and started.picture.view.journal_written


def test_a_conflict_copy_waiting_means_the_normal_start(kept: Path, clock: FixedClock) -> None:
    copy = kept / "brilliance.sync-conflict-20261124-101010-ABCDEFG.json"
    copy.write_bytes((kept / "brilliance.json").read_bytes())
    assert read_summary(kept, clock.today()) is None
    copy.unlink()
    assert read_summary(kept, clock.today()) is not None


def test_the_folders_other_users_ignore_it(
    kept: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # A sync tool's conflict copy of the summary itself is not a copy of the data.
    other = kept / "brilliance.sync-conflict-20261124-101010-ABCDEFG.today"
    other.write_bytes(summary_path(kept).read_bytes())
    assert read_summary(kept, clock.today()) is not None
    before = {p.name: p.read_bytes() for p in kept.iterdir() if p.is_file()}
    status = cli.main(["doctor", "--json", "--data-dir", str(kept)])
    out, err = capsys.readouterr()
    assert status == 0, err
    report = json.loads(out)
    assert ".today" not in out and report["conflict_copies"] == report["unfinished_edits"] == []
    with Store.open(kept, clock=clock) as store:  # merges conflict copies, makes backups
        notices: list[str] = []
        store.listen(notices.append)
        store.flush()
    assert not [n for n in notices if "today" in n]
    after = {p.name: p.read_bytes() for p in kept.iterdir() if p.is_file()}
    assert after[other.name] == before[other.name]
    assert after[summary_path(kept).name] == before[summary_path(kept).name]
    backups = [p.name for p in (kept / "backups").rglob("*")] if (kept / "backups").is_dir() else []
    assert not [name for name in backups if "today" in name]
    assert os.stat(summary_path(kept)).st_size < 64 * 1024  # a few KiB: Today, two days
