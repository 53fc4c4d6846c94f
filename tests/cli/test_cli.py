"""The command line: flags, data folder resolution, errors that say what to do."""

from __future__ import annotations

import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from brilliance import __version__, cli
from brilliance.store.lock import DataLock
from brilliance.store.paths import DATA_FILE_NAME


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"brilliance {__version__}"


def test_help_mentions_data_dir() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--data-dir" in result.stdout


def test_wrong_flag_is_a_usage_error() -> None:
    result = run_cli("--no-such-flag")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "--no-such-flag" in result.stderr


def test_data_dir_flag_beats_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cli.ENV_DATA_DIR, str(tmp_path / "env"))
    assert cli.resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert cli.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(cli.ENV_DATA_DIR)
    assert cli.resolve_data_dir(None) == cli.default_data_dir()
    assert cli.default_data_dir().name == "brilliance"


def test_data_dir_before_or_after_a_subcommand(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[Path] = []
    fake = types.ModuleType("brilliance_fake_command")
    fake.HELP = "a fake command for the test"  # type: ignore[attr-defined]
    fake.configure = lambda parser: parser.add_argument("words", nargs="*")  # type: ignore[attr-defined]

    def run(args: object, data_dir: Path) -> int:
        seen.append(data_dir)
        return 7

    fake.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "brilliance_fake_command", fake)
    monkeypatch.setattr(cli, "SUBCOMMANDS", {"fake": "brilliance_fake_command"})
    monkeypatch.delenv(cli.ENV_DATA_DIR, raising=False)

    assert cli.main(["--data-dir", str(tmp_path / "a"), "fake", "x"]) == 7
    assert cli.main(["fake", "--data-dir", str(tmp_path / "b"), "x"]) == 7
    assert cli.main(["fake", "x"]) == 7
    assert seen == [tmp_path / "a", tmp_path / "b", cli.default_data_dir()]


def test_damaged_file_stops_start_and_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path.mkdir(exist_ok=True)
    damaged = tmp_path / DATA_FILE_NAME
    damaged.write_bytes(b'{"people": {"x": {"name": "Ana"')
    before = damaged.read_bytes()
    assert cli.main(["--data-dir", str(tmp_path)]) == 3  # a problem with the data file
    err = capsys.readouterr().err
    assert str(damaged) in err
    assert "not valid JSON" in err
    assert "has not been changed" in err
    assert damaged.read_bytes() == before


def test_second_instance_exits_quickly_with_the_pid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from brilliance.store.lock import DataLock; "
            "lock = DataLock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True); "
            "time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        assert cli.main(["--data-dir", str(tmp_path)]) == 1
        assert time.monotonic() - started < 1.0
        err = capsys.readouterr().err
        assert "already open" in err
        assert str(holder.pid) in err
        assert not (tmp_path / DATA_FILE_NAME).exists()
    finally:
        holder.kill()
        holder.wait()
    # After the holder died (as after a crash) the lock is free again.
    lock = DataLock(tmp_path)
    lock.acquire()
    lock.release()
