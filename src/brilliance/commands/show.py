"""``brilliance show NAME``: one person and their timeline, in the terminal."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.domain.models import Person
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


@dataclass(frozen=True)
class Moment:
    """One thing in a person's timeline, as the shell prints it."""

    day: date
    kind: str
    summary: str
    detail: str = ""
    ref: str = ""


def timeline(store: Store, person: Person) -> list[Moment]:
    """Meetings, promises and journal mentions with ``person``, newest first."""
    moments: list[Moment] = []
    for meeting in store.meetings.for_person(person.id):
        place = f" at {meeting.place}" if meeting.place else ""
        given = ", ".join(
            f"{v.kind.value}{': ' + v.note if v.note else ''}" for v in meeting.value_given
        )
        detail = "\n".join(
            part
            for part in (
                meeting.notes.strip(),
                *(f"Asked: {q}" for q in meeting.questions_asked),
                f"Value given: {given}" if given else "",
            )
            if part
        )
        moments.append(
            Moment(
                meeting.day,
                "meeting",
                f"{meeting.kind}{place} ({meeting.status.value}, {meeting.when:%H:%M})",
                detail,
                meeting.id,
            )
        )
    for followup in store.followups.for_person(person.id):
        state = f"done {followup.done_on or ''}".strip() if followup.done else "open"
        moments.append(
            Moment(
                followup.due,
                "promise",
                f"{followup.text} (due {followup.due}, {state})",
                ref=followup.id,
            )
        )
    for entry in store.journal.mentioning(person.id):
        moments.append(Moment(entry.day, "journal", entry.text.strip(), ref=entry.id))
    moments.sort(key=lambda m: (m.day, m.kind, m.ref), reverse=True)
    return moments


def field_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).strip()


def person_json(person: Person, moments: list[Moment], today: date) -> dict[str, Any]:
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
                "summary": m.summary,
                "detail": m.detail,
                "ref": m.ref,
            }
            for m in moments
        ],
    }


def print_person(person: Person, moments: list[Moment], today: date) -> None:
    from brilliance.commands.shell import styled, use_colour
    from brilliance.domain.cadence import days_until_due, describe_due, describe_last_met

    colour = use_colour()
    print(styled(person.name, "bold", colour=colour))
    met = f"last met {describe_last_met(person.last_met, today)}"
    if person.on_list:
        due = describe_due(days_until_due(person, today))
        print(f"On the list · meet every {person.cadence_days} days · {met} · next {due}")
    else:
        print(f"Wider network · {met}")
    for name, label in PROFILE_FIELDS:
        text = field_text(getattr(person, name))
        if text:
            print(f"\n{styled(label, 'bold', colour=colour)}")
            for line in text.splitlines():
                print(f"  {line}".rstrip())
    print(f"\n{styled('Timeline', 'bold', colour=colour)}")
    if not moments:
        print("  Nothing yet: no meetings, promises or journal mentions.")
    for moment in moments:
        kind = styled(moment.kind.ljust(7), "cyan", colour=colour)
        lines = moment.summary.splitlines() or [""]
        print(f"  {moment.day}  {kind}  {lines[0]}".rstrip())
        for line in [*lines[1:], *moment.detail.splitlines()]:
            print(f"  {'':10}  {'':7}  {line}".rstrip())


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.lookup import find_person
    from brilliance.commands.shell import print_json

    with open_to_read(data_dir, must_exist=False) as store:
        person = find_person(args.name, store.people.all())
        moments = timeline(store, person)
        today = store.clock.today()
    if args.json:
        print_json("show", person_json(person, moments, today))
    else:
        print_person(person, moments, today)
    return 0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name (or a unique part of it)")
    add_json_flag(parser)
