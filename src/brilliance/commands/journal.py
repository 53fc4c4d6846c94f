"""``brilliance journal``: read the journal in the shell, newest entries by default."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.domain.models import JournalEntry, Person

HELP = "print journal entries: the newest ten, or those matching dates, a tag, a person, words"
EXAMPLES = (
    "brilliance journal --from 'last monday' --tag mentoring",
    "brilliance journal --person 'Ana Lima' --search 'seed round' -n 3",
)
DEFAULT_COUNT = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-n",
        type=int,
        default=DEFAULT_COUNT,
        metavar="N",
        help=f"how many entries at most, the newest (default: {DEFAULT_COUNT}; 0 for all)",
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="entries on or after DATE")
    parser.add_argument("--to", dest="end", metavar="DATE", help="entries on or before DATE")
    parser.add_argument("--on", metavar="DATE", help="entries written on DATE")
    parser.add_argument("--tag", metavar="TAG", help="entries with this #tag (the # is optional)")
    parser.add_argument("--person", metavar="NAME", help="entries that mention this person (@name)")
    parser.add_argument(
        "--search",
        metavar="WORDS",
        default="",
        help="entries holding every one of these words, in any case (the app's search)",
    )
    add_json_flag(parser)


def entry_json(entry: JournalEntry, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": entry.id,
        "written_at": entry.written_at.isoformat(),
        "text": entry.text,
        "tags": list(entry.tags),
        "people": [{"id": pid, "name": names.get(pid, "")} for pid in entry.people],
        "prompt": entry.prompt,
    }


def print_entries(entries: list[JournalEntry], names: dict[str, str]) -> None:
    from brilliance.commands.shell import Lines, styled

    line = Lines()
    for index, entry in enumerate(entries):
        extra = [f"#{tag}" for tag in entry.tags]
        extra += [names[pid] for pid in entry.people if pid in names]
        if index:
            line()
        heading = styled(f"{entry.written_at:%Y-%m-%d %a %H:%M}", "bold")
        if extra:
            line(heading, "  ", styled(" · ".join(extra), "cyan"))
        else:
            line(heading)
        for text_line in entry.text.strip("\n").splitlines() or [""]:
            line(f"  {text_line}")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.lookup import find_person
    from brilliance.commands.shell import EXIT_USAGE, CommandError, print_json
    from brilliance.commands.when import day_named
    from brilliance.domain.journal import JournalFilter, JournalIndex

    if args.n < 0:
        raise CommandError("-n takes a count of 0 or more (0 shows every match).", EXIT_USAGE)
    if args.on and (args.start or args.end):
        raise CommandError("--on is one day; use it without --from and --to.", EXIT_USAGE)
    with open_to_read(data_dir, must_exist=False) as store:
        today = store.clock.today()
        start = day_named(args.start, today, flag="--from") if args.start else None
        end = day_named(args.end, today, flag="--to") if args.end else None
        if args.on:
            start = end = day_named(args.on, today, flag="--on")
        if start and end and start > end:
            raise CommandError(
                f"--from {start:%a %d %b %Y} is after --to {end:%a %d %b %Y}; "
                "swap them to see the entries between.",
                EXIT_USAGE,
            )
        people: list[Person] = store.people.all()
        person_id = find_person(args.person, people).id if args.person else None
        wanted = JournalFilter(
            words=args.search,
            tag=args.tag.lstrip("#").casefold() if args.tag else None,
            person_id=person_id,
            start=start,
            end=end,
        )
        matching = JournalIndex().search(store.journal.all(), wanted)
        names = {p.id: p.name for p in people}
    shown = matching[: args.n] if args.n else matching
    shown.reverse()  # as jrnl does: oldest first, the newest last, next to the prompt
    if args.json:
        print_json(
            "journal",
            {
                "total_matching": len(matching),
                "entries": [entry_json(e, names) for e in shown],
            },
        )
    elif shown:
        print_entries(shown, names)
        if len(shown) < len(matching):
            print(
                f"The newest {len(shown)} of {len(matching)} entries; -n 0 shows them all.",
                file=sys.stderr,
            )
    else:
        what = "matches" if wanted.active else "is in your journal yet"
        print(f"No entry {what}.", file=sys.stderr)
    return 0
