"""Who knows whom: introductions recorded on both sides, and asked about two weeks later."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from brilliance.domain.acquaintances import (
    acquaintances,
    know_each_other,
    record_introductions,
    set_acquaintances,
)
from brilliance.domain.introduction_log import (
    answer_introduction,
    ask_text,
    awaiting_answer,
    describe_outcome,
    introduction_log,
)
from brilliance.domain.models import Answer, Meeting, MeetingStatus, Person

TODAY = date(2026, 11, 24)


def people() -> dict[str, Person]:
    return {
        pid: Person(id=pid, name=name)
        for pid, name in (("a", "Ana"), ("b", "Bruno"), ("c", "Chen"))
    }


def held(day: date, intros: list[str], person_id: str = "a") -> Meeting:
    return Meeting(
        id=f"m-{day}",
        person_id=person_id,
        when=datetime.combine(day, datetime.min.time()),
        status=MeetingStatus.DONE,
        introductions=intros,
    )


def test_knowing_is_recorded_on_both_sides_once() -> None:
    a, b = know_each_other(people()["a"], people()["b"])
    assert a.knows == ["b"] and b.knows == ["a"]
    again_a, again_b = know_each_other(a, b)
    assert again_a is a and again_b is b


def test_logging_a_meeting_records_every_introduction_on_both_sides() -> None:
    changed = {p.id: p for p in record_introductions(held(TODAY, ["b", "c"]), people())}
    assert set(changed) == {"a", "b", "c"}
    assert changed["a"].knows == ["b", "c"]
    assert changed["b"].knows == ["a"] and changed["c"].knows == ["a"]


def test_a_planned_meeting_or_unknown_people_change_nothing() -> None:
    planned = held(TODAY, ["b"]).model_copy(update={"status": MeetingStatus.PLANNED})
    assert record_introductions(planned, people()) == []
    assert record_introductions(held(TODAY, ["zz"]), people()) == []


def test_acquaintances_read_either_side() -> None:
    everyone = people()
    everyone["b"] = everyone["b"].model_copy(update={"knows": ["a"]})
    assert [p.name for p in acquaintances(everyone["a"], everyone)] == ["Bruno"]


def test_asked_two_weeks_later_on_both_sides_until_answered() -> None:
    meetings = [held(date(2026, 11, 10), ["b"]), held(date(2026, 11, 11), ["c"])]
    waiting = awaiting_answer(meetings, TODAY)
    assert [(i.person_id, i.other_id) for i in waiting] == [("a", "b")]  # c: only 13 days
    assert awaiting_answer(meetings, TODAY, "b") == waiting
    assert awaiting_answer(meetings, TODAY, "c") == []
    names = {p.id: p.name for p in people().values()}
    assert ask_text(waiting[0], names, "b") == "Did introducing Bruno to Ana (10 Nov) help?"

    answered = answer_introduction(meetings[0], "b", Answer.YES, " they hired her ", TODAY)
    assert awaiting_answer([answered, meetings[1]], TODAY) == []
    intro = introduction_log([answered])[0]
    assert describe_outcome(intro.outcome) == "helped: they hired her"
    assert intro.outcome is not None and intro.outcome.answered_on == TODAY


def test_answering_twice_keeps_the_latest_answer_only() -> None:
    meeting = held(date(2026, 11, 1), ["b"])
    meeting = answer_introduction(meeting, "b", Answer.UNSURE, "", TODAY)
    meeting = answer_introduction(meeting, "b", Answer.NO, "", TODAY)
    assert [o.helped for o in meeting.introduction_outcomes] == [Answer.NO]
    with pytest.raises(ValueError, match="not made"):
        answer_introduction(meeting, "c", Answer.YES, "", TODAY)


def test_setting_whom_someone_knows_keeps_both_sides() -> None:
    everyone = people()
    everyone["b"] = everyone["b"].model_copy(update={"knows": ["a"]})
    changed = {p.id: p for p in set_acquaintances(everyone["a"], ["c", "a", "zz"], everyone)}
    assert changed["a"].knows == ["c"]  # not themselves, not strangers
    assert changed["c"].knows == ["a"]
    assert changed["b"].knows == []  # removed on the other side too
    everyone.update(changed)
    assert [p.id for p in acquaintances(everyone["a"], everyone)] == ["c"]
