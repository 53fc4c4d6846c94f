"""Quick capture from the shell: brilliance note."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person
from brilliance.store.store import Store


def note(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", "note", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BRILLIANCE_DATA_DIR": "/nonexistent-should-not-be-used"},
    )


def entries(data_dir: Path) -> list[JournalEntry]:
    with Store.open(data_dir, lock=False) as store:
        return store.journal.newest_first()


def seed(data_dir: Path) -> dict[str, str]:
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 1))) as store:
        ana = store.people.save(Person(name="Ana Lima"))
        bruno = store.people.save(Person(name="Bruno Costa"))
    return {"ana": ana.id, "bruno": bruno.id}


def test_note_from_arguments_links_mentions_and_tags(tmp_path: Path) -> None:
    ids = seed(tmp_path)
    result = note(tmp_path, "Lunch with @Ana Lima about her #launch")
    assert result.returncode == 0, result.stderr
    assert "Added to your journal" in result.stderr  # a message: stderr (issue 16)
    (entry,) = entries(tmp_path)
    assert entry.text == "Lunch with @Ana Lima about her #launch"
    assert entry.people == [ids["ana"]]
    assert entry.tags == ["launch"]
    assert abs((datetime.now() - entry.written_at).total_seconds()) < 120


def test_note_from_standard_input(tmp_path: Path) -> None:
    ids = seed(tmp_path)
    result = note(tmp_path, stdin="Walk with @Bruno Costa\nsecond line #walk\n")
    assert result.returncode == 0, result.stderr
    (entry,) = entries(tmp_path)
    assert entry.text == "Walk with @Bruno Costa\nsecond line #walk"
    assert entry.people == [ids["bruno"]]


def test_unknown_mention_is_kept_and_reported_with_close_names(tmp_path: Path) -> None:
    seed(tmp_path)
    result = note(tmp_path, "Coffee with @Brno and @Zed")
    assert result.returncode == 0
    assert "@Brno" in result.stderr and "Bruno Costa" in result.stderr
    assert "@Zed" in result.stderr
    (entry,) = entries(tmp_path)
    assert entry.text == "Coffee with @Brno and @Zed"
    assert entry.people == []


def test_empty_note_is_refused(tmp_path: Path) -> None:
    result = note(tmp_path, stdin="")
    assert result.returncode == 2
    assert "nothing to add" in result.stderr
    assert not (tmp_path / "brilliance.json").exists()


def test_note_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from brilliance.cli import main; status = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "note", "--data-dir", str(tmp_path), "quick"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith("[]")


def test_export_journal_as_markdown_reads_back(tmp_path: Path) -> None:
    seed(tmp_path)
    note(tmp_path, "First @Ana Lima #one")
    note(tmp_path, "Second line")
    out = tmp_path / "journal.md"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "brilliance",
            "export",
            "journal",
            "--format",
            "markdown",
            "--out",
            str(out),
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    from brilliance.portability.journal_markdown import parse_markdown

    texts = [p.text for p in parse_markdown(out.read_text())]
    assert sorted(texts) == ["First @Ana Lima #one", "Second line"]


def test_note_works_while_the_app_holds_the_folder(tmp_path: Path) -> None:
    from brilliance.store.lock import DataLock

    seed(tmp_path)
    lock = DataLock(tmp_path)
    lock.acquire()  # as the open app does
    try:
        result = note(tmp_path, "Written while the app is open")
    finally:
        lock.release()
    assert result.returncode == 0, result.stderr
    assert [e.text for e in entries(tmp_path)] == ["Written while the app is open"]


def test_note_imports_neither_pydantic_nor_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from brilliance.cli import main; status = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'pydantic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "note", "--data-dir", str(tmp_path), "quick"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith("[]")


def test_a_damaged_data_file_never_loses_the_note(tmp_path: Path) -> None:
    (tmp_path / "brilliance.json").write_bytes(b'{"people": ')
    result = note(tmp_path, "Still kept @Someone")
    assert result.returncode == 0
    assert "could not be read" in result.stderr
    assert b"Still kept @Someone" in (tmp_path / "inbox.jsonl").read_bytes()
    assert (tmp_path / "brilliance.json").read_bytes() == b'{"people": '
