"""Issue 13.12: impossible dates, oversized text and huge files get a clear word, not a
traceback, and never an echo of the oversized content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from brilliance.domain.text_limits import split_to_fit
from brilliance.store import limits
from brilliance.store.limits import MAX_TEXT
from brilliance.store.paths import DATA_FILE_NAME


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=120
    )


def assert_clear(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr
    assert len(result.stderr) < 2_000  # nothing oversized is echoed back


@pytest.mark.parametrize("start", ["20261399", "20261201T250000", "99999999", ""])
def test_an_ics_event_with_an_impossible_dtstart_is_rejected_by_name(
    tmp_path: Path, start: str
) -> None:
    ics = tmp_path / "events.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Launch\r\n"
        f"DTSTART:{start}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = cli("import", str(ics), "--data-dir", str(tmp_path / "data"))
    assert_clear(result, "event 1 (Launch)", "not a real date")


def test_a_jrnl_entry_over_the_limit_is_rejected_without_echo(tmp_path: Path) -> None:
    journal = tmp_path / "journal.txt"
    journal.write_text("[2026-11-20 09:00] Fine\nshort\n[2026-11-21 09:00] Huge\n" + "y" * 300_000)
    result = cli("import", str(journal), "--data-dir", str(tmp_path / "data"))
    assert_clear(result, "line 3", "300,", "over the limit")


def test_a_csv_cell_over_the_limit_is_rejected_without_echo(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text('name,notes\nAna,"' + "z" * 10_000_000 + '"\n')
    result = cli("import", str(people), "--data-dir", str(tmp_path / "data"))
    assert_clear(result, "line 2")


def test_a_backup_over_the_record_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = {
        f"p{i}": {"id": f"p{i}", "name": f"P {i}"} for i in range(limits.MAX_IMPORT_RECORDS + 1)
    }
    backup = tmp_path / "big.json"
    backup.write_bytes(orjson.dumps({"meta": {"schema": {"version": 1}}, "people": people}))
    result = cli("import", str(backup), "--data-dir", str(tmp_path / "data"))
    assert_clear(result, f"{limits.MAX_IMPORT_RECORDS:,}", "Split it")
    assert not (tmp_path / "data" / DATA_FILE_NAME).exists()


def test_a_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"name\n" + b"a\n" * 1000)
    with pytest.raises(limits.LimitError, match="over Brilliance's limit"):
        limits.read_limited(big, limit=100)


def test_split_to_fit_keeps_every_word() -> None:
    text = ("word " * 50 + "\n") * 10
    pieces = split_to_fit(text, 120)
    assert all(len(p) <= 120 for p in pieces)
    assert "".join(pieces).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(
        " ", ""
    )
    assert split_to_fit("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


async def test_pasting_over_the_limit_into_the_journal_editor_keeps_every_word(
    tmp_path: Path,
) -> None:
    from datetime import datetime

    from brilliance.app import make_app
    from brilliance.domain.clock import FixedClock
    from brilliance.screens.journal_editor import JournalEditorScreen
    from brilliance.store.store import Store

    paste = ("a long pasted line of text\n" * 10_000)[: MAX_TEXT + 50_000]
    with Store.open(tmp_path / "data", clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        app = make_app(store, store.clock, start_mode="journal")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("n")
            screen = app.screen
            assert isinstance(screen, JournalEditorScreen)
            screen.editor.insert(paste)
            await pilot.pause()
            assert screen.save() is False  # while typing: refused, with a word, no crash
            assert len(store.journal) == 0
            await pilot.press("escape")  # leaving keeps it all, as several entries
            await pilot.pause()
        saved = sorted(store.journal.all(), key=lambda e: e.prompt)
        assert len(saved) == 2
        assert sum(len(e.text) for e in saved) >= len(paste) - 2


def test_the_limits_agree_with_the_models() -> None:
    from brilliance.domain.models import MAX_LONG_TEXT

    assert MAX_TEXT == MAX_LONG_TEXT  # note.py checks without importing pydantic
