"""``brilliance note "TEXT"``: add a journal entry from the shell, without opening the app.

Deliberately light: it never imports Textual, so it starts fast enough to use from any prompt.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

HELP = "add a journal entry for now, from the arguments or standard input"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="*",
        help="the entry; @Full Name mentions someone, #word adds a tag. "
        "Without text, the entry is read from standard input.",
    )


def read_text(words: list[str]) -> str:
    if words:
        return " ".join(words)
    if sys.stdin is None or sys.stdin.isatty():
        return ""
    return sys.stdin.read()


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.domain.journal import parse_mentions, with_text
    from brilliance.domain.models import JournalEntry
    from brilliance.store.errors import StoreError

    text = read_text(args.text).strip("\n")
    if not text.strip():
        print(
            'brilliance note: nothing to add. Give the text as arguments (brilliance note "...") '
            "or on standard input.",
            file=sys.stderr,
        )
        return 2
    store = open_store(data_dir, for_the_process=True)
    if store is None:
        return 1
    with store:
        people = store.people.all()
        entry = with_text(JournalEntry(written_at=store.clock.now()), text, people)
        try:
            store.journal.save(entry)
        except StoreError as exc:
            print(f"brilliance: {exc}", file=sys.stderr)
            return 1
        names = [p.name for p in people]
        for unknown in parse_mentions(text, people).unknown:
            close = difflib.get_close_matches(unknown, names, n=3, cutoff=0.5)
            close += [n for n in names if n.casefold().startswith(unknown.casefold())]
            hint = f" Did you mean {', '.join(dict.fromkeys(close))}?" if close else ""
            print(
                f"brilliance note: no one called @{unknown} in your network; kept as text.{hint}",
                file=sys.stderr,
            )
    mentioned = len(entry.people)
    extra = (
        f", mentioning {mentioned} {'person' if mentioned == 1 else 'people'}" if mentioned else ""
    )
    print(f"Added to your journal for {entry.written_at:%Y-%m-%d %H:%M}{extra}.")
    return 0
