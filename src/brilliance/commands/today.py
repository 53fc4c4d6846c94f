"""``brilliance today``: the day's agenda as plain text, for a shell login or a cron mail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.services.agenda import Agenda

HELP = "print today's agenda as plain text (who is due, what is coming up, promises...)"
EXAMPLES = (
    "brilliance today",
    "brilliance today --json | jq -r '.due[].name'",
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_json_flag(parser)


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """The agenda as documented in docs/json/today.schema.json."""
    from brilliance.domain.cadence import days_until_due

    today = agenda.today
    return {
        "date": today.isoformat(),
        "idea": {
            "title": agenda.idea.title,
            "text": agenda.idea.text,
            "question": agenda.idea.question,
        },
        "prompt": agenda.prompt,
        "due": [
            {"id": p.id, "name": p.name, "days_until_due": days_until_due(p, today)}
            for p in agenda.due
        ],
        "coming_up": [
            {
                "id": m.id,
                "person": {"id": p.id, "name": p.name},
                "when": m.when.isoformat(),
                "kind": m.kind,
                "place": m.place,
            }
            for m, p in agenda.coming
        ],
        "promises_due": [
            {"id": f.id, "person": {"id": p.id, "name": p.name}, "text": f.text, "due": str(f.due)}
            for f, p in agenda.promises
        ],
        "without_value": [
            {"id": p.id, "name": p.name, "last_value": last.isoformat() if last else None}
            for p, last in agenda.no_value
        ],
        "journal": {
            "written_today": agenda.journal.written_today,
            "streak": agenda.journal.streak,
        },
        "month": {"held": agenda.month.held, "target": agenda.month.target},
        "meetings_per_week": list(agenda.weekly),
        "list_size": agenda.list_size,
    }


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.shell import print_json
    from brilliance.services.agenda import build_agenda, render_text

    with open_to_read(data_dir) as store:
        agenda = build_agenda(store)
        if args.json:
            print_json("today", agenda_json(agenda))
        else:
            sys.stdout.write(render_text(agenda))
    return 0
