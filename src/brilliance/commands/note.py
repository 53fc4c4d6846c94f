"""``brilliance note "TEXT"``: add a journal entry from the shell, without opening the app.

Deliberately light: it imports neither Textual nor pydantic, and it never rewrites the data
file. The note goes to the inbox (``store.inbox``), which the app merges at once if it is
open and every later start merges otherwise, so a note works even while the app is open.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Someone:
    """Just what linking a mention needs, read straight from the file (no validation)."""

    id: str
    name: str
    on_list: bool = False
    headline: str = ""
    organisation: str = ""


def network(data_dir: Path) -> list[Someone] | None:
    """Everyone's id and name, from the data file; None if it can't be read as one."""
    import orjson

    from brilliance.store.paths import DATA_FILE_NAME

    path = data_dir / DATA_FILE_NAME
    if not path.exists():
        return []
    try:
        people = orjson.loads(path.read_bytes()).get("people", {})
        found = [
            Someone(
                str(record["id"]),
                str(record["name"]),
                bool(record.get("on_list")),
                str(record.get("headline") or ""),
                str(record.get("organisation") or ""),
            )
            for record in people.values()
            if isinstance(record, dict) and record.get("name") and record.get("id")
        ]
        # Of two people with the same name, a mention links the one on the list.
        return sorted(found, key=lambda someone: not someone.on_list)
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError):
        return None


def warn_of_namesakes(person_id: str, people: list[Someone]) -> None:
    """Say which of several people with one name a mention was linked to."""
    from brilliance.domain.names import tell_apart
    from brilliance.domain.text import fold_name

    linked = next(p for p in people if p.id == person_id)
    namesakes = [p for p in people if fold_name(p.name) == fold_name(linked.name)]
    if len(namesakes) > 1:
        others = "; ".join(tell_apart(p) for p in namesakes if p is not linked)
        print(
            f"brilliance note: {len(namesakes)} people are called {linked.name}; linked "
            f"{tell_apart(linked)}, not {others}. To link another, edit the entry in the app "
            "and choose from the @ list.",
            file=sys.stderr,
        )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    import secrets
    from datetime import datetime

    from brilliance.domain.text import fold_name, parse_mentions, parse_tags
    from brilliance.store.inbox import append_note
    from brilliance.store.paths import ensure_data_dir

    text = read_text(args.text).strip("\n")
    if not text.strip():
        print(
            'brilliance note: nothing to add. Give the text as arguments (brilliance note "...") '
            "or on standard input.",
            file=sys.stderr,
        )
        return 2
    people = network(data_dir)
    mentions = parse_mentions(text, people or [])
    now = datetime.now().replace(microsecond=0)
    record = {
        # The same fields as a JournalEntry; the store validates them when it merges.
        "id": secrets.token_hex(6),
        "written_at": now.isoformat(),
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "text": text,
        "tags": parse_tags(text),
        "people": mentions.people,
        "prompt": "",
    }
    try:
        ensure_data_dir(data_dir)
        append_note(data_dir, record)
    except OSError as exc:
        print(f"brilliance note: not saved: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    if people is None:
        print(
            "brilliance note: the data file could not be read, so @mentions were not checked; "
            "the note is kept safely and joins the journal once the file is repaired "
            "(see brilliance doctor).",
            file=sys.stderr,
        )
    for person_id in mentions.people:
        warn_of_namesakes(person_id, people or [])
    names = [p.name for p in people or []]
    for unknown in mentions.unknown if people is not None else []:
        close = difflib.get_close_matches(unknown, names, n=3, cutoff=0.5)
        close += [n for n in names if fold_name(n).startswith(fold_name(unknown))]
        hint = f" Did you mean {', '.join(dict.fromkeys(close))}?" if close else ""
        print(
            f"brilliance note: no one called @{unknown} in your network; kept as text.{hint}",
            file=sys.stderr,
        )
    mentioned = len(mentions.people)
    extra = (
        f", mentioning {mentioned} {'person' if mentioned == 1 else 'people'}" if mentioned else ""
    )
    print(f"Added to your journal for {now:%Y-%m-%d %H:%M}{extra}.")
    return 0
