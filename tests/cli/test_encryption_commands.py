"""brilliance encrypt, decrypt and passphrase; the passphrase from a file or the terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from brilliance import cli
from brilliance.commands import unlock
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store import crypto
from brilliance.store.backups import list_backups
from brilliance.store.codec import Keyring, folder_is_encrypted
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store
from tests.encryption import FAST, every_file

NAME = "Ottoline Brackenbury"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(crypto, "DEFAULT_KDF", FAST)
    yield
    unlock.PASSPHRASE_FILE = None


def phrase(tmp_path: Path, text: str, name: str = "pw") -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    return path


def seed(data_dir: Path) -> str:
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 1))) as store:
        return store.people.save(Person(name=NAME)).id


def main(data_dir: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(data_dir), *args])


def test_encrypt_then_every_command_asks_the_same_way(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(data_dir)
    pw = phrase(tmp_path, "a long enough phrase")
    assert main(data_dir, "encrypt", "--passphrase-file", str(pw)) == 0
    out = capsys.readouterr().out
    assert "cannot be recovered" in out
    assert folder_is_encrypted(data_dir)
    assert [p.name for p in list_backups(data_dir)][-1].endswith("-before-encrypt.json")
    assert all(crypto.is_encrypted(p.read_bytes()) for p in list_backups(data_dir))

    assert main(data_dir, "export", "people", "--format", "csv", "--passphrase-file", str(pw)) == 0
    captured = capsys.readouterr()
    assert NAME in captured.out
    assert "NOT encrypted" in captured.err

    wrong = phrase(tmp_path, "not the phrase", "wrong")
    assert main(data_dir, "today", "--passphrase-file", str(wrong)) == 1
    assert "cannot be recovered" in capsys.readouterr().err
    assert main(data_dir, "doctor", "--passphrase-file", str(pw)) == 0
    assert "All good." in capsys.readouterr().out


def test_a_folder_export_into_an_encrypted_folder_is_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    seed(data_dir)
    pw = phrase(tmp_path, "a long enough phrase")
    assert main(data_dir, "encrypt", "--passphrase-file", str(pw)) == 0
    status = main(
        data_dir, "export", "people", "--format", "markdown", "--passphrase-file", str(pw)
    )
    assert status == 2
    assert not (data_dir / "exports").exists()


def test_decrypt_and_change_passphrase(data_dir: Path, tmp_path: Path) -> None:
    person_id = seed(data_dir)
    first = phrase(tmp_path, "the first phrase")
    second = phrase(tmp_path, "the second phrase", "second")
    assert main(data_dir, "encrypt", "--passphrase-file", str(first)) == 0
    assert main(data_dir, "encrypt", "--passphrase-file", str(first)) == 1  # already
    status = main(
        data_dir,
        "passphrase",
        "--passphrase-file",
        str(first),
        "--new-passphrase-file",
        str(second),
    )
    assert status == 0
    head = (data_dir / DATA_FILE_NAME).read_bytes()
    with pytest.raises(crypto.WrongPassphraseError):
        Keyring.unlock(b"the first phrase", head)
    assert main(data_dir, "decrypt", "--passphrase-file", str(first)) == 1
    assert folder_is_encrypted(data_dir)
    assert main(data_dir, "decrypt", "--passphrase-file", str(second)) == 0
    assert not folder_is_encrypted(data_dir)
    for path, raw in every_file(data_dir).items():
        assert not crypto.is_encrypted(raw), path
    with Store.open(data_dir) as store:
        assert store.people.require(person_id).name == NAME


def test_a_short_passphrase_is_refused_and_nothing_changes(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    before = (data_dir / DATA_FILE_NAME).read_bytes()
    assert main(data_dir, "encrypt", "--passphrase-file", str(phrase(tmp_path, "short"))) == 1
    assert (data_dir / DATA_FILE_NAME).read_bytes() == before


class Terminal:
    """Stands in for the terminal: answers getpass prompts in turn."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr("getpass.getpass", self.getpass)
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)

    def getpass(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def test_the_terminal_asks_twice_when_setting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(data_dir)
    terminal = Terminal(monkeypatch, "typed one way", "typed another way")
    assert main(data_dir, "encrypt") == 1
    assert "differ" in capsys.readouterr().err
    assert not folder_is_encrypted(data_dir)
    terminal.answers = ["same both times", "same both times"]
    assert main(data_dir, "encrypt") == 0
    assert len(terminal.prompts) == 4


def test_three_wrong_tries_on_the_terminal_end_it(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed(data_dir)
    assert (
        main(data_dir, "encrypt", "--passphrase-file", str(phrase(tmp_path, "right phrase"))) == 0
    )
    capsys.readouterr()
    terminal = Terminal(monkeypatch, "wrong 1", "wrong 2", "wrong 3", "right phrase")
    assert main(data_dir, "today") == 1
    assert len(terminal.prompts) == 3
    err = capsys.readouterr().err
    assert "three wrong tries" in err and "cannot be recovered" in err
    terminal.answers = ["wrong", "right phrase"]
    assert main(data_dir, "today") == 0


def test_no_terminal_and_no_file_says_how_and_the_environment_is_ignored(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed(data_dir)
    assert (
        main(data_dir, "encrypt", "--passphrase-file", str(phrase(tmp_path, "right phrase"))) == 0
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    for name in ("BRILLIANCE_PASSPHRASE", "PASSPHRASE", "BRILLIANCE_PASSWORD"):
        monkeypatch.setenv(name, "right phrase")
    assert main(data_dir, "today") == 1
    assert "--passphrase-file" in capsys.readouterr().err


def test_the_passphrase_is_never_an_argument_or_in_the_environment() -> None:
    parser = cli.build_parser()
    options = {opt for action in parser._actions for opt in action.option_strings}
    assert "--passphrase" not in options
    assert not any("passphrase" in opt and "file" not in opt for opt in options)


def test_restore_keeps_the_folder_encrypted(data_dir: Path, tmp_path: Path) -> None:
    person_id = seed(data_dir)
    plain_copy = tmp_path / "plain-backup.json"
    plain_copy.write_bytes((data_dir / DATA_FILE_NAME).read_bytes())
    pw = phrase(tmp_path, "right phrase")
    assert main(data_dir, "encrypt", "--passphrase-file", str(pw)) == 0
    assert main(data_dir, "restore", str(plain_copy), "--yes", "--passphrase-file", str(pw)) == 0
    assert folder_is_encrypted(data_dir)
    keyring = Keyring.unlock(b"right phrase", (data_dir / DATA_FILE_NAME).read_bytes())
    with Store.open(data_dir, keyring=keyring) as store:
        assert store.people.require(person_id).name == NAME


def test_note_in_an_editor_warns_and_keeps_the_plain_text_out_of_the_folder(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shlex

    seed(data_dir)
    assert (
        main(data_dir, "encrypt", "--passphrase-file", str(phrase(tmp_path, "right phrase"))) == 0
    )
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    log = tmp_path / "where.txt"
    script = (
        "import pathlib, sys; p = pathlib.Path(sys.argv[1]); "
        f"pathlib.Path({str(log)!r}).write_text(str(p.parent)); "
        "p.write_text('Met the xylophonist')"
    )
    monkeypatch.setenv("VISUAL", shlex.join([sys.executable, "-c", script]))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    capsys.readouterr()
    assert main(data_dir, "note", "--edit") == 0
    assert "swap" in capsys.readouterr().err  # the editor's own files: outside our control
    assert Path(log.read_text()) == runtime / "brilliance"
    for path, raw in every_file(data_dir).items():
        assert b"xylophonist" not in raw, path
