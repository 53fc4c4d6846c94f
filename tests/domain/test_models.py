"""Models: readable validation messages, list fields, round trips, frozen records."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
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

# Hypothesis tests here are pure computation; no deadline, so a loaded machine cannot flake them.
quick = settings(deadline=None, max_examples=60)


def errors_of(model: type[BaseModel], **data: object) -> dict[str, str]:
    """The readable messages for ``data``, which must fail validation."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return field_errors(caught.value)


# -- validation messages a person understands ---------------------------------------------


@pytest.mark.parametrize("name", ["", " ", "   ", "\t\n", "\u3000"])
def test_empty_or_blank_name(name: str) -> None:
    assert errors_of(Person, name=name) == {"name": "Name can't be empty"}


def test_missing_name_is_required() -> None:
    assert errors_of(Person) == {"name": "Name is required"}


def test_name_is_stripped() -> None:
    assert Person(name="  Ana Lima \n").name == "Ana Lima"


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        ("abc", "whole number"),
        ("", "whole number"),
        ("1.5", "whole number"),
        ("-3", "whole number"),
        (1.5, "whole number"),
        (14.0, "whole number"),
        (None, "whole number"),
        (True, "whole number"),
        (0, "between 1 and 365"),
        ("0", "between 1 and 365"),
        (-1, "between 1 and 365"),
        (366, "between 1 and 365"),
        (400, "between 1 and 365"),
        ("400", "between 1 and 365"),
        (10**30, "between 1 and 365"),
        pytest.param(
            "²",
            "whole number",
            id="superscript two",
        ),
        pytest.param(
            "9" * 5000,
            "between 1 and 365",
            id="5000 digits",
        ),
    ],
)
def test_cadence_messages(cadence: object, words: str) -> None:
    message = errors_of(Person, name="Ana", cadence_days=cadence)["cadence_days"]
    assert words in message
    assert message.startswith("Cadence")


@pytest.mark.parametrize(("typed", "days"), [("21", 21), (" 7 ", 7), ("1", 1), ("365", 365)])
def test_cadence_accepts_digits_as_text(typed: str, days: int) -> None:
    assert Person(name="Ana", cadence_days=typed).cadence_days == days


@pytest.mark.parametrize(
    "email", ["ana@", "ana", "@example.com", "ana@example", "a b@example.com", "ana@@example.com"]
)
def test_bad_email(email: str) -> None:
    message = errors_of(Person, name="Ana", email=email)["email"]
    assert message == "Email doesn't look right (expected name@example.com)"


@pytest.mark.parametrize("email", ["", "ana@example.com", "  ana.lima+work@mail.example.org  "])
def test_good_email(email: str) -> None:
    assert Person(name="Ana", email=email).email == email.strip()


@pytest.mark.parametrize("phone", ["call me", "12", "+44 abc", "555-1234 ext. 9", "1" * 41])
def test_bad_phone(phone: str) -> None:
    message = errors_of(Person, name="Ana", phone=phone)["phone"]
    assert message.startswith("Phone can hold digits")


@pytest.mark.parametrize("phone", ["", "+44 (0)20 7946-0958", "555.123.4567", "112"])
def test_good_phone(phone: str) -> None:
    assert Person(name="Ana", phone=phone).phone == phone


@pytest.mark.parametrize("last_met", ["2026-13-01", "2026-02-30", "yesterday", "24/11/2026"])
def test_bad_last_met(last_met: str) -> None:
    assert errors_of(Person, name="Ana", last_met=last_met) == {
        "last_met": "Last met must be a date like 2026-11-24"
    }


def test_last_met_accepts_an_iso_date() -> None:
    assert Person(name="Ana", last_met="2028-02-29").last_met == date(2028, 2, 29)


def test_too_long_name() -> None:
    assert errors_of(Person, name="x" * 301) == {
        "name": "Name is too long (at most 300 characters)"
    }
    assert Person(name="x" * 300).name == "x" * 300
    # The length counts what is kept, after stripping.
    assert Person(name=f"  {'x' * 300}  ").name == "x" * 300


def test_too_long_list_item() -> None:
    message = errors_of(Person, name="Ana", skills=["x" * 301])["skills"]
    assert "too long" in message and "300" in message


def test_every_problem_is_reported_once_per_field() -> None:
    found = errors_of(Person, name="", email="ana@", phone="call me", last_met="2026-13-01")
    assert found == {
        "name": "Name can't be empty",
        "email": "Email doesn't look right (expected name@example.com)",
        "phone": "Phone can hold digits, spaces, +, -, ( and ) only",
        "last_met": "Last met must be a date like 2026-11-24",
    }


@pytest.mark.parametrize("text", ["", "   "])
def test_followup_with_empty_text(text: str) -> None:
    assert errors_of(FollowUp, person_id="p", text=text, due="2026-12-01") == {
        "text": "The promise can't be empty"
    }


def test_followup_due_date_message() -> None:
    assert errors_of(FollowUp, person_id="p", text="Send deck", due="soon") == {
        "due": "Due date must be a date like 2026-11-24"
    }


@pytest.mark.parametrize("title", ["", "  "])
def test_event_with_empty_title(title: str) -> None:
    assert errors_of(Event, title=title, day="2026-12-01") == {"title": "Title can't be empty"}


def test_meeting_messages() -> None:
    found = errors_of(Meeting, person_id="p", when="soon", value_given=[{"kind": "money"}])
    assert found["when"] == "Date and time must be a date and time like 2026-11-24 18:30"
    assert found["value_given"].startswith("Value given, item 1, must be one of")
    assert "connection" in found["value_given"]


def test_summary_joins_the_sentences() -> None:
    with pytest.raises(ValidationError) as caught:
        Person(name="", cadence_days=0)
    assert summary(caught.value) == "Name can't be empty; Cadence must be between 1 and 365 days"


# -- list fields ----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["skills", "goals", "interests", "wins", "tags"])
def test_person_list_fields_split_strip_and_drop_repeats(field: str) -> None:
    person = Person.model_validate({"name": "Ana", field: " design, Design ,, research ,DESIGN"})
    assert getattr(person, field) == ["design", "research"]
    from_list = Person.model_validate({"name": "Ana", field: ["  a ", "", "b", "A", " b"]})
    assert getattr(from_list, field) == ["a", "b"]


def test_other_list_fields_split_too() -> None:
    assert Event(title="Meetup", day=date(2026, 12, 1), topics="ai, AI, design").topics == [
        "ai",
        "design",
    ]
    assert Profile(interests="hiking, jazz,Hiking").interests == ["hiking", "jazz"]


def test_repeats_are_found_by_casefolding() -> None:
    assert Person(name="Ana", skills="Straße, STRASSE, x").skills == ["Straße", "x"]


def test_split_and_join() -> None:
    assert split_list(" a, b ,,c ,") == ["a", "b", "c"]
    assert split_list("") == []
    assert split_list(" , ") == []
    assert join_list(["a", "b c"]) == "a, b c"
    assert join_list([]) == ""


list_item = (
    st.text(
        alphabet=st.characters(exclude_characters=",", exclude_categories=["Cs"]),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


def dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            kept.append(item)
    return kept


@quick
@given(st.lists(list_item, max_size=8))
def test_split_and_join_round_trip(items: list[str]) -> None:
    assert split_list(join_list(items)) == items
    # What a form field does with the same text: split, then drop repeats.
    typed = Person(name="Ana", skills=join_list(items))
    assert typed.skills == dedupe(items)
    assert Person(name="Ana", skills=items).skills == dedupe(items)
    assert split_list(join_list(typed.skills)) == typed.skills


# -- lone surrogates ----------------------------------------------------------------------

anything = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=[])


def reference_scrub(text: str) -> str:
    """Each lone surrogate becomes U+FFFD; a high+low pair becomes the character it encodes."""
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        if (
            "\ud800" <= char <= "\udbff"
            and i + 1 < len(text)
            and "\udc00" <= text[i + 1] <= "\udfff"
        ):
            out.append(text[i : i + 2].encode("utf-16", "surrogatepass").decode("utf-16"))
            i += 2
            continue
        out.append("\ufffd" if "\ud800" <= char <= "\udfff" else char)
        i += 1
    return "".join(out)


@quick
@given(st.text(alphabet=anything, max_size=40))
def test_scrub_text_replaces_lone_surrogates(text: str) -> None:
    scrubbed = scrub_text(text)
    scrubbed.encode("utf-8")
    assert scrubbed == reference_scrub(text)


@quick
@given(st.text(max_size=40))
def test_scrub_text_keeps_valid_text(text: str) -> None:
    assert scrub_text(text) == text


def test_lone_surrogates_are_replaced_in_records() -> None:
    person = Person(name="Ana \ud800", skills=["x\udfff"], notes="a\udc00b")
    assert person.name == "Ana \ufffd"
    assert person.skills == ["x\ufffd"]
    assert person.notes == "a\ufffdb"
    person.model_dump_json().encode("utf-8")
    assert scrub_text("\ud83d\ude00") == "😀"  # a valid pair stays one emoji
    meeting = Meeting(
        person_id="p",
        when=datetime(2026, 1, 1),
        questions_asked=["why\ud800"],
        value_given=[{"kind": "information", "note": "\udfff"}],
    )
    assert meeting.questions_asked == ["why\ufffd"]
    assert meeting.value_given[0].note == "\ufffd"
    meeting.model_dump_json().encode("utf-8")


@quick
@given(st.text(alphabet=anything, max_size=40), st.text(alphabet=anything, max_size=40))
def test_any_text_with_surrogates_can_be_written_as_utf8(name: str, notes: str) -> None:
    try:
        person = Person(name=name, notes=notes, skills=[name, notes])
    except ValidationError as exc:
        assert set(field_errors(exc)) == {"name"}  # only a blank name can be refused
        return
    person.model_dump_json().encode("utf-8")
    assert Person.model_validate_json(person.model_dump_json()) == person


# -- round trips ----------------------------------------------------------------------------

markup = st.sampled_from(
    [
        "[bold]x[/bold]",
        "[/]",
        "[red]not closed",
        "[link=https://example.com]x[/link]",
        "\\[escaped]",
        ":smile:",
        "🎉👩‍💻🇵🇹",
        "Zoë Ørsted",
        "a\nb\r\nc\t",
        "\x00\x1b[31m",
        "\u2028\u2029\ufeff",
        '{"json": [1]}',
        "<b>&amp;</b>",
    ]
)
texts = st.one_of(markup, st.text(max_size=60), st.text(alphabet=anything, max_size=20))
short = st.one_of(markup, st.text(max_size=40))
names = short.filter(lambda s: bool(s.strip()))
days = st.dates()
moments = st.datetimes()
ids = st.text(alphabet="0123456789abcdef", min_size=1, max_size=12)


def round_trips(model: BaseModel) -> bool:
    again = type(model).model_validate(model.model_dump(mode="json"))
    from_json = type(model).model_validate_json(model.model_dump_json())
    return again == model and from_json == model


partnership_answers = st.builds(PartnershipAnswer, answer=st.sampled_from(list(Answer)), note=texts)


@st.composite
def people(draw: st.DrawFn) -> Person:
    return Person(
        id=draw(ids),
        created_at=draw(moments),
        updated_at=draw(moments),
        name=draw(names),
        headline=draw(short),
        organisation=draw(short),
        skills=draw(st.lists(short, max_size=4)),
        aspirations=draw(texts),
        goals=draw(st.lists(short, max_size=4)),
        interests=draw(st.lists(short, max_size=4)),
        how_i_can_help=draw(texts),
        wins=draw(st.lists(short, max_size=3)),
        on_list=draw(st.booleans()),
        cadence_days=draw(st.integers(1, 365)),
        last_met=draw(st.none() | days),
        tags=draw(st.lists(short, max_size=3)),
        notes=draw(texts),
        email=draw(st.sampled_from(["", "ana@example.com", "zoë@例え.jp"])),
        phone=draw(st.sampled_from(["", "+44 (0)20 7946-0958"])),
        partnership_prospect=draw(st.booleans()),
        partnership_review=draw(
            st.dictionaries(st.sampled_from(["align", "strengths", "exit"]), partnership_answers)
        ),
    )


@quick
@given(people())
def test_person_round_trip(person: Person) -> None:
    assert round_trips(person)


@quick
@given(
    when=moments,
    texts_=st.lists(texts, min_size=3, max_size=3),
    status=st.sampled_from(list(MeetingStatus)),
    values=st.lists(st.builds(ValueItem, kind=st.sampled_from(list(ValueKind)), note=texts)),
    checked=st.lists(short, max_size=4),
    questions=st.lists(texts, max_size=4),
    place=short,
    kind=short,
)
def test_meeting_round_trip(
    when: datetime,
    texts_: list[str],
    status: MeetingStatus,
    values: list[ValueItem],
    checked: list[str],
    questions: list[str],
    place: str,
    kind: str,
) -> None:
    prep = PrepState(checked=checked, questions=questions)
    assert round_trips(prep)
    meeting = Meeting(
        person_id="p1",
        when=when,
        place=place,
        kind=kind,
        notes=texts_[0],
        status=status,
        prep=prep,
        questions_asked=texts_[1:],
        value_given=values,
        introductions=["p2", "p3"],
    )
    assert round_trips(meeting)
    for value in values:
        assert round_trips(value)


@quick
@given(
    text=names,
    due=days,
    done=st.booleans(),
    done_on=st.none() | days,
    meeting_id=st.none() | ids,
)
def test_followup_round_trip(
    text: str, due: date, done: bool, done_on: date | None, meeting_id: str | None
) -> None:
    followup = FollowUp(
        person_id="p1", text=text, due=due, done=done, done_on=done_on, meeting_id=meeting_id
    )
    assert round_trips(followup)


@quick
@given(
    title=names,
    day=days,
    place=short,
    topics=st.lists(short, max_size=4),
    notes=texts,
    invited=st.lists(ids, max_size=3),
)
def test_event_round_trip(
    title: str, day: date, place: str, topics: list[str], notes: str, invited: list[str]
) -> None:
    event = Event(title=title, day=day, place=place, topics=topics, invited=invited, notes=notes)
    assert round_trips(event)


@quick
@given(
    written_at=moments,
    text=texts,
    tags=st.lists(short, max_size=4),
    people_=st.lists(ids, max_size=3),
    prompt=texts,
)
def test_journal_entry_round_trip(
    written_at: datetime, text: str, tags: list[str], people_: list[str], prompt: str
) -> None:
    entry = JournalEntry(written_at=written_at, text=text, tags=tags, people=people_, prompt=prompt)
    assert round_trips(entry)


@quick
@given(
    name=short,
    interests=st.lists(short, max_size=4),
    offers=texts,
    theme=st.sampled_from(["textual-dark", "textual-light", "nord"]),
    welcomed=st.booleans(),
)
def test_profile_round_trip(
    name: str, interests: list[str], offers: str, theme: str, welcomed: bool
) -> None:
    profile = Profile(name=name, interests=interests, offers=offers, theme=theme, welcomed=welcomed)
    assert round_trips(profile)


@quick
@given(partnership_answers)
def test_partnership_answer_round_trip(answer: PartnershipAnswer) -> None:
    assert round_trips(answer)


def test_markup_is_kept_as_typed() -> None:
    person = Person(name="[bold]Ana[/bold]", notes="[red]x[/]", skills=["[b]design[/b]"])
    assert person.name == "[bold]Ana[/bold]"
    assert person.skills == ["[b]design[/b]"]
    assert round_trips(person)


def test_unknown_fields_are_ignored() -> None:
    """A file written by a newer version with an extra field still loads."""
    person = Person.model_validate({"name": "Ana", "favourite_colour": "teal"})
    assert "favourite_colour" not in person.model_dump()


# -- frozen records, validated updates ----------------------------------------------------


def test_records_are_frozen() -> None:
    person = Person(name="Ana")
    with pytest.raises(ValidationError):
        person.name = "Bo"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        person.cadence_days = 7  # type: ignore[misc]
    assert person.name == "Ana"
    followup = FollowUp(person_id="p", text="Call", due=date(2026, 12, 1))
    with pytest.raises(ValidationError):
        followup.done = True  # type: ignore[misc]
    profile = Profile()
    with pytest.raises(ValidationError):
        profile.welcomed = True  # type: ignore[misc]


def test_updated_returns_a_validated_copy() -> None:
    person = Person(name="Ana", skills=["design"])
    changed = updated(person, name="  Bo ", skills="a, A, b")
    assert changed.name == "Bo"
    assert changed.skills == ["a", "b"]
    assert changed.id == person.id
    assert changed.created_at == person.created_at
    assert person.name == "Ana"  # the original is untouched


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"cadence_days": "abc"}, "cadence_days"),
        ({"cadence_days": 0}, "cadence_days"),
        ({"email": "nope"}, "email"),
        ({"last_met": "someday"}, "last_met"),
    ],
)
def test_updated_validates(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        updated(Person(name="Ana"), **changes)
    assert field in field_errors(caught.value)


def test_updated_validates_nested_records() -> None:
    meeting = Meeting(
        person_id="p",
        when=datetime(2026, 11, 24, 12),
        value_given=[ValueItem(kind=ValueKind.INFORMATION, note="article")],
    )
    done = updated(meeting, status="done")
    assert done.status is MeetingStatus.DONE
    assert done.value_given == meeting.value_given
    with pytest.raises(ValidationError):
        updated(meeting, status="maybe")
    with pytest.raises(ValidationError):
        updated(FollowUp(person_id="p", text="Call", due=date(2026, 12, 1)), text=" ")
