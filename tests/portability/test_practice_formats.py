"""Important dates in and out: vCard BDAY/ANNIVERSARY, iCalendar yearly events."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import DateKind, ImportantDate, Person
from brilliance.portability.exporters import calendar_ics
from brilliance.portability.importers import ImportError_, import_ics, import_vcard
from brilliance.store.store import Store

CARDS = """BEGIN:VCARD
VERSION:4.0
FN:Rita Gomez
BDAY:--0229
ANNIVERSARY:20120616
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Tunde Okoro
BDAY:1988-11-30
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Odd Date
BDAY:sometime in May
END:VCARD
"""


def test_vcard_birthdays_and_anniversaries_become_yearly_dates() -> None:
    plan = import_vcard(CARDS, [])
    rita, tunde, odd = plan.people
    assert rita.important_dates == [
        ImportantDate(kind=DateKind.BIRTHDAY, month=2, day=29),
        ImportantDate(kind=DateKind.OTHER, label="anniversary", month=6, day=16, year=2012),
    ]
    assert tunde.important_dates == [
        ImportantDate(kind=DateKind.BIRTHDAY, month=11, day=30, year=1988)
    ]
    # Not understood: kept in the notes, never dropped.
    assert odd.important_dates == []
    assert "BDAY from the vCard, not understood as a date: sometime in May" in odd.notes


def test_dates_export_as_yearly_events(tmp_path: Path) -> None:
    with Store.open(tmp_path, clock=FixedClock(datetime(2026, 11, 24, 9))) as store:
        store.people.save(
            Person(
                id="p1",
                name="Rita Gomez",
                important_dates=[
                    ImportantDate(kind=DateKind.BIRTHDAY, month=2, day=29, year=1996),
                    ImportantDate(label="book launch", month=12, day=1, year=2026, yearly=False),
                    ImportantDate(kind=DateKind.ANNIVERSARY, month=3, day=2),
                ],
            )
        )
        data = calendar_ics(store)
    events = {str(e["summary"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    assert set(events) == {
        "Rita Gomez: birthday",
        "Rita Gomez: book launch",
        "Rita Gomez: work anniversary",
    }
    birthday = events["Rita Gomez: birthday"]
    assert birthday["dtstart"].dt == date(1996, 2, 29)  # type: ignore[union-attr]
    rule = rrulestr(birthday["rrule"].to_ical().decode(), dtstart=datetime(1996, 2, 29))  # type: ignore[union-attr]
    days = [d.date() for d in rule.between(datetime(2026, 1, 1), datetime(2028, 12, 31))]
    assert days == [date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]
    assert "rrule" not in events["Rita Gomez: book launch"]
    anniversary = events["Rita Gomez: work anniversary"]["dtstart"]
    assert anniversary.dt == date(2026, 3, 2)  # type: ignore[union-attr]
    # Importing our own calendar back does not turn birthdays into events.
    with pytest.raises(ImportError_, match="no events"):
        import_ics(data, [])
