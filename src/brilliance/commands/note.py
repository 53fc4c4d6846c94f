"""``brilliance note "TEXT"``: add a journal entry from the shell, without opening the app.

Deliberately light: it imports neither Textual nor pydantic, and it never rewrites the data
file. The note goes to the inbox (``store.inbox``), which the app merges at once if it is
open and every later start merges otherwise, so a note works even while the app is open.

In an encrypted folder the note is sealed to the folder's public key (``note-key.pub``): no
passphrase is asked, and the note cannot be read until the app opens it with the private key
kept inside the encrypted data file. Names cannot be read either, so @mentions are linked then.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

HELP = "add a journal entry, from the arguments, standard input or your editor"
EXAMPLES = (
    "brilliance note 'Coffee with @Ana Lima: she starts at the lab in May #mentoring'",
    "brilliance note 'yesterday: called @Bo about the conference'   # or --on yesterday",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="*",
        help="the entry; @Full Name mentions someone, #word adds a tag (quote it: # starts a "
        "comment in the shell). A leading 'yesterday: ' or 'fri 9pm: ' dates it. "
        "Without text, the entry is read from standard input.",
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        help="the day (and time) the entry is about: yesterday, fri 9pm, 3 days ago, 2026-11-23",
    )
    parser.add_argument(
        "--edit",
        action="store_true",
        help="write the entry in $VISUAL or $EDITOR (starting from the text given, if any)",
    )


def read_text(words: list[str]) -> str:
    if words:
        return " ".join(words)
    if sys.stdin is None or sys.stdin.isatty():
        return ""
    from brilliance.store.limits import MAX_TEXT

    # Never read more than can be kept (plus one, to tell): a 10 MB paste is refused, not
    # held in memory whole (issue 13.12).
    return sys.stdin.read(MAX_TEXT + 2)


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


def written_in_editor(text: str, data_dir: Path) -> str:
    """The entry as written in the user's editor; a CommandError if there is none or it fails."""
    from brilliance.commands.shell import EXIT_REFUSED, EXIT_USAGE, CommandError
    from brilliance.editor import EditorFailed, edit_text, find_editor
    from brilliance.store.paths import ensure_data_dir

    editor = find_editor()
    if editor is None:
        raise CommandError(
            "--edit needs an editor: set $VISUAL or $EDITOR (for example export EDITOR=nano).",
            EXIT_USAGE,
        )
    from brilliance.store.codec import edit_folder, folder_is_encrypted

    if folder_is_encrypted(data_dir):
        from brilliance.store.codec import EXTERNAL_EDITOR_WARNING

        print(f"brilliance note: {EXTERNAL_EDITOR_WARNING}", file=sys.stderr)
    try:
        ensure_data_dir(data_dir)
        return edit_text(text, edit_folder(data_dir), editor)
    except EditorFailed as exc:
        raise CommandError(f"{exc} Nothing was added.", EXIT_REFUSED) from exc
    except OSError as exc:
        raise CommandError(f"not saved: {exc.strerror or exc}.", EXIT_REFUSED) from exc


def entry_moment(args: argparse.Namespace, text: str) -> tuple[datetime, str]:
    """When the entry is written for (``--on`` or a leading date, else now), and its text.

    A day without a time keeps the time of day the note is written at.
    """
    from datetime import datetime

    from brilliance.commands.shell import EXIT_USAGE, CommandError
    from brilliance.commands.when import moment_named, split_leading_date

    now = datetime.now().replace(microsecond=0)
    when = None
    if args.on is not None:  # --on "" is a mistake, not today (QA)
        when = moment_named(args.on, now.date(), flag="--on")
    else:
        when, text = split_leading_date(text, now.date())
    moment = now if when is None else when.as_datetime(now.time())
    if moment.date() > now.date():
        raise CommandError(
            f"{moment:%Y-%m-%d} is in the future; a journal entry is about a day that has "
            "happened. Nothing was added.",
            EXIT_USAGE,
        )
    return moment, text


def run(args: argparse.Namespace, data_dir: Path) -> int:
    import secrets
    from datetime import datetime

    from brilliance.domain.text import fold_name, parse_mentions, parse_tags
    from brilliance.store.codec import folder_is_encrypted, note_sealer, read_public_key
    from brilliance.store.inbox import append_note
    from brilliance.store.limits import MAX_TEXT, text_too_long
    from brilliance.store.paths import ensure_data_dir

    try:
        text = " ".join(args.text) if args.edit else read_text(args.text)
    except UnicodeDecodeError:
        print("brilliance note: not saved: standard input is not UTF-8 text.", file=sys.stderr)
        return 1
    if args.edit:
        text = written_in_editor(text, data_dir)
    text = text.strip("\n")
    if len(text) > MAX_TEXT:  # the store would set it aside: refuse it now (issue 13.2)
        print(
            f"brilliance note: not saved: {text_too_long(len(text), 'the note')}", file=sys.stderr
        )
        return 1
    if not text.strip():
        print(
            'brilliance note: nothing to add. Give the text as arguments (brilliance note "..."),'
            " on standard input, or in your editor (--edit).",
            file=sys.stderr,
        )
        return 2
    written_at, text = entry_moment(args, text)
    seal = None
    if folder_is_encrypted(data_dir):
        public = read_public_key(data_dir)
        if public is None:
            print(
                "brilliance note: this folder is encrypted but its note key (note-key.pub) is "
                "missing, so the note could not be sealed and was not saved. Open Brilliance "
                "once (it puts the key back), then try again.",
                file=sys.stderr,
            )
            return 1
        seal = note_sealer(public)
    people = network(data_dir) if seal is None else []
    mentions = parse_mentions(text, people or [])
    now = datetime.now().replace(microsecond=0)
    record: dict[str, object] = {
        # The same fields as a JournalEntry; the store validates them when it merges.
        "id": secrets.token_hex(6),
        "written_at": written_at.isoformat(),
        "created_at": now.isoformat(),
        "updated_at": now.isoformat(),
        "text": text,
        "tags": parse_tags(text),
        "people": mentions.people,
        "prompt": "",
    }
    if seal is not None:
        record["link_mentions"] = True
    try:
        ensure_data_dir(data_dir)
        append_note(data_dir, record, seal)
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
    for unknown in mentions.unknown if people is not None and seal is None else []:
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
    if seal is not None:
        extra = ", sealed (the app links any @mentions when it opens)"
    # A message, not data: standard error, like every message (stdout is for what reads emit).
    print(f"Added to your journal for {written_at:%Y-%m-%d %H:%M}{extra}.", file=sys.stderr)
    return 0
