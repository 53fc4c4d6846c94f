"""Every format round-trips; malformed files give per-line errors and write nothing."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest
from icalendar import Calendar

from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Event, Person
from brilliance.portability.exporters import calendar_ics, people_csv, people_markdown
from brilliance.portability.importers import (
    ImportError_,
    detect,
    import_csv,
    import_ics,
    import_jrnl,
    import_vcard,
)
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

NOW = datetime(2026, 11, 24, 9, 30)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    with Store.open(folder, clock=FixedClock(NOW)) as store:
        build_demo(store, NOW.date())
    return folder


def tables(folder: Path) -> dict[str, object]:
    return orjson.loads((folder / DATA_FILE_NAME).read_bytes())  # type: ignore[no-any-return]


def test_json_backup_round_trip(demo: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert (
        cli("export", "--format", "json", "--out", str(backup), "--data-dir", str(demo)).returncode
        == 0
    )
    restored = tmp_path / "restored"
    result = cli("import", str(backup), "--data-dir", str(restored))
    assert result.returncode == 0, result.stderr
    assert tables(restored) == tables(demo)
    # Into a folder with data: only with --merge, and then nothing is duplicated.
    again = cli("import", str(backup), "--data-dir", str(restored))
    assert again.returncode == 1 and "--merge" in again.stderr
    merged = cli("import", str(backup), "--merge", "--data-dir", str(restored))
    assert merged.returncode == 0
    assert " 0 added, " in merged.stdout and "skipped, 0 rejected" in merged.stdout
    assert tables(restored) == tables(demo)


def test_csv_round_trip(demo: Path) -> None:
    with Store.open(demo, lock=False) as store:
        exported = people_csv(store)
        originals = {p.name: p for p in store.people}
    plan = import_csv(exported.decode(), [])
    assert not plan.rejected and not plan.notes
    assert len(plan.people) == len(originals)
    for person in plan.people:
        original = originals[person.name]
        for field in (
            "headline",
            "organisation",
            "email",
            "on_list",
            "cadence_days",
            "last_met",
            "skills",
            "interests",
            "goals",
            "aspirations",
            "tags",
        ):
            assert getattr(person, field) == getattr(original, field), (person.name, field)


def test_csv_reports_unknown_columns_and_bad_rows() -> None:
    text = "Name,Email,Shoe size\nAna,ana@x.org,38\nBo,not-an-email,41\nCy,cy@x.org\n"
    plan = import_csv(text, [])
    assert plan.notes == ["Columns not imported: Shoe size"]
    assert [p.name for p in plan.people] == ["Ana"]
    assert [(r.line, r.reason) for r in plan.rejected] == [
        (3, "Email doesn't look right (expected name@example.com)"),
        (4, "2 values for 3 columns"),
    ]
    with pytest.raises(ImportError_, match="no 'name' column"):
        import_csv("email\nx@y.z\n", [])


VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:Rita Gomez
EMAIL:rita@example.org
TEL:+44 7700 900123
ORG:Harbour Labs;Research
TITLE:Research lead
NOTE:Met at the harbour meetup.\\nLoves sailing.
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Okoro;Tunde;;;
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Someone Else
EMAIL:ana@lumen.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Rita Gomez
END:VCARD
"""


def test_vcard_import_keeps_fields_and_skips_duplicates() -> None:
    existing = [Person(name="Ana Lima", email="ana@lumen.example")]
    plan = import_vcard(VCARDS, existing)
    assert [(p.name, p.email, p.phone, p.organisation, p.headline) for p in plan.people] == [
        (
            "Rita Gomez",
            "rita@example.org",
            "+44 7700 900123",
            "Harbour Labs Research",
            "Research lead",
        ),
        ("Tunde Okoro", "", "", "", ""),
    ]
    assert all(not p.on_list for p in plan.people)  # contacts join the wider network
    assert plan.people[0].notes == "Met at the harbour meetup.\nLoves sailing."  # NOTE kept
    assert plan.people[1].notes == ""
    assert len(plan.skipped) == 2
    assert "ana@lumen.example" in plan.skipped[0]


def test_vcard_note_and_a_birthday_not_understood_are_both_kept() -> None:
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Rita Gomez\nNOTE:Loves sailing.\nBDAY:soon\nEND:VCARD\n"
    (person,) = import_vcard(card, []).people
    assert person.notes == "Loves sailing.\n\nBDAY from the vCard, not understood as a date: soon"


def test_malformed_vcard_is_rejected_by_line() -> None:
    broken = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ok Person\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Half\n"
    )
    plan = import_vcard(broken, [])
    assert [p.name for p in plan.people] == ["Ok Person"]
    assert [r.line for r in plan.rejected] == [5]
    with pytest.raises(ImportError_):
        import_vcard("just some text", [])


def test_jrnl_import_keeps_dates_mentions_and_tags() -> None:
    ana = Person(id="ana", name="Ana Lima")
    text = (
        "[2025-03-01 09:15] Coffee with @Ana Lima\nHer #launch is close.\n\n"
        "[2025-03-02 9:05 PM] Evening\nRead. #reading\n"
    )
    plan = import_jrnl(text, [ana])
    assert not plan.rejected
    first, second = plan.journal
    assert first.written_at == datetime(2025, 3, 1, 9, 15)
    assert first.text == "Coffee with @Ana Lima\nHer #launch is close."
    assert (first.people, first.tags) == (["ana"], ["launch"])
    assert second.written_at == datetime(2025, 3, 2, 21, 5)


def test_malformed_jrnl_reports_the_line() -> None:
    plan = import_jrnl("[2025-02-30 09:00] Bad date\ntext\n[2025-03-01 10:00] Good\n", [])
    assert [r.line for r in plan.rejected] == [1]
    assert [e.text for e in plan.journal] == ["Good"]
    with pytest.raises(ImportError_):
        import_jrnl("no dates here\nat all\n", [])


def test_ics_export_is_a_real_calendar_and_events_import(demo: Path) -> None:
    with Store.open(demo, lock=False) as store:
        data = calendar_ics(store)
        planned = [m for m in store.meetings if m.status.value == "planned"]
        open_promises = [f for f in store.followups if not f.done]
        dates = [d for p in store.people for d in p.important_dates]
    calendar = Calendar.from_ical(data)
    # Planned meetings, and important dates as yearly events (not imported back as events).
    assert dates and len(calendar.walk("VEVENT")) == len(planned) + len(dates)
    assert len(calendar.walk("VTODO")) == len(open_promises)
    plan = import_ics(data, [])
    assert len(plan.events) == len(planned)
    again = import_ics(data, plan.events)
    assert not again.events and len(again.skipped) == len(planned)


def test_ics_with_categories_and_bad_events() -> None:
    text = (
        b"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
        b"BEGIN:VEVENT\nUID:1\nSUMMARY:Design night\nDTSTART;VALUE=DATE:20261203\n"
        b"LOCATION:The Hub\nCATEGORIES:design,research\nEND:VEVENT\n"
        b"BEGIN:VEVENT\nUID:2\nSUMMARY:No start\nEND:VEVENT\n"
        b"END:VCALENDAR\n"
    )
    plan = import_ics(text, [Event(title="Old", day=date(2026, 1, 1))])
    (event,) = plan.events
    assert (event.title, event.day, event.place, event.topics) == (
        "Design night",
        date(2026, 12, 3),
        "The Hub",
        ["design", "research"],
    )
    assert "no start date" in plan.rejected[0].reason
    with pytest.raises(ImportError_):
        import_ics(b"garbage", [])


def test_people_markdown_pages(demo: Path) -> None:
    with Store.open(demo, lock=False) as store:
        pages = people_markdown(store)
        count = len(store.people)
    assert len(pages) == count
    ana = pages["ana-lima.md"].decode()
    assert ana.startswith("# Ana Lima\n")
    assert "## Meetings" in ana and "### " in ana


def test_bad_rows_mean_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.people.save(Person(name="Existing"))
    before = (data / DATA_FILE_NAME).read_bytes()
    bad = tmp_path / "people.csv"
    bad.write_text("name,email\nGood One,good@x.org\nBad,nope\n")
    result = cli("import", str(bad), "--data-dir", str(data))
    assert result.returncode == 1
    assert "line 3" in result.stderr and "Nothing imported" in result.stderr
    assert (data / DATA_FILE_NAME).read_bytes() == before
    result = cli("import", str(bad), "--skip-bad", "--data-dir", str(data))
    assert result.returncode == 0
    assert "1 added, 0 skipped, 1 rejected" in result.stdout
    with Store.open(data, lock=False) as store:
        assert {p.name for p in store.people} == {"Existing", "Good One"}


def test_detect_formats(tmp_path: Path) -> None:
    assert detect(tmp_path / "a.vcf", b"") == "vcard"
    assert detect(tmp_path / "a", b"BEGIN:VCALENDAR") == "ics"
    assert detect(tmp_path / "a.txt", b"[2025-01-01 10:00] x") == "jrnl"
    assert detect(tmp_path / "a.md", b"# Brilliance journal") == "markdown"
    assert detect(tmp_path / "a.json", b"{") == "json"
    with pytest.raises(ImportError_, match="can't tell"):
        detect(tmp_path / "a.bin", b"\x00\x01")


def test_csv_export_is_valid_csv(demo: Path) -> None:
    with Store.open(demo, lock=False) as store:
        rows = list(csv.reader(io.StringIO(people_csv(store).decode())))
    assert rows[0][0] == "name" and len({len(r) for r in rows}) == 1
