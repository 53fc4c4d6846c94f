"""Shell conventions: --help starts with examples and lists exit statuses; completion scripts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brilliance import cli
from brilliance.commands import completion, shell
from brilliance.commands.completion_scripts import bash_script, fish_script, zsh_script


def help_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["", *cli.SUBCOMMANDS])
def test_help_starts_with_examples_and_ends_with_exit_statuses(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = help_text(capsys, *([command] if command else []))
    after_usage = text.split("\n\n", 1)[1]
    assert after_usage.startswith("examples:\n  brilliance")
    examples = after_usage.split("\n\n", 1)[0].splitlines()[1:]
    assert 1 <= len(examples) <= 3
    assert all(f"brilliance {command}".rstrip() in line for line in examples)
    assert text.rstrip().endswith(shell.EXIT_STATUSES.splitlines()[-1])
    for status in ("0  done", "1  not found", "2  usage", "3  a problem with the data file"):
        assert status in text


def test_readme_documents_the_exit_statuses() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text().replace("`", "")
    for line in shell.EXIT_STATUSES.splitlines()[1:]:
        status, meaning = line.strip().split("  ", 1)
        assert f"| {status} | {meaning} |" in readme


@pytest.fixture(scope="module")
def commands() -> list[completion.Command]:
    return completion.describe_parser(cli.build_parser())


def test_the_parser_description_is_complete(commands: list[completion.Command]) -> None:
    by_name = {c.name: c for c in commands}
    assert list(by_name) == list(cli.SUBCOMMANDS)
    assert by_name["show"].positional == "people"
    assert by_name["prep"].positional == "people"
    person = next(o for o in by_name["journal"].options if "--person" in o.flags)
    assert person.people and person.takes_value
    assert by_name["completion"].positional_choices == ["bash", "zsh", "fish"]
    assert by_name["import"].positional == "files"
    assert by_name["people"].positional == ""
    fmt = next(o for o in by_name["export"].options if "--format" in o.flags)
    assert fmt.choices == ["json", "markdown", "ics", "csv"]


@pytest.fixture
def installed(tmp_path: Path, demo_dir: Path) -> dict[str, str]:
    """An environment where `brilliance` on PATH is this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "brilliance"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m brilliance "$@"\n')
    launcher.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}


def bash_complete(script: str, words: list[str], env: dict[str, str]) -> list[str]:
    """What the bash script offers for the last of ``words`` (as bash would split the line)."""
    quoted = " ".join(f"'{w}'" for w in words)
    code = (
        f"{script}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _brilliance; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(
        ["bash", "--norc", "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completes_commands_flags_choices_and_names(
    commands: list[completion.Command], installed: dict[str, str], demo_dir: Path
) -> None:
    script = bash_script(commands)
    where = ["--data-dir", str(demo_dir)]
    assert bash_complete(script, ["brilliance", "jo"], installed) == ["journal"]
    assert bash_complete(script, ["brilliance", "journal", "--pe"], installed) == ["--person"]
    assert bash_complete(script, ["brilliance", "completion", "f"], installed) == ["fish"]
    assert bash_complete(script, ["brilliance", "export", "--format", "c"], installed) == ["csv"]
    assert bash_complete(script, ["brilliance", *where, "show", "ana"], installed) == ["Ana\\ Lima"]
    assert bash_complete(
        script, ["brilliance", "journal", *where, "--person", '"Hana'], installed
    ) == ["Hana Novak"]
    assert bash_complete(script, ["brilliance", *where, "prep", "zz"], installed) == []


def test_names_come_from_the_data_file(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["completion", "--names", "--data-dir", str(demo_dir)]) == 0
    names = capsys.readouterr().out.splitlines()
    assert "Ana Lima" in names and names == sorted(names, key=str.casefold)
    assert cli.main(["completion", "--names", "--data-dir", str(tmp_path / "none")]) == 0
    assert capsys.readouterr().out == ""


def test_completion_needs_a_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["completion"]) == shell.EXIT_USAGE
    assert "bash, zsh, fish" in capsys.readouterr().err


def test_zsh_and_fish_scripts_name_everything(commands: list[completion.Command]) -> None:
    zsh = zsh_script(commands)
    fish = fish_script(commands)
    assert zsh.startswith("#compdef brilliance\n") and "compdef _brilliance brilliance" in zsh
    assert "'1:person:_brilliance_people'" in zsh
    assert "'--person[entries that mention this person (@name)]:person:_brilliance_people'" in zsh
    assert "today'\\''s agenda" in zsh  # a quote in a help text is escaped, not ending the string
    for command in cli.SUBCOMMANDS:
        assert f"'{command}:" in zsh
        assert f"-a {command} -d" in fish
    assert (
        "complete -c brilliance -n '__fish_seen_subcommand_from journal' -l person "
        "-x -a '(__brilliance_names)'" in fish
    )
    assert "-n '__fish_seen_subcommand_from show' -a '(__brilliance_names)'" in fish


@pytest.mark.parametrize("name", ["zsh", "fish"])
def test_scripts_parse_in_their_shell(
    name: str, commands: list[completion.Command], tmp_path: Path
) -> None:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed here")
    script = tmp_path / f"brilliance.{name}"
    script.write_text(zsh_script(commands) if name == "zsh" else fish_script(commands))
    result = subprocess.run([name, "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_fish_completes_names_and_flags(
    commands: list[completion.Command], installed: dict[str, str], demo_dir: Path, tmp_path: Path
) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    script = tmp_path / "brilliance.fish"
    script.write_text(fish_script(commands))

    def offered(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            env=installed,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert offered(f"brilliance --data-dir {demo_dir} show an") == ["Ana Lima"]
    assert "Hana Novak" in offered(f"brilliance journal --data-dir {demo_dir} --person Ha")
    assert offered("brilliance jo") == ["journal"]
    assert offered("brilliance export --format c") == ["csv"]


def test_zsh_script_registers_itself_when_sourced(
    commands: list[completion.Command], tmp_path: Path
) -> None:
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed here")
    script = tmp_path / "_brilliance"
    script.write_text(zsh_script(commands))
    code = f"autoload -U compinit; compinit -u -D; source {script}; print -r -- $_comps[brilliance]"
    result = subprocess.run(["zsh", "-f", "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "_brilliance", "")


def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    # `brilliance journal -n 0 | head -1`: the pipe closes while we still write (the output
    # is far larger than a pipe's buffer, so the writer is still writing).
    from datetime import datetime, timedelta

    from brilliance.domain.models import JournalEntry
    from brilliance.store.store import Store

    start = datetime(2020, 1, 1, 9)
    with Store.open(tmp_path) as store, store.batch():
        store.journal.save_many(
            JournalEntry(written_at=start + timedelta(days=i), text=f"Entry {i} " + "x" * 400)
            for i in range(1500)
        )
    writer = subprocess.Popen(
        [sys.executable, "-m", "brilliance", "journal", "-n", "0", "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdout is not None and writer.stderr is not None
    assert writer.stdout.readline()  # one line, then hang up
    writer.stdout.close()
    errors = writer.stderr.read().decode()
    assert writer.wait(timeout=60) == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors
