"""Models: readable validation messages, list fields, round trips, frozen records."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from brilliance.domain.errors import field_errors, summary
from brilliance.domain.models import (
    Answer,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    PartnershipAnswer,
    Person,
    PrepState,
    Profile,
    ValueItem,
    ValueKind,
    join_list,
    scrub_text,
    split_list,
    updated,
)


def errors_of(model: type[BaseModel], **data: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return field_errors(caught.value)


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_name(name: str) -> None:
    assert errors_of(Person, name=name) == {"name": "Name can't be empty"}


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        ("abc", "whole number"),
        ("1.5", "whole number"),
        (0, "between 1 and 365"),
        (400, "between 1 and 365"),
        (True, "whole number"),
    ],
)
def test_cadence_messages(cadence: object, words: str) -> None:
    assert words in errors_of(Person, name="Ana", cadence_days=cadence)["cadence_days"]


def test_cadence_accepts_digits_as_text() -> None:
    assert Person(name="Ana", cadence_days="21").cadence_days == 21  # type: ignore[arg-type]


def test_email_phone_and_date_messages() -> None:
    found = errors_of(Person, name="Ana", email="ana@", phone="call me", last_met="2026-13-01")
    assert found["email"].startswith("Email doesn't look right")
    assert found["phone"].startswith("Phone can hold digits")
    assert found["last_met"] == "Last met must be a date like 2026-11-24"


def test_too_long_name() -> None:
    assert errors_of(Person, name="x" * 301) == {
        "name": "Name is too long (at most 300 characters)"
    }


def test_other_records_say_what_is_missing() -> None:
    assert errors_of(FollowUp, person_id="p", text=" ", due="2026-12-01") == {
        "text": "The promise can't be empty"
    }
    assert errors_of(Event, title="", day="2026-12-01") == {"title": "Title can't be empty"}
    assert "Date and time" in errors_of(Meeting, person_id="p", when="soon")["when"]
    assert summary(ValidationError.from_exception_data("Person", [])) == ""


def test_list_fields_split_strip_and_drop_repeats() -> None:
    person = Person(name="Ana", skills=" design, Design ,, research ")  # type: ignore[arg-type]
    assert person.skills == ["design", "research"]
    assert Person(name="Ana", goals=["  a ", "", "b"]).goals == ["a", "b"]


item = (
    st.text(
        alphabet=st.characters(blacklist_characters=",", blacklist_categories=("Cs",)), min_size=1
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(item, unique_by=str.casefold))
def test_split_and_join_round_trip(items: list[str]) -> None:
    assert split_list(join_list(items)) == items


def test_lone_surrogates_are_replaced() -> None:
    person = Person(name="Ana \ud800", skills=["x\udfff"])
    assert person.name == "Ana \ufffd"
    assert person.skills == ["x\ufffd"]
    person.model_dump_json().encode("utf-8")
    assert scrub_text("\ud83d\ude00") == "😀"  # a valid pair stays one emoji


texts = st.text(max_size=60)
short = st.text(max_size=40).map(str.strip)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1))


def round_trips(model: BaseModel) -> bool:
    return type(model).model_validate(model.model_dump(mode="json")) == model


@given(
    name=short.filter(bool),
    headline=short,
    notes=texts,
    skills=st.lists(short, max_size=4),
    last_met=st.none() | days,
    on_list=st.booleans(),
    cadence=st.integers(1, 365),
)
def test_person_round_trip(
    name: str,
    headline: str,
    notes: str,
    skills: list[str],
    last_met: date | None,
    on_list: bool,
    cadence: int,
) -> None:
    person = Person(
        name=name,
        headline=headline,
        notes=notes,
        skills=skills,
        last_met=last_met,
        on_list=on_list,
        cadence_days=cadence,
        partnership_prospect=True,
        partnership_review={"exit": PartnershipAnswer(answer=Answer.UNSURE, note=notes)},
    )
    assert round_trips(person)


@given(when=moments, notes=texts, note=texts, place=short)
def test_meeting_round_trip(when: datetime, notes: str, note: str, place: str) -> None:
    meeting = Meeting(
        person_id="p1",
        when=when,
        place=place,
        notes=notes,
        status=MeetingStatus.DONE,
        prep=PrepState(checked=["questions:0"], questions=["What next?"]),
        questions_asked=["What next?"],
        value_given=[ValueItem(kind=kind, note=note) for kind in ValueKind],
        introductions=["p2"],
    )
    assert round_trips(meeting)


@given(text=texts, due=days, done=st.booleans(), title=short.filter(bool), day=days)
def test_other_records_round_trip(text: str, due: date, done: bool, title: str, day: date) -> None:
    assert round_trips(FollowUp(person_id="p1", text=title, due=due, done=done))
    assert round_trips(Event(title=title, day=day, topics=[title], invited=["p1"], notes=text))
    assert round_trips(
        JournalEntry(
            written_at=datetime(2026, 1, 1, 8), text=text, tags=["x"], people=["p1"], prompt=text
        )
    )
    assert round_trips(Profile(name=title, interests=[title], offers=text, theme="textual-light"))


def test_markup_is_kept_as_typed() -> None:
    person = Person(name="[bold]Ana[/bold]", notes="[red]x[/]")
    assert person.name == "[bold]Ana[/bold]"
    assert round_trips(person)


def test_records_are_frozen_and_updated_validates() -> None:
    person = Person(name="Ana")
    with pytest.raises(ValidationError):
        person.name = "Bo"  # type: ignore[misc]
    assert updated(person, name="Bo").name == "Bo"
    assert updated(person, name="Bo").id == person.id
    with pytest.raises(ValidationError):
        updated(person, name="")
