"""A plain start of the app reads its few options without building the whole parser (issue
19): the same values as the parser gives, and the parser for anything else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from brilliance import cli

SAME_AS_PARSER = [
    [],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x"],
    ["--exit-after-first-frame"],
    ["--data-dir", "~/notes", "--exit-after-first-frame"],
    ["--passphrase-file", "pass.txt", "--data-dir", "d"],
    ["--passphrase-file=pass.txt"],
]


@pytest.mark.parametrize("argv", SAME_AS_PARSER)
def test_a_plain_start_reads_what_the_parser_reads(argv: list[str]) -> None:
    fast = cli.app_start_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert fast is not None
    for name in ("data_dir", "passphrase_file", "exit_after_first_frame", "command"):
        assert getattr(fast, name) == getattr(full, name, None), name


@pytest.mark.parametrize(
    "argv",
    [
        ["note", "hello"],
        ["--help"],
        ["--version"],
        ["--data"],  # an abbreviation: argparse's business
        ["--data-dir"],  # missing its value: argparse's error
        ["--data-dir", "--exit-after-first-frame"],
        ["--data-dir="],
        ["--data-dir", "a", "--data-dir", "b"],
        ["--exit-after-first-frame", "today"],
        ["--", "x"],
        ["-h"],
    ],
)
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    assert cli.app_start_args(argv) is None


def test_a_plain_start_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Path, bool]] = []

    def no_parser() -> None:
        raise AssertionError("the whole parser was built")

    def run_app(data_dir: Path, exit_after_first_frame: bool) -> int:
        started.append((data_dir, exit_after_first_frame))
        return 0

    monkeypatch.setattr(cli, "build_parser", no_parser)
    monkeypatch.setattr("brilliance.commands.launch.run_app", run_app)
    monkeypatch.setattr(sys, "argv", ["brilliance", "--data-dir", "/nowhere/x"])
    assert cli.main() == 0
    assert started == [(Path("/nowhere/x"), False)]


def test_the_parser_still_reports_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--data-dir"])
    assert stopped.value.code == 2
    assert "--data-dir" in capsys.readouterr().err
