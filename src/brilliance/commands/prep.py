"""``brilliance prep "NAME"``: print the prep sheet for someone's next meeting as Markdown."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

HELP = "print the prep sheet for your next meeting with someone, as Markdown"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name (or a unique part of it)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.domain.meetings import next_planned
    from brilliance.domain.prep import build_sheet, render_markdown
    from brilliance.domain.timeline import last_time, with_last_time
    from brilliance.portability.prep_inputs import gather_inputs

    store = open_store(data_dir, lock=False)
    if store is None:
        return 1
    with store:
        wanted = " ".join(args.name.split()).casefold()
        people = store.people.all()
        person = store.people.find_by_name(wanted)
        if person is None and len(wanted) >= 2:
            # A unique match on the start of a name's words ("ana" -> Ana Lima), then anywhere.
            starts = [
                p
                for p in people
                if any(word.startswith(wanted) for word in p.name.casefold().split())
                or p.name.casefold().startswith(wanted)
            ]
            partial = starts or [p for p in people if wanted in p.name.casefold()]
            person = partial[0] if len(partial) == 1 else None
        if person is None:
            names = [p.name for p in people]
            close = difflib.get_close_matches(args.name, names, n=3, cutoff=0.4)
            close += [p.name for p in people if wanted in p.name.casefold()]
            close = list(dict.fromkeys(close))[:5]
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            print(
                f"brilliance prep: no one called {args.name!r} in your network.{hint}",
                file=sys.stderr,
            )
            return 1
        meeting = next_planned(store.meetings.for_person(person.id), store.clock.today())
        sheet = build_sheet(gather_inputs(store, person, meeting))
        today = store.clock.today()
        last = last_time(
            store.meetings.for_person(person.id), store.followups.for_person(person.id)
        )
        sys.stdout.write(with_last_time(render_markdown(sheet, today), last, today))
    return 0
