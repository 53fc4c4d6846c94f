"""brilliance review [--week 2026-W48] [--json]."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from brilliance.cli import main
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Meeting, MeetingStatus, Person, ValueItem, ValueKind
from brilliance.domain.review import IsoWeek
from brilliance.services.review import existing_entry, save_review, written_words
from brilliance.store.store import Store


def seed(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FixedClock(datetime(2026, 11, 29, 18))) as store:
        ana = store.people.save(Person(name="Ana Lima", on_list=True))
        store.people.save(Person(name="Bo Chen", on_list=True))
        store.meetings.save(
            Meeting(
                person_id=ana.id,
                when=datetime(2026, 11, 24, 9),
                status=MeetingStatus.DONE,
                value_given=[ValueItem(kind=ValueKind.INFORMATION, note="a paper on pricing")],
            )
        )


def test_markdown_for_a_given_week(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path)
    assert main(["review", "--week", "2026-W48", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Weekly review 2026-W48\n")
    assert "- Ana Lima: a paper on pricing" in out
    assert "## Got nothing from me this week\n\n- Bo Chen" in out


def test_json_for_a_given_week(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path)
    assert main(["review", "--week", "2026-W47", "--json", "--data-dir", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["week"] == "2026-W47"
    assert data["start"] == "2026-11-16" and data["meetings_held"] == 0
    assert sorted(data["nothing_given"]) == ["Ana Lima", "Bo Chen"]


def test_a_bad_week_exits_2_and_says_how_to_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    assert main(["review", "--week", "48", "--data-dir", str(tmp_path)]) == 2
    assert "2026-W48" in capsys.readouterr().err


def test_no_data_yet_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--data-dir", str(tmp_path / "none")]) == 1
    assert "no Brilliance data" in capsys.readouterr().err


def test_default_week_from_the_shell(tmp_path: Path) -> None:
    seed(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "brilliance", "review", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Weekly review ")
    assert date.today().isocalendar()[0] - 1 <= int(result.stdout[16:20])


def test_saved_review_is_one_entry_per_week(tmp_path: Path) -> None:
    seed(tmp_path)
    week = IsoWeek(2026, 48)
    with Store.open(tmp_path, clock=FixedClock(datetime(2026, 11, 29, 19))) as store:
        first = save_review(store, week, "Met Ana; Bo slipped.")
        second = save_review(store, week, "Met Ana; Bo slipped. Book Bo.")
        assert first.id == second.id and len(store.journal) == 1
        assert second.tags == ["review"]
        assert written_words(existing_entry(store, week)) == "Met Ana; Bo slipped. Book Bo."


def test_today_reminds_only_once_someone_is_on_the_list(tmp_path: Path) -> None:
    from brilliance.services.agenda import build_agenda

    with Store.open(tmp_path, clock=FixedClock(datetime(2026, 11, 29, 9))) as store:
        store.people.save(Person(name="Wide Network"))
        assert build_agenda(store).review_due is None
        store.people.save(Person(name="Ana Lima", on_list=True))
        assert build_agenda(store).review_due == IsoWeek(2026, 48)
        save_review(store, IsoWeek(2026, 48), "Done.")
        assert build_agenda(store).review_due is None
