"""The prep sheet's deeper-practice sections: dates, introduction outcomes, praise, access."""

from __future__ import annotations

from datetime import date, datetime

from brilliance import assets
from brilliance.domain.models import (
    DateKind,
    ImportantDate,
    Meeting,
    MeetingStatus,
    Person,
    Profile,
)
from brilliance.domain.prep import PrepInputs, build_sheet

TODAY = date(2026, 11, 24)
ANA = Person(id="ana", name="Ana", wins=["won the design award"], partnership_prospect=True)
BO = Person(id="bo", name="Bo", knows=["ana"])


def inputs(person: Person = ANA, **kw: object) -> PrepInputs:
    defaults: dict[str, object] = {
        "person": person,
        "meeting": None,
        "profile": Profile(),
        "people": [ANA, BO],
        "meetings": [],
        "followups": [],
        "events": [],
        "bank": assets.questions(),
        "kinds": assets.meeting_kinds(),
        "praise": assets.praise(),
        "partnership": assets.partnership_questions(),
        "today": TODAY,
    }
    return PrepInputs(**(defaults | kw))  # type: ignore[arg-type]


def test_dates_within_two_weeks_of_the_meeting() -> None:
    ana = ANA.model_copy(
        update={
            "important_dates": [
                ImportantDate(kind=DateKind.BIRTHDAY, month=12, day=20),
                ImportantDate(kind=DateKind.BIRTHDAY, month=12, day=31, year=1990),
            ]
        }
    )
    meeting = Meeting(person_id="ana", when=datetime(2026, 12, 10, 9))
    sheet = build_sheet(inputs(ana, meeting=meeting))
    assert [i.text for i in sheet.section("dates").items] == ["birthday, Sun 20 Dec"]
    assert "dates" not in [s.key for s in build_sheet(inputs(ana)).sections]


def test_introductions_waiting_for_an_answer_are_asked_on_both_sides() -> None:
    held = Meeting(
        id="m1",
        person_id="ana",
        when=datetime(2026, 11, 2, 9),
        status=MeetingStatus.DONE,
        introductions=["bo"],
    )
    for person, text in ((ANA, "Ana to Bo"), (BO, "Bo to Ana")):
        sheet = build_sheet(inputs(person, meetings=[held]))
        items = sheet.section("intro-outcomes").items
        assert [i.text for i in items] == [f"Did introducing {text} (02 Nov) help?"]


def test_praise_leads_with_a_win_not_praised_yet() -> None:
    sheet = build_sheet(inputs())
    first = sheet.section("praise").items[0]
    assert "won the design award" in first.text
    assert first.detail == "a win not praised yet: praise it early"
    praised = Meeting(
        person_id="ana",
        when=datetime(2026, 11, 2, 9),
        status=MeetingStatus.DONE,
        praised="the design award she won",
    )
    sheet = build_sheet(inputs(meetings=[praised]))
    assert all(not i.detail for i in sheet.section("praise").items)


def test_an_older_unpraised_win_comes_before_the_suggestion() -> None:
    ana = ANA.model_copy(update={"wins": ["won the design award", "shipped the permit form"]})
    praised = Meeting(
        person_id="ana",
        when=datetime(2026, 11, 2, 9),
        status=MeetingStatus.DONE,
        praised="shipped the permit form, beautifully",
    )
    items = build_sheet(inputs(ana, meetings=[praised])).section("praise").items
    assert items[0].text == "Their win: won the design award"
    assert len(items) == 2


def test_access_questions_name_whom_they_know() -> None:
    sheet = build_sheet(inputs())
    details = {i.key: i.detail for i in sheet.section("partnership").items}
    assert details["partner:open-network"].endswith("they know Bo")
    assert details["partner:valued-network"].endswith("they know Bo")
    assert "they know" not in details["partner:exit"]
