"""``brilliance show NAME``: one person and their timeline, in the terminal."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.domain.models import Person
    from brilliance.domain.timeline import TimelineEntry
    from brilliance.store.store import Store

HELP = "print one person: who they are, how you can help, and everything that happened"
EXAMPLES = (
    'brilliance show "Ana Lima"',
    "brilliance show ana --json | jq '.timeline[:5]'",
)

PROFILE_FIELDS = (
    ("headline", "Headline"),
    ("organisation", "Organisation"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("how_i_can_help", "How I can help"),
    ("goals", "Goals"),
    ("aspirations", "Aspirations"),
    ("skills", "Skills"),
    ("interests", "Interests"),
    ("wins", "Recent wins"),
    ("tags", "Tags"),
    ("notes", "Notes"),
)


def timeline(store: Store, person: Person, today: date) -> list[TimelineEntry]:
    """Everything that happened with ``person``, newest first: the domain's timeline (issue 14,
    with issue 17's important dates, introductions and praise), as the person page shows it."""
    from brilliance.domain.timeline import person_timeline

    people = store.people.all()
    return person_timeline(
        person,
        store.meetings.for_person(person.id),
        store.followups.for_person(person.id),
        store.journal.mentioning(person.id),
        {p.id: p.name for p in people},
        today,
        people=people,
        all_meetings=store.meetings.all(),
    )


def field_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).strip()


def person_json(person: Person, moments: list[TimelineEntry], today: date) -> dict[str, Any]:
    from brilliance.commands.people import person_json as summary

    return {
        "date": today.isoformat(),
        "person": {
            **summary(person, today),
            **{name: getattr(person, name) for name, _ in PROFILE_FIELDS},
        },
        "timeline": [
            {
                "day": m.day.isoformat(),
                "kind": m.kind,
                "title": m.title,
                "details": list(m.details),
                "ref": m.ref,
                "state": m.state,
            }
            for m in moments
        ],
    }


def print_person(person: Person, moments: list[TimelineEntry], today: date) -> None:
    from brilliance.commands.shell import Lines, styled
    from brilliance.domain.cadence import days_until_due, describe_due, describe_last_met

    line = Lines()
    line(styled(person.name, "bold"))
    met = f"last met {describe_last_met(person.last_met, today)}"
    if person.on_list:
        due = describe_due(days_until_due(person, today))
        line(f"On the list · meet every {person.cadence_days} days · {met} · next {due}")
    else:
        line(f"Wider network · {met}")
    for name, label in PROFILE_FIELDS:
        text = field_text(getattr(person, name))
        if text:
            line()
            line(styled(label, "bold"))
            for text_line in text.splitlines():
                line(f"  {text_line}")
    line()
    line(styled("Timeline", "bold"))
    if not moments:
        line("  Nothing yet: no meetings, promises or journal mentions.")
    for moment in moments:
        title = styled(moment.title, "red") if moment.state == "broken" else moment.title
        line("  ", styled(str(moment.day), "dim"), "  ", title)
        for detail in moment.details:
            line(f"  {'':10}  {detail}")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.lookup import find_person
    from brilliance.commands.shell import print_json

    with open_to_read(data_dir, must_exist=False) as store:
        person = find_person(args.name, store.people.all())
        today = store.clock.today()
        moments = timeline(store, person, today)
    if args.json:
        print_json("show", person_json(person, moments, today))
    else:
        print_person(person, moments, today)
    return 0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name (or a unique part of it)")
    add_json_flag(parser)
