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
    from brilliance.domain.names import resolve_name, tell_apart
    from brilliance.domain.prep import build_sheet, render_markdown
    from brilliance.domain.text import fold_name
    from brilliance.domain.timeline import last_time, with_last_time
    from brilliance.portability.prep_inputs import gather_inputs

    store = open_store(data_dir, lock=False)
    if store is None:
        return 1
    with store:
        people = store.people.all()
        found = resolve_name(args.name, people)
        if found.candidates:
            listed = "\n".join(f"  {tell_apart(p)}" for p in found.candidates)
            print(
                f"brilliance prep: {args.name!r} could be {len(found.candidates)} people:\n"
                f"{listed}\nType more of the name to choose one.",
                file=sys.stderr,
            )
            return 1
        person = found.person
        if person is None:
            wanted = fold_name(args.name)
            names = [p.name for p in people]
            close = difflib.get_close_matches(args.name, names, n=3, cutoff=0.4)
            close += [p.name for p in people if wanted in fold_name(p.name)]
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
