"""Messages found wrong by QA when commands meet (each names the command that speaks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brilliance import cli
from brilliance.domain.models import Person
from brilliance.store.lock import DataLock
from brilliance.store.store import Store


def test_restore_refused_by_an_open_app_names_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.people.save(Person(name="Ana Lima"))
    backup = tmp_path / "copy.json"
    backup.write_bytes((data_dir / "brilliance.json").read_bytes())
    lock = DataLock(data_dir)
    lock.acquire()  # the app is open on the folder
    try:
        status = cli.main(["--data-dir", str(data_dir), "restore", str(backup), "--yes"])
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert status == 1
    assert "brilliance restore: " in err
    assert "already open" in err


@pytest.mark.parametrize(
    "command", [[], ["doctor"], ["today"], ["people"], ["journal"], ["note", "hi"]]
)
def test_a_data_dir_that_is_a_file_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    not_a_folder = tmp_path / "brilliance-data"
    not_a_folder.write_text("mine\n")
    status = cli.main(["--data-dir", str(not_a_folder), *command])
    err = capsys.readouterr().err
    assert status == 3
    assert "is a file, not a folder" in err
    assert "Traceback" not in err
    assert not_a_folder.read_text() == "mine\n"


def test_today_after_a_first_note_in_a_new_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "new"
    assert cli.main(["--data-dir", str(data_dir), "note", "A first thought"]) == 0
    capsys.readouterr()
    # The note is kept (journal shows it), so the folder is not "without data" for today.
    assert cli.main(["--data-dir", str(data_dir), "today"]) == 0
    out, err = capsys.readouterr()
    assert "no Brilliance data" not in err
    assert "Brilliance ·" in out


def test_note_with_an_empty_on_is_refused_not_dated_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    assert cli.main(["--data-dir", str(data_dir), "note", "--on", "", "Lunch"]) == 2
    assert "--on" in capsys.readouterr().err
    assert not (data_dir / "inbox.jsonl").exists()
