"""Every --json output matches its documented shape in docs/json/, on real and empty data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from brilliance import cli
from brilliance.domain.models import Person
from brilliance.store.store import Store

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "json"

COMMANDS = {
    "today": ["today"],
    "prep": ["prep", "Ana Lima"],
    "journal": ["journal", "-n", "5"],
    "people": ["people"],
    "show": ["show", "Ana Lima"],
    "doctor": ["doctor"],
    "review": ["review", "--week", "2026-W47"],  # issue 17: the weekly review
}


def schema(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
    return loaded


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    status = cli.main([*args, "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def test_every_reading_command_has_a_schema() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(
        f"{kind}.schema.json" for kind in COMMANDS
    )
    for kind in COMMANDS:
        jsonschema.Draft202012Validator.check_schema(schema(kind))


@pytest.mark.parametrize("kind", sorted(COMMANDS))
def test_output_matches_its_schema(
    kind: str, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, *COMMANDS[kind], "--data-dir", str(demo_dir))
    jsonschema.validate(document, schema(kind), cls=jsonschema.Draft202012Validator)
    assert document["schema"] == 1 and document["kind"] == kind


def test_the_schemas_are_strict(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A field added without documenting it must fail, or the shapes would drift unnoticed.
    document = run_json(capsys, "people", "--data-dir", str(demo_dir))
    document["people"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema("people"))


@pytest.mark.parametrize("kind", ["journal", "people", "doctor"])
def test_empty_data_matches_too(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json(capsys, *COMMANDS[kind], "--data-dir", str(tmp_path))
    jsonschema.validate(document, schema(kind))


def test_a_person_never_met_and_no_meeting_planned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(tmp_path) as store:
        store.people.save(Person(name="Zoë Quiet", on_list=True))
    for kind in ("prep", "show", "today"):
        args = ["today"] if kind == "today" else [kind, "Zoë"]
        document = run_json(capsys, *args, "--data-dir", str(tmp_path))
        jsonschema.validate(document, schema(kind))
    assert document["due"][0]["name"] == "Zoë Quiet"


def test_json_is_on_stdout_and_messages_on_stderr(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", "Nobody At All", "--json", "--data-dir", str(demo_dir)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "no one called 'Nobody At All'" in err


def test_doctor_json_with_backups_and_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    from brilliance.store.backups import named_backup
    from brilliance.store.paths import DATA_FILE_NAME

    with Store.open(tmp_path) as store:
        store.people.save(Person(name="Ana"))
    named_backup(tmp_path / DATA_FILE_NAME, "manual", datetime(2026, 11, 1, 9))
    (tmp_path / DATA_FILE_NAME).write_bytes(b'{"people": {"x": ')
    status = cli.main(["doctor", "--json", "--data-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 3
    document = json.loads(out)
    jsonschema.validate(document, schema("doctor"))
    assert document["healthy"] is False and document["data_file"]["ok"] is False
    (backup,) = document["backups"]
    assert backup["ok"] and backup["name"] in document["advice"]
    assert "needs attention" in err  # the message goes to stderr, the JSON alone to stdout


def test_doctor_names_conflict_copies_waiting_to_be_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from brilliance.store.paths import DATA_FILE_NAME

    with Store.open(tmp_path) as store:
        store.people.save(Person(name="Ana"))
    good = tmp_path / "brilliance.sync-conflict-20261120-101500-ABCDEFG.json"
    shutil.copy(tmp_path / DATA_FILE_NAME, good)
    torn = tmp_path / "brilliance (Laptop's conflicted copy 2026-11-21).json"
    torn.write_bytes(b'{"people": {"x": ')

    assert cli.main(["doctor", "--json", "--data-dir", str(tmp_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, schema("doctor"), cls=jsonschema.Draft202012Validator)
    copies = {copy["name"]: copy["ok"] for copy in document["conflict_copies"]}
    assert copies == {good.name: True, torn.name: False}

    assert cli.main(["doctor", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{good.name} (ok: 1 people" in out and "merges it when it opens" in out
    assert f"{torn.name} is DAMAGED" in out and "cannot be merged" in out
    assert good.exists() and torn.exists()  # doctor only looks


def test_doctor_points_to_an_edit_left_by_an_editor_that_never_came_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from brilliance.editor import EDIT_FILE_PREFIX

    with Store.open(tmp_path) as store:
        store.people.save(Person(name="Ana"))
    left = tmp_path / f"{EDIT_FILE_PREFIX}k3x9.md"
    left.write_text("Half a journal entry, written when the laptop died\n")

    assert cli.main(["doctor", "--json", "--data-dir", str(tmp_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, schema("doctor"), cls=jsonschema.Draft202012Validator)
    assert document["unfinished_edits"] == [left.name]

    assert cli.main(["doctor", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"Unfinished edit: {left.name}" in out and "Open it to copy" in out
    assert left.read_text().startswith("Half a journal entry")  # doctor only looks

    left.unlink()
    assert cli.main(["doctor", "--json", "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["unfinished_edits"] == []
