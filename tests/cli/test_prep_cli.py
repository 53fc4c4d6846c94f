"""brilliance prep NAME prints the sheet; an unknown name suggests the closest."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Meeting, Person, Profile
from brilliance.store.store import Store


def prep(data_dir: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", "prep", name, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def seed(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 1))) as store:
        store.save_profile(Profile(interests=["jazz"]))
        ana = store.people.save(
            Person(name="Ana Lima", on_list=True, interests=["Jazz music"], goals=["hire"])
        )
        store.people.save(Person(name="Dana Fischer", headline="Recruiter, hiring"))
        store.meetings.save(
            Meeting(
                person_id=ana.id, when=datetime(2099, 1, 5, 18, 30), kind="walk", place="River path"
            )
        )


def test_prints_the_sheet_for_the_next_meeting(tmp_path: Path) -> None:
    seed(tmp_path)
    result = prep(tmp_path, "ana")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Prep: Ana Lima\n")
    assert "Meeting: walk at River path, Monday 05 January 2099, 18:30" in out
    assert "- [ ] Jazz music (you: jazz)" in out
    assert "Dana Fischer: Recruiter, hiring -> goal 'hire'" in out
    assert out.count("\n- [ ] ") >= 4 + 1 + 1


def test_unknown_name_exits_1_with_closest_names(tmp_path: Path) -> None:
    seed(tmp_path)
    result = prep(tmp_path, "Dan Fisher")
    assert result.returncode == 1
    assert "no one called 'Dan Fisher'" in result.stderr
    assert "Dana Fischer" in result.stderr
    assert result.stdout == ""


def test_ambiguous_part_of_a_name_is_not_guessed(tmp_path: Path) -> None:
    seed(tmp_path)
    result = prep(tmp_path, "a")
    assert result.returncode == 1
    assert "Ana Lima" in result.stderr
