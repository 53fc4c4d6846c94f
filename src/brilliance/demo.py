"""The sample data behind ``brilliance demo``: a living network, built relative to today.

Deterministic for a given day (a fixed seed), so screenshots and tests are repeatable.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from brilliance import assets
from brilliance.demo_practice import add_practice
from brilliance.domain.journal import prompt_of_the_day, with_text
from brilliance.domain.models import (
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    PrepState,
    Profile,
    ValueItem,
    ValueKind,
)
from brilliance.store.store import Store

SEED = 20261124
HISTORY_DAYS = 90
JOURNAL_STREAK_DAYS = 9


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def build_demo(store: Store, today: date, *, welcomed: bool = True) -> None:
    """Fill an empty store with the sample network, three months of practice and a journal."""
    data: dict[str, Any] = assets.load_toml("demo.toml")
    rng = random.Random(SEED)
    text = data["text"]
    bank = assets.questions()
    kinds = [k.id for k in assets.meeting_kinds()]
    venues = {k.id: k.venues for k in assets.meeting_kinds()}
    created = _at(today - timedelta(days=HISTORY_DAYS + 30), 9)
    people: list[Person] = []
    meetings: list[Meeting] = []
    followups: list[FollowUp] = []

    for number, raw in enumerate(data["people"]):
        days_since = raw.get("days_since")
        cadence = raw.get("cadence", 14)
        person = Person(
            id=f"demo-p{number:02}",
            name=raw["name"],
            headline=raw.get("headline", ""),
            organisation=raw.get("organisation", ""),
            skills=raw.get("skills", []),
            interests=raw.get("interests", []),
            goals=raw.get("goals", []),
            aspirations=raw.get("aspirations", ""),
            how_i_can_help=raw.get("how_i_can_help", ""),
            wins=raw.get("wins", []),
            on_list=True,
            cadence_days=cadence,
            partnership_prospect=raw.get("partnership_prospect", False),
            last_met=None if days_since is None else today - timedelta(days=days_since),
            # Someone never met was added recently: due, but not absurdly overdue.
            created_at=created if days_since is not None else _at(today - timedelta(days=5), 9),
            updated_at=created,
        )
        people.append(person)
        if days_since is None:
            continue
        # Meetings going back from the last one, roughly at their cadence.
        day = today - timedelta(days=days_since)
        count = 0
        while (today - day).days <= HISTORY_DAYS:
            kind = rng.choice(kinds)
            first = person.name.split()[0]
            values = []
            if rng.random() < 0.75:
                value_kind = rng.choice(list(ValueKind))
                topic = rng.choice(person.goals or person.interests or ["their work"])
                if value_kind is ValueKind.INFORMATION:
                    note = rng.choice(text["value_information"]).format(topic=topic)
                elif value_kind is ValueKind.ENTERTAINMENT:
                    note = rng.choice(text["value_entertainment"])
                else:
                    note = f'an introduction for "{topic}"'
                values.append(ValueItem(kind=value_kind, note=note))
            asked = [q.text for q in rng.sample(bank, 2)]
            meeting_id = f"demo-m{number:02}-{count:02}"
            meetings.append(
                Meeting(
                    id=meeting_id,
                    person_id=person.id,
                    when=_at(day, rng.choice([8, 12, 13, 17, 18])),
                    kind=kind,
                    place=rng.choice(venues[kind]),
                    status=MeetingStatus.DONE,
                    notes=rng.choice(text["meeting_notes"]).format(first=first),
                    questions_asked=asked,
                    value_given=values,
                    created_at=created,
                    updated_at=created,
                )
            )
            if rng.random() < 0.5:
                topic = rng.choice(person.goals or ["the plan"])
                due = day + timedelta(days=rng.randint(3, 21))
                followups.append(
                    FollowUp(
                        id=f"demo-f{number:02}-{count:02}",
                        person_id=person.id,
                        text=rng.choice(text["followups"]).format(topic=topic),
                        due=due,
                        done=due < today - timedelta(days=4),
                        meeting_id=meeting_id,
                        created_at=created,
                        updated_at=created,
                    )
                )
            count += 1
            day -= timedelta(days=max(5, cadence + rng.randint(-4, 6)))

    # Something coming up this week for a few people.
    for offset, index in ((1, 0), (2, 2), (4, 5), (6, 9)):
        person = people[index]
        meetings.append(
            Meeting(
                id=f"demo-plan-{index:02}",
                person_id=person.id,
                when=_at(today + timedelta(days=offset), 12, 30),
                kind="walk" if offset % 2 else "lunch",
                place="the river path" if offset % 2 else "a place near their work",
                prep=PrepState(),
                created_at=created,
                updated_at=created,
            )
        )
    # A promise due today, so Today has one to tick.
    followups.append(
        FollowUp(
            id="demo-f-today",
            person_id=people[1].id,
            text="Send Bruno the conference call for speakers",
            due=today,
            created_at=created,
            updated_at=created,
        )
    )

    network = [
        Person(
            id=f"demo-n{number:02}",
            name=raw["name"],
            headline=raw.get("headline", ""),
            organisation=raw.get("organisation", ""),
            skills=raw.get("skills", []),
            interests=raw.get("interests", []),
            created_at=created,
            updated_at=created,
        )
        for number, raw in enumerate(data["network"])
    ]
    events = [
        Event(
            id=f"demo-e{number:02}",
            title=raw["title"],
            day=today + timedelta(days=raw["in_days"]),
            place=raw.get("place", ""),
            topics=raw.get("topics", []),
            invited=[people[1].id] if number == 1 else [],
            created_at=created,
            updated_at=created,
        )
        for number, raw in enumerate(data["events"])
    ]

    everyone = people + network
    prompts = assets.prompts()
    journal: list[JournalEntry] = []
    for back in range(1, HISTORY_DAYS + 1):
        # A live streak up to yesterday, then most days before it.
        if back > JOURNAL_STREAK_DAYS and rng.random() < 0.3:
            continue
        day = today - timedelta(days=back)
        person = rng.choice(people)
        template = rng.choice(text["journal"])
        body = template.format(
            name=person.name,
            goal=(person.goals or ["a change"])[0],
            win=(person.wins or ["their last project"])[0],
            interest=(person.interests or ["music"])[0],
        )
        entry = JournalEntry(
            id=f"demo-j{back:03}",
            written_at=_at(day, rng.choice([7, 21, 22]), rng.choice([5, 20, 40])),
            prompt=prompt_of_the_day(prompts, day).text,
            created_at=created,
            updated_at=created,
        )
        journal.append(with_text(entry, body, everyone))

    add_practice(data, everyone, meetings, journal, today, created)
    data_profile = data["profile"]
    with store.batch():
        store.save_profile(
            Profile(
                name=data_profile["name"],
                interests=data_profile["interests"],
                offers=data_profile["offers"],
                theme=store.profile.theme,
                welcomed=welcomed,
            )
        )
        store.people.save_many(everyone)
        store.meetings.save_many(meetings)
        store.followups.save_many(followups)
        store.events.save_many(events)
        store.journal.save_many(journal)
