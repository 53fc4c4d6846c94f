"""brilliance journal, people and show: every flag, plain output, and the exit statuses."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from brilliance import cli
from brilliance.commands import shell
from brilliance.domain.models import FollowUp, JournalEntry, Meeting, MeetingStatus, Person
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

TODAY = date.today()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Ana (on the list, overdue), Bo (on the list, not due), Cy (network); a small journal."""
    with Store.open(tmp_path) as store:
        ana = store.people.save(
            Person(name="Ana Lima", on_list=True, last_met=day(-20), goals=["raise a seed round"])
        )
        store.people.save(Person(name="Bo Chen", on_list=True, last_met=day(-3)))
        store.people.save(Person(name="Cy Okoro"))
        store.meetings.save(
            Meeting(
                person_id=ana.id,
                when=datetime.combine(day(-20), time(9)),
                place="the river path",
                kind="walk",
                status=MeetingStatus.DONE,
                notes="She is close to a decision.",
            )
        )
        store.followups.save(FollowUp(person_id=ana.id, text="Send the deck", due=day(2)))
        store.followups.save(FollowUp(person_id=ana.id, text="Ask about the lab", due=day(-5)))
        texts = {
            -30: "Old thoughts #reading",
            -10: "Lunch with @Ana Lima about the seed round #mentoring",
            -2: "A quiet day #Reading",
            -1: "Called Bo about the conference #mentoring",
            0: "Today I wrote this",
        }
        for offset, text in texts.items():
            store.journal.save(
                JournalEntry(
                    written_at=datetime.combine(day(offset), time(20)),
                    text=text,
                    tags=[t.lower() for t in text.split("#")[1:]],
                    people=[ana.id] if "@Ana" in text else [],
                )
            )
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def journal_texts(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> list[str]:
    status, out, err = run(capsys, "journal", *args, "--json", "--data-dir", str(folder))
    assert status == 0, err
    return [entry["text"] for entry in json.loads(out)["entries"]]


def test_journal_newest_n_oldest_first(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "journal", "-n", "2", "--data-dir", str(folder))
    assert status == 0
    assert err == "The newest 2 of 5 entries; -n 0 shows them all.\n"
    assert out.index("Called Bo") < out.index("Today I wrote this")
    assert "A quiet day" not in out
    assert f"{day(0):%Y-%m-%d}" in out
    assert len(journal_texts(capsys, folder)) == 5  # -n 10 by default
    assert len(journal_texts(capsys, folder, "-n", "0")) == 5


def test_journal_filters(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert journal_texts(capsys, folder, "--tag", "reading") == [
        "Old thoughts #reading",
        "A quiet day #Reading",
    ]
    assert journal_texts(capsys, folder, "--tag", "#MENTORING") == [
        "Lunch with @Ana Lima about the seed round #mentoring",
        "Called Bo about the conference #mentoring",
    ]
    assert journal_texts(capsys, folder, "--person", "ana") == [
        "Lunch with @Ana Lima about the seed round #mentoring"
    ]
    assert journal_texts(capsys, folder, "--search", "SEED lunch") == [
        "Lunch with @Ana Lima about the seed round #mentoring"
    ]
    assert journal_texts(capsys, folder, "--on", "yesterday") == [
        "Called Bo about the conference #mentoring"
    ]
    assert journal_texts(capsys, folder, "--on", day(-2).isoformat()) == ["A quiet day #Reading"]
    assert journal_texts(
        capsys, folder, "--from", day(-10).isoformat(), "--to", day(-2).isoformat()
    ) == ["Lunch with @Ana Lima about the seed round #mentoring", "A quiet day #Reading"]
    assert journal_texts(capsys, folder, "--from", "today") == ["Today I wrote this"]
    # The app's date words, read towards the past.
    assert journal_texts(capsys, folder, "--from", "3 days ago", "--to", "2 days ago") == [
        "A quiet day #Reading"
    ]
    assert journal_texts(capsys, folder, "--on", day(-2).strftime("%a")) == ["A quiet day #Reading"]


def test_journal_counts_what_matched(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "journal", "-n", "1", "--tag", "mentoring", "--json", "--data-dir", str(folder)
    )
    document = json.loads(out)
    assert document["total_matching"] == 2
    assert [e["text"] for e in document["entries"]] == ["Called Bo about the conference #mentoring"]


def test_journal_nothing_matching_says_so_on_stderr(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "journal", "--search", "zebra", "--data-dir", str(folder))
    assert (status, out) == (0, "")
    assert "No entry matches" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--on", "someday"],
        ["--from", "2026-13-40"],
        ["-n", "-1"],
        ["--on", "today", "--from", "yesterday"],
        ["--from", "today", "--to", "last week"],  # the wrong way round: said, not empty
    ],
)
def test_journal_usage_errors(
    args: list[str], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "journal", *args, "--data-dir", str(folder))
    assert status == shell.EXIT_USAGE
    assert out == "" and err.startswith("brilliance journal: ")


def test_journal_unknown_person_is_not_found(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "journal", "--person", "Ama Lima", "--data-dir", str(folder))
    assert status == shell.EXIT_REFUSED
    assert "Did you mean: Ana Lima?" in err


def test_people_lines_and_filters(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "people", "--data-dir", str(folder))
    assert status == 0
    # Piped (not a terminal): tab-separated, the list first (most overdue first), then the rest.
    assert out.splitlines() == [
        "Ana Lima\t6 days overdue\tlast met 20 days ago",
        "Bo Chen\tin 11 days\tlast met 3 days ago",
        "Cy Okoro\tnetwork\tlast met never",
    ]
    names = {
        flag: [
            line.split("\t")[0]
            for line in run(capsys, "people", flag, "--data-dir", str(folder))[1].splitlines()
        ]
        for flag in ("--due", "--list", "--network")
    }
    assert names == {
        "--due": ["Ana Lima"],
        "--list": ["Ana Lima", "Bo Chen"],
        "--network": ["Cy Okoro"],
    }
    with pytest.raises(SystemExit) as exited:  # argparse stops usage errors with status 2
        cli.main(["people", "--due", "--list", "--data-dir", str(folder)])
    assert exited.value.code == shell.EXIT_USAGE


def test_people_in_a_terminal_is_aligned_and_coloured(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    _, out, _ = run(capsys, "people", "--data-dir", str(folder))
    assert "\x1b[31m6 days overdue" in out and "\t" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "people", "--data-dir", str(folder))
    assert "\x1b[" not in out
    assert out.splitlines()[0].startswith("Ana Lima  6 days overdue")


def test_show_prints_the_person_and_their_timeline(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "show", "ana", "--data-dir", str(folder))
    assert status == 0
    assert out.startswith("Ana Lima\nOn the list · meet every 14 days · last met 20 days ago")
    assert "Goals\n  raise a seed round" in out
    timeline = out[out.index("Timeline") :]
    # Newest first: the promise due in two days, the journal mention, then the walk.
    assert (
        timeline.index("Promised: Send the deck")
        < timeline.index("Journal: Lunch with @Ana Lima")
        < timeline.index("Walk at the river path, 09:00 (done)")
        < timeline.index("She is close to a decision.")
    )
    assert "\x1b[" not in out


def test_show_json_timeline(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "Ana Lima", "--json", "--data-dir", str(folder))
    document = json.loads(out)
    assert document["person"]["goals"] == ["raise a seed round"]
    timeline = document["timeline"]
    assert [m["kind"] for m in timeline] == ["promise", "promise", "journal", "meeting"]
    assert [m["state"] for m in timeline] == ["open", "broken", "", ""]
    assert timeline[1]["title"] == "Overdue: Ask about the lab"
    assert timeline[3]["details"] == ["She is close to a decision."]


def test_show_json_timeline_has_praise_and_introductions(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show` draws the domain's timeline: issue 17's kinds are there, on both sides."""
    with Store.open(folder) as store:
        ana = next(p for p in store.people.all() if p.name == "Ana Lima")
        bo = next(p for p in store.people.all() if p.name == "Bo Chen")
        store.meetings.save(
            Meeting(
                person_id=ana.id,
                when=datetime.combine(day(-1), time(12)),
                status=MeetingStatus.DONE,
                praised="the calm launch",
                introductions=[bo.id],
            )
        )
    _, out, _ = run(capsys, "show", "Ana Lima", "--json", "--data-dir", str(folder))
    titles = {(m["kind"], m["title"]) for m in json.loads(out)["timeline"]}
    assert ("praise", "Praised: the calm launch") in titles
    assert ("introduction", "Introduced to Bo Chen: not asked yet") in titles
    _, out, _ = run(capsys, "show", "Bo Chen", "--json", "--data-dir", str(folder))
    timeline = json.loads(out)["timeline"]
    assert [(m["kind"], m["title"]) for m in timeline] == [
        ("introduction", "Introduced to Ana Lima: not asked yet")
    ]


def test_prep_json_opens_with_last_time(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`prep --json` carries the Last time the printed sheet opens with (issue 14)."""
    with Store.open(folder) as store:
        ana = next(p for p in store.people.all() if p.name == "Ana Lima")
        walk = store.meetings.for_person(ana.id)[0]
        store.followups.save(
            FollowUp(person_id=ana.id, text="Share the map", due=day(-6), meeting_id=walk.id)
        )
    _, out, _ = run(capsys, "prep", "Ana Lima", "--json", "--data-dir", str(folder))
    last = json.loads(out)["last_time"]
    assert (last["meeting_id"], last["kind"], last["place"]) == (walk.id, "walk", "the river path")
    assert last["notes"] == "She is close to a decision."
    assert [(p["text"], p["state"]) for p in last["promises"]] == [("Share the map", "broken")]
    _, out, _ = run(capsys, "prep", "Bo Chen", "--json", "--data-dir", str(folder))
    assert json.loads(out)["last_time"] is None


def test_show_someone_with_no_history(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "Cy Okoro", "--data-dir", str(folder))
    assert status == 0
    assert "Wider network · last met never" in out
    assert "Nothing yet" in out


def test_show_unknown_or_ambiguous_name(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "Anna Lima", "--data-dir", str(folder))
    assert (status, out) == (1, "")
    assert "no one called 'Anna Lima'" in err and "Did you mean: Ana Lima?" in err
    assert run(capsys, "show", "o", "--data-dir", str(folder))[0] == 1  # too short to guess


@pytest.mark.parametrize(
    "args", [["journal"], ["people"], ["show", "Ana"], ["today"], ["prep", "Ana"], ["doctor"]]
)
def test_a_damaged_file_is_status_3_and_untouched(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / DATA_FILE_NAME
    damaged.write_bytes(b'{"people": {"x": ')
    status, out, err = run(capsys, *args, "--data-dir", str(tmp_path))
    assert status == shell.EXIT_DATA, err
    assert "DAMAGED" in out if args == ["doctor"] else out == ""
    assert damaged.read_bytes() == b'{"people": {"x": '


def test_no_data_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = str(tmp_path / "none")
    assert run(capsys, "people", "--data-dir", empty)[:2] == (0, "")
    assert run(capsys, "journal", "--data-dir", empty)[:2] == (0, "")
    status, out, err = run(capsys, "today", "--data-dir", empty)
    assert (status, out) == (1, "")
    assert "brilliance demo" in err


def test_use_colour_only_for_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert shell.use_colour(Terminal())
    assert not shell.use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not shell.use_colour(Terminal())
    assert shell.Lines(colour=False).render(shell.styled("x", "bold")) == "x"
    assert shell.Lines(colour=True).render(shell.styled("x", "bold")) == "\x1b[1mx\x1b[0m"


def test_colour_codes_are_ours_and_user_escapes_stay_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path) as store:
        store.people.save(Person(name="Eve \x1b[2J", on_list=True, notes="hi \x1b]52;c;eA==\x07"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    for command in ("people", "show"):
        status, out, _ = run(
            capsys, command, *(["Eve"] if command == "show" else []), "--data-dir", str(tmp_path)
        )
        assert status == 0
        assert "Eve ␛[2J" in out and "\x1b[2J" not in out
        assert "\x1b[1m" in out or "\x1b[33m" in out  # our own colour codes do get through
    assert "hi ␛]52;c;eA==␇" in out


@pytest.mark.parametrize(
    "args", [["export", "--format", "json"], ["import", "people.csv"], ["prep", "Ana"]]
)
def test_other_commands_say_3_for_a_damaged_file_too(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "people.csv").write_text("name\nAna\n")
    damaged = tmp_path / DATA_FILE_NAME
    damaged.write_bytes(b'{"people": {"x": ')
    args = [str(tmp_path / a) if a.endswith(".csv") else a for a in args]
    status, _, err = run(capsys, *args, "--data-dir", str(tmp_path))
    assert status == shell.EXIT_DATA, err
    assert "has not been changed" in err
    assert damaged.read_bytes() == b'{"people": {"x": '


def test_a_data_file_that_cannot_be_read_is_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / DATA_FILE_NAME).mkdir()  # reading it fails, even for root
    status, out, err = run(capsys, "people", "--data-dir", str(tmp_path))
    assert (status, out) == (shell.EXIT_DATA, "")
    assert "Traceback" not in err and "has not been changed" in err
