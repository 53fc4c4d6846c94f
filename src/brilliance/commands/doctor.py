"""``brilliance doctor``: check the data file and every backup, and say what was found."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brilliance.commands.shell import add_json_flag

if TYPE_CHECKING:
    from brilliance.store.codec import Codec, Keyring
    from brilliance.store.inbox import InboxContents

HELP = "check the data file and every backup (parse, schema, records) and report"
EXAMPLES = (
    "brilliance doctor",
    "brilliance doctor --json | jq '.data_file.ok'",
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_json_flag(parser)
    parser.add_argument(
        "--bring-back-notes",
        action="store_true",
        help="put notes set aside in inbox-rejected.jsonl back into the inbox, if readable",
    )


def bring_back_notes(data_dir: Path) -> int:
    """``--bring-back-notes``: move readable set-aside notes back to the inbox, and say so."""
    from brilliance.store.codec import folder_is_encrypted
    from brilliance.store.rejected import bring_back

    if folder_is_encrypted(data_dir):
        print(
            "brilliance doctor: bringing notes back is not available for an encrypted folder "
            "yet; nothing was changed.",
            file=sys.stderr,
        )
        return 1
    try:
        result = bring_back(data_dir)
    except OSError as exc:
        print(
            f"brilliance doctor: could not bring the notes back: {exc.strerror or exc}. "
            "Nothing was lost.",
            file=sys.stderr,
        )
        return 1
    left = f"; {result.left} line(s) that are not notes stay set aside" if result.left else ""
    print(
        f"Put {result.notes} note(s) back into the inbox; they join the journal when the app "
        f"or a command next opens the folder{left}."
    )
    return 0


def check(path: Path, codec: Codec | None = None) -> tuple[bool, str]:
    """Whether ``path`` opens cleanly (with ``codec`` if encrypted), and a one-line description."""
    from brilliance.store.codec import PLAIN
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import ENTITY_TABLES, load_tables, parse_file

    try:
        loaded = load_tables(path, parse_file(path, codec or PLAIN))
    except StoreError as exc:
        problem = str(exc).splitlines()[0].split(": ", 1)[-1]
        return False, f"DAMAGED: {problem}"
    counts = ", ".join(f"{len(loaded.items.get(name, {}))} {name}" for name in ENTITY_TABLES)
    size = path.stat().st_size
    upgraded = f" (format {loaded.migrated_from}, upgradable)" if loaded.migrated_from else ""
    return True, f"ok{upgraded}: {counts}; {size:,} bytes"


def examine(data_dir: Path, keyring: Keyring | None = None) -> dict[str, Any]:
    """What doctor found, as documented in docs/json/doctor.schema.json.

    ``keyring`` opens an encrypted folder's files (issue 18)."""
    from brilliance.store.backups import backup_infos, suggest_backup
    from brilliance.store.copies import conflict_copies
    from brilliance.store.errors import AlreadyOpenError, StoreError
    from brilliance.store.inbox import has_notes, read_inbox, rejected_notes
    from brilliance.store.lock import DataLock
    from brilliance.store.paths import DATA_FILE_NAME, LOCK_FILE_NAME

    data_file = data_dir / DATA_FILE_NAME
    exists = data_file.exists()
    good, description = check(data_file, keyring) if exists else (True, "not created yet")
    decode = None
    if keyring is not None:

        def decode(raw: bytes) -> bytes:
            return keyring.decode(raw, "a backup")

    backups = []
    good_backups = []
    for backup in backup_infos(data_dir, decode):
        backup_ok, backup_description = check(backup.path, keyring)
        if backup_ok:
            good_backups.append(backup.path)
        backups.append(
            {
                "name": backup.path.name,
                "ok": backup_ok,
                "description": backup_description,
                "taken": backup.taken.replace(microsecond=0).isoformat(),
            }
        )
    copies = [
        dict(zip(("name", "ok", "description"), (copy.name, *check(copy, keyring)), strict=True))
        for copy in conflict_copies(data_dir)
    ]
    from brilliance.editor import unfinished_edits

    edits = [edit.name for edit in unfinished_edits(data_dir)]
    waiting = read_inbox(data_dir) if has_notes(data_dir) else None
    set_aside = rejected_notes(data_dir)
    open_in: int | None = None
    if (data_dir / LOCK_FILE_NAME).exists():
        pid = DataLock(data_dir).holder_pid()
        try:
            lock = DataLock(data_dir)
            lock.acquire(wait=0)
            lock.release()
        except AlreadyOpenError:
            open_in = pid or 0
        except StoreError:  # a read-only folder: it can still be read, which is what we do
            pass
    advice = ""
    if not good:
        best = suggest_backup(data_dir, usable=good_backups, decode=decode)
        advice = (
            f"`brilliance restore {best.path.name}` puts back the fullest good backup "
            f"({best.about}); the damaged file is kept as a backup first."
            if best
            else "No good backup to restore; the damaged file is left as it is."
        )
    return {
        "data_dir": str(data_dir),
        "data_file": {
            "name": DATA_FILE_NAME,
            "exists": exists,
            "ok": good,
            "description": description,
        },
        "backups": backups,
        "conflict_copies": copies,
        "unfinished_edits": edits,
        "inbox_notes": count_waiting(waiting) if waiting is not None else 0,
        "rejected_notes": set_aside,
        "open_in_process": open_in,
        "healthy": good,
        "advice": advice,
    }


def print_report(report: dict[str, Any]) -> None:
    data_file = report["data_file"]
    print(f"Data folder: {report['data_dir']}")
    if data_file["exists"]:
        print(f"  {data_file['name']}: {data_file['description']}")
    else:
        print(f"  {data_file['name']}: not created yet (it is written at the first change)")
    print(f"Backups: {len(report['backups'])}, oldest first")
    for backup in report["backups"]:
        taken = backup["taken"].replace("T", " ")[:16]
        print(f"  {backup['name']}: {backup['description']}; taken {taken}")
    for copy in report.get("conflict_copies", []):
        if copy["ok"]:
            print(
                f"Conflict copy from a sync tool: {copy['name']} ({copy['description']}); the "
                "app merges it when it opens, then keeps it in conflicts/merged/."
            )
        else:
            print(
                f"Conflict copy from a sync tool: {copy['name']} is {copy['description']}; it "
                "cannot be merged and is left where it is. Remove it once you have checked it."
            )
    for edit in report.get("unfinished_edits", []):
        print(
            f"Unfinished edit: {edit} holds text from an editor session that never came back "
            "(Brilliance was stopped while the editor was open). Open it to copy what you need, "
            "then delete it."
        )
    if report["inbox_notes"]:
        print(
            f"Inbox: {report['inbox_notes']} note(s) from `brilliance note` waiting; the app "
            "adds them to the journal when it opens."
        )
    if report.get("rejected_notes"):
        from brilliance.store.inbox import rejected_advice

        print(f"Set aside: {rejected_advice(report['rejected_notes'])}")
    if report["open_in_process"] is not None:
        print(f"Open right now in another Brilliance (process {report['open_in_process']}).")
    if report["healthy"]:
        print(
            "The data file is fine; see the notes set aside above."
            if report.get("rejected_notes")
            else "All good."
        )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands.shell import EXIT_DATA, print_json
    from brilliance.commands.unlock import unlock_or_report
    from brilliance.store.codec import folder_is_encrypted

    if getattr(args, "bring_back_notes", False):
        return bring_back_notes(data_dir)
    keyring = None
    if folder_is_encrypted(data_dir):
        keyring = unlock_or_report(data_dir, "brilliance doctor")
        if keyring is None:
            return EXIT_DATA
    report = examine(data_dir, keyring)
    if args.json:
        print_json("doctor", report)
    else:
        print_report(report)
    if not report["healthy"]:
        print(f"The data file needs attention. {report['advice']}", file=sys.stderr)
        return EXIT_DATA
    return 0


def count_waiting(waiting: InboxContents) -> int:
    """Notes in the inbox, sealed ones included (an encrypted folder's notes stay sealed here)."""
    from brilliance.store.inbox import SEALED_PREFIX

    return len(waiting.records) + sum(
        1 for line in waiting.bad_lines if line.startswith(SEALED_PREFIX)
    )
