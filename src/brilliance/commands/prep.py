"""``brilliance prep "NAME"``: print the prep sheet for someone's next meeting as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from datetime import date

    from brilliance.domain.prep import PrepSheet
    from brilliance.domain.timeline import LastTime

HELP = "print the prep sheet for your next meeting with someone, as Markdown"
EXAMPLES = (
    'brilliance prep "Ana Lima" > ana.md',
    "brilliance prep ana --json | jq -r '.sections[0].items[].text'",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name (or a unique part of it)")
    add_json_flag(parser)


def sheet_json(sheet: PrepSheet, today: date, last: LastTime | None = None) -> dict[str, Any]:
    """The sheet as documented in docs/json/prep.schema.json (``last``: its Last time)."""
    from brilliance.domain.timeline import promise_state

    meeting = sheet.meeting
    return {
        "date": today.isoformat(),
        "person": {"id": sheet.person.id, "name": sheet.person.name},
        "meeting": None
        if meeting is None
        else {
            "id": meeting.id,
            "when": meeting.when.isoformat(),
            "kind": meeting.kind,
            "place": meeting.place,
        },
        "last_time": None
        if last is None
        else {
            "meeting_id": last.meeting.id,
            "when": last.meeting.when.isoformat(),
            "kind": last.meeting.kind,
            "place": last.meeting.place,
            "notes": last.meeting.notes,
            "promises": [
                {
                    "id": f.id,
                    "text": f.text,
                    "due": f.due.isoformat(),
                    "state": promise_state(f, today).value,
                }
                for f in last.promises
            ],
        },
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "empty": section.empty,
                "items": [
                    {
                        "key": item.key,
                        "text": item.text,
                        "detail": item.detail,
                        "ref": item.ref,
                        "checked": item.key in sheet.checked,
                    }
                    for item in section.items
                ],
            }
            for section in sheet.sections
        ],
    }


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.lookup import find_person
    from brilliance.commands.shell import print_json
    from brilliance.domain.meetings import next_planned
    from brilliance.domain.prep import build_sheet
    from brilliance.domain.prep_markdown import render_markdown
    from brilliance.domain.timeline import last_time, with_last_time
    from brilliance.services.prep_inputs import gather_inputs

    with open_to_read(data_dir, must_exist=False) as store:
        person = find_person(args.name, store.people.all())
        today = store.clock.today()
        meeting = next_planned(store.meetings.for_person(person.id), today)
        sheet = build_sheet(gather_inputs(store, person, meeting))
        # The sheet opens with the last meeting held (issue 14): when, where, notes, promises.
        last = last_time(
            store.meetings.for_person(person.id), store.followups.for_person(person.id)
        )
        if args.json:
            print_json("prep", sheet_json(sheet, today, last))
        else:
            text = with_last_time(render_markdown(sheet, today), last, today, person.last_met)
            sys.stdout.write(text)
    return 0
