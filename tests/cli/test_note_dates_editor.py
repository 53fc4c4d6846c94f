"""brilliance note --on / "yesterday: ...", and --edit with the user's own editor."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from brilliance.commands.when import split_leading_date
from brilliance.domain.dates import When
from brilliance.domain.models import JournalEntry
from brilliance.editor import EDIT_FILE_PREFIX, EditorFailed, edit_text, find_editor
from brilliance.store.store import Store

TODAY = date.today()


def note(
    data_dir: Path, *args: str, editor: str | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    if editor is not None:
        env["EDITOR"] = editor
    return subprocess.run(
        [sys.executable, "-m", "brilliance", "note", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def entries(data_dir: Path) -> list[JournalEntry]:
    with Store.open(data_dir, lock=False) as store:
        return store.journal.newest_first()


def script(folder: Path, name: str, body: str) -> str:
    """A tiny editor: a shell script run as `script FILE`."""
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def appending_editor(tmp_path: Path) -> str:
    # Records the file's mode and folder, then appends a line, as a person in vi would.
    return script(
        tmp_path,
        "append.sh",
        f'stat -c %a "$1" > {tmp_path}/mode; dirname "$1" > {tmp_path}/where\n'
        'printf "and a line from the editor #edited\\n" >> "$1"',
    )


@pytest.fixture
def failing_editor(tmp_path: Path) -> str:
    return script(tmp_path, "fail.sh", f'echo "$1" > {tmp_path}/seen\nexit 3')


def test_note_on_yesterday(tmp_path: Path) -> None:
    result = note(tmp_path, "--on", "yesterday", "Called @Bo")
    assert result.returncode == 0, result.stderr
    (entry,) = entries(tmp_path)
    assert entry.day == TODAY - timedelta(days=1)
    assert entry.text == "Called @Bo"
    assert f"for {TODAY - timedelta(days=1):%Y-%m-%d}" in result.stderr


def test_a_leading_date_dates_the_note_and_leaves_the_text(tmp_path: Path) -> None:
    assert note(tmp_path, "yesterday: walked with Ana #walk").returncode == 0
    day = (TODAY - timedelta(days=3)).isoformat()
    assert note(tmp_path, f"{day}: read the draft").returncode == 0
    assert note(tmp_path, "Note: this colon is text").returncode == 0
    by_text = {e.text: e.day for e in entries(tmp_path)}
    assert by_text == {
        "walked with Ana #walk": TODAY - timedelta(days=1),
        "read the draft": TODAY - timedelta(days=3),
        "Note: this colon is text": TODAY,
    }


def test_leading_date_from_standard_input(tmp_path: Path) -> None:
    assert note(tmp_path, stdin="yesterday: first line\nsecond line\n").returncode == 0
    (entry,) = entries(tmp_path)
    assert (entry.day, entry.text) == (TODAY - timedelta(days=1), "first line\nsecond line")


@pytest.mark.parametrize("args", [["--on", "someday", "x"], ["--on", "tomorrow", "x"]])
def test_bad_or_future_dates_are_usage_errors_and_add_nothing(
    args: list[str], tmp_path: Path
) -> None:
    result = note(tmp_path, *args)
    assert result.returncode == 2
    assert "brilliance note:" in result.stderr
    assert entries(tmp_path) == []


def test_split_leading_date() -> None:
    today = date(2026, 11, 24)  # a Tuesday
    yesterday = When(date(2026, 11, 23))
    assert split_leading_date("yesterday: a", today) == (yesterday, "a")
    assert split_leading_date("  Today :  b: c", today) == (When(today), "b: c")
    assert split_leading_date("2026-11-01: x", today) == (When(date(2026, 11, 1)), "x")
    assert split_leading_date("fri: x", today) == (When(date(2026, 11, 20)), "x")  # the last one
    assert split_leading_date("yesterday 9pm: x", today) == (When(yesterday.day, time(21)), "x")
    assert split_leading_date("yesterday 12:30: x", today) == (
        When(yesterday.day, time(12, 30)),
        "x",
    )
    for kept in ("yesterday:no space", "Plan: x", "yesterday:\nx", "yesterday: ", "re: fri"):
        assert split_leading_date(kept, today) == (None, kept)


def test_a_leading_time_sets_the_hour(tmp_path: Path) -> None:
    assert note(tmp_path, "yesterday 9pm: late call with Bo").returncode == 0
    (entry,) = entries(tmp_path)
    assert entry.written_at == datetime.combine(TODAY - timedelta(days=1), time(21))
    assert entry.text == "late call with Bo"


def test_edit_appends_through_the_editor(tmp_path: Path, appending_editor: str) -> None:
    data = tmp_path / "data"
    result = note(data, "--edit", "Started here", editor=appending_editor)
    assert result.returncode == 0, result.stderr
    (entry,) = entries(data)
    assert entry.text == "Started here\nand a line from the editor #edited"
    assert entry.tags == ["edited"]
    # The temporary file was private, inside the data folder, and is gone.
    assert (tmp_path / "mode").read_text().strip() == "600"
    assert Path((tmp_path / "where").read_text().strip()) == data
    assert not list(data.glob(f"{EDIT_FILE_PREFIX}*"))


def test_a_failing_editor_adds_nothing_and_says_so(tmp_path: Path, failing_editor: str) -> None:
    data = tmp_path / "data"
    result = note(data, "--edit", "keep me", editor=failing_editor)
    assert result.returncode == 1
    assert "exited with status 3" in result.stderr and "Nothing was added" in result.stderr
    assert entries(data) == []
    assert not Path((tmp_path / "seen").read_text().strip()).exists()  # removed all the same


def test_edit_without_an_editor(tmp_path: Path) -> None:
    result = note(tmp_path, "--edit")
    assert result.returncode == 2
    assert "$VISUAL or $EDITOR" in result.stderr


def test_find_editor_prefers_visual() -> None:
    assert find_editor({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert find_editor({"VISUAL": " ", "EDITOR": "vi"}) == ["vi"]
    assert find_editor({}) is None


def test_edit_text_keeps_no_file_and_no_added_newline(tmp_path: Path) -> None:
    editor = script(tmp_path, "upper.sh", 'tr a-z A-Z < "$1" > "$1.new" && mv "$1.new" "$1"')
    assert edit_text("one line", tmp_path / "data", [editor]) == "ONE LINE"
    assert edit_text("two\nlines\n", tmp_path / "data", [editor]) == "TWO\nLINES\n"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == []
    mode = stat.S_IMODE((tmp_path / "data").stat().st_mode)
    assert mode == 0o700


def test_edit_text_with_a_missing_editor(tmp_path: Path) -> None:
    with pytest.raises(EditorFailed, match="could not start"):
        edit_text("x", tmp_path, [str(tmp_path / "no-such-editor")])
    assert list(tmp_path.iterdir()) == []
