"""The sample data's deeper practice: important dates, who knows whom, introductions and
their outcomes, praise given, a #highlight and last week's review. Read from demo.toml."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from brilliance.domain.acquaintances import know_each_other
from brilliance.domain.journal import with_text
from brilliance.domain.models import (
    Answer,
    DateKind,
    ImportantDate,
    IntroductionOutcome,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    updated,
)
from brilliance.domain.review import IsoWeek, review_entry_text, week_to_review


def _important(raw: dict[str, Any], today: date) -> ImportantDate:
    on = today + timedelta(days=raw["in_days"])
    kind = DateKind(raw.get("kind", DateKind.OTHER.value))
    year = raw.get("born") or raw.get("since")
    if raw.get("once"):
        year = on.year
    return ImportantDate(
        kind=kind,
        label=raw.get("label", ""),
        month=on.month,
        day=on.day,
        year=year,
        yearly=not raw.get("once", False),
    )


def _latest_held(meetings: list[Meeting], person_id: str) -> int | None:
    held = [
        n
        for n, m in enumerate(meetings)
        if m.person_id == person_id and m.status is MeetingStatus.DONE
    ]
    return max(held, key=lambda n: meetings[n].when, default=None)


def add_practice(
    data: dict[str, Any],
    people: list[Person],
    meetings: list[Meeting],
    journal: list[JournalEntry],
    today: date,
    created: datetime,
) -> None:
    """Change ``people``, ``meetings`` and ``journal`` in place to show the deeper practice."""
    index = {p.name: n for n, p in enumerate(people)}

    def person(name: str) -> Person:
        return people[index[name]]

    def put(changed: Person) -> None:
        people[index[changed.name]] = changed

    for raw in data.get("dates", []):
        owner = person(raw["person"])
        put(updated(owner, important_dates=[*owner.important_dates, _important(raw, today)]))
    for raw in data.get("knows", []):
        for other in raw["knows"]:
            a, b = know_each_other(person(raw["person"]), person(other))
            put(a)
            put(b)
    for raw in data.get("introduced_by", []):
        a, b = know_each_other(person(raw["person"]), person(raw["by"]))
        put(updated(a, introduced_by=b.id))
        put(b)
    for raw in data.get("introductions", []):
        owner, other = person(raw["person"]), person(raw["to"])
        n = _latest_held(meetings, owner.id)
        if n is None:
            continue
        outcomes = []
        if "helped" in raw:
            outcomes.append(
                IntroductionOutcome(
                    other_id=other.id,
                    helped=Answer(raw["helped"]),
                    note=raw.get("note", ""),
                    answered_on=today - timedelta(days=raw.get("answered_days_ago", 0)),
                )
            )
        meetings[n] = updated(
            meetings[n],
            introductions=[*meetings[n].introductions, other.id],
            introduction_outcomes=outcomes,
        )
        a, b = know_each_other(owner, other)
        put(a)
        put(b)
    for raw in data.get("praise", []):
        n = _latest_held(meetings, person(raw["person"]).id)
        if n is not None:
            meetings[n] = updated(meetings[n], praised=raw["text"])

    practice = data.get("practice", {})
    everyone = list(people)
    if highlight := practice.get("highlight"):
        day = today - timedelta(days=3)
        entry = JournalEntry(
            id="demo-j-highlight",
            written_at=datetime.combine(day, time(21, 30)),
            created_at=created,
            updated_at=created,
        )
        journal.append(with_text(entry, highlight, everyone))
    if review := practice.get("review"):
        # Last week's review is written; this week's is still to do (Today reminds).
        week: IsoWeek = week_to_review(today, 6).shifted(-1)
        entry = JournalEntry(
            id="demo-j-review",
            written_at=datetime.combine(week.end, time(19, 0)),
            created_at=created,
            updated_at=created,
        )
        journal.append(with_text(entry, review_entry_text(week, review), everyone))
