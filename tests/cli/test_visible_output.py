"""Issue 13.8: plain-text output shows escape sequences from user text as visible symbols."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store

CLEAR = "\x1b[2J\x1b[H"
CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"
RAW = ("\x1b", "\x07", "\x9b")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=60
    )


def assert_visible(result: subprocess.CompletedProcess[str]) -> None:
    for code in RAW:
        assert code not in result.stdout and code not in result.stderr
    assert "␛" in result.stdout + result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=FixedClock(datetime.now())) as store:
        store.people.save(
            Person(name=f"Eve {CLEAR}", headline=CLIPBOARD, notes=CLIPBOARD, on_list=True)
        )
    return data_dir


def test_today_shows_escape_sequences_visibly(folder: Path) -> None:
    result = cli("today", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert_visible(result)


def test_prep_shows_escape_sequences_visibly(folder: Path) -> None:
    result = cli("prep", "Eve", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert_visible(result)


def test_note_name_hints_show_escape_sequences_visibly(folder: Path) -> None:
    result = cli("note", "met @Ev today", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Did you mean" in result.stderr
    assert_visible(result)


def test_import_summaries_show_escape_sequences_visibly(folder: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(f'name,headline\n"Eve {CLEAR}",x\n"{CLIPBOARD}Mallory",y\n')
    result = cli("import", str(csv_file), "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stderr
    assert_visible(result)


def test_doctor_shows_hostile_backup_names_visibly(folder: Path) -> None:
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    (backups / f"brilliance-{CLEAR}.json").write_bytes((folder / "brilliance.json").read_bytes())
    result = cli("doctor", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert_visible(result)


def test_our_colours_pass_but_a_names_escapes_do_not(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from brilliance import cli as brilliance_cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert brilliance_cli.main(["people", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[2J" not in out and "␛[2J" in out  # the name's sequence, made visible
    assert "\x1b[" in out  # our own colour codes still reach the terminal
    assert "\ue000" not in out
