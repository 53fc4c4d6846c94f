"""``brilliance people``: the list and the wider network, one line each."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.domain.models import Person

HELP = "print the people in your network: name, when they are due, when you last met"
EXAMPLES = (
    "brilliance people --due",
    "brilliance people --network --json | jq -r '.people[].name'",
)


def configure(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--due", action="store_true", help="only people on the list due or overdue for a meeting"
    )
    which.add_argument("--list", action="store_true", help="only the dozen on the list")
    which.add_argument("--network", action="store_true", help="only the wider network")
    add_json_flag(parser)


def chosen(people: list[Person], args: argparse.Namespace, today: date) -> list[Person]:
    """The people asked for: the list first (most overdue first), then the network by name."""
    from brilliance.domain.cadence import SortOrder, sort_people
    from brilliance.domain.today import due_people

    if args.due:
        return due_people(people, today)
    listed = sort_people([p for p in people if p.on_list], SortOrder.DUE, today)
    network = sort_people([p for p in people if not p.on_list], SortOrder.NAME, today)
    if args.list:
        return listed
    if args.network:
        return network
    return listed + network


def person_json(person: Person, today: date) -> dict[str, Any]:
    from brilliance.domain.cadence import days_until_due

    return {
        "id": person.id,
        "name": person.name,
        "on_list": person.on_list,
        "headline": person.headline,
        "organisation": person.organisation,
        "cadence_days": person.cadence_days,
        "last_met": person.last_met.isoformat() if person.last_met else None,
        "days_until_due": days_until_due(person, today) if person.on_list else None,
        "tags": list(person.tags),
    }


def rows(people: list[Person], today: date) -> list[tuple[str, str, str]]:
    """(name, due status, last met) for each person; the network has no due status."""
    from brilliance.domain.cadence import days_until_due, describe_due, describe_last_met

    return [
        (
            p.name,
            describe_due(days_until_due(p, today)) if p.on_list else "network",
            f"last met {describe_last_met(p.last_met, today)}",
        )
        for p in people
    ]


def print_rows(people: list[Person], today: date) -> None:
    """Aligned columns in a terminal; tab-separated when piped (for cut and awk)."""
    import sys

    from brilliance.commands.shell import Lines, styled

    table = rows(people, today)
    line = Lines()
    if not sys.stdout.isatty():
        for name, due, met in table:
            line(name, "\t", due, "\t", met)
        return
    name_width = max(len(name) for name, _, _ in table)
    due_width = max(len(due) for _, due, _ in table)
    for name, due, met in table:
        style = ("red",) if "overdue" in due else ("yellow",) if due == "due today" else ()
        line(name.ljust(name_width), "  ", styled(due.ljust(due_width), *style), "  ", met)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.shell import print_json, say

    with open_to_read(data_dir, must_exist=False) as store:
        today = store.clock.today()
        people = chosen(store.people.all(), args, today)
    if args.json:
        print_json(
            "people", {"date": today.isoformat(), "people": [person_json(p, today) for p in people]}
        )
    elif people:
        print_rows(people, today)
    elif args.due:
        say("No one on your list is due. Well kept.")
    else:
        say("No one here yet: add people in the app (brilliance), or import a CSV.")
    return 0
