"""``brilliance import FILE``: contacts, people, journals, calendars and backups.

The whole file is checked first; then everything is written at once. A bad row is reported
with its line number and nothing is saved, unless ``--skip-bad`` says to import the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "import contacts (.vcf), people (.csv), a journal (jrnl, .md), events (.ics) or a backup"
EXAMPLES = (
    "brilliance import contacts.vcf",
    "brilliance import people.csv --skip-bad",
)


SHOWN_SKIPPED = 10
SHOWN_REJECTED = 20


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the file to import (.vcf, .csv, .txt, .md, .ics, .json)")
    parser.add_argument(
        "--format",
        choices=("vcard", "csv", "jrnl", "markdown", "ics", "json"),
        help="the file's format, when its name does not say",
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="import the good rows even if some are bad"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="for a JSON backup: add its records to a folder that already has data",
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.portability import importers
    from brilliance.services.imports import FolderHasData, apply_plan, build_plan
    from brilliance.store.errors import StoreError
    from brilliance.store.limits import LimitError, check_record_count, read_limited

    path = Path(args.file).expanduser()
    try:
        raw = read_limited(path)  # a file over the limit is refused before it is read
    except LimitError as exc:
        print(f"brilliance import: {exc} Nothing was imported.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"brilliance import: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    store = open_store(data_dir)
    if store is None:
        return 1
    with store:
        from brilliance.commands.unlock import open_file
        from brilliance.store.codec import Keyring

        keyring = store.codec if isinstance(store.codec, Keyring) else None
        opened = open_file(path, raw, keyring, "brilliance import")
        if opened is None:
            return 1
        raw = opened  # an encrypted backup, opened with its passphrase
        try:
            kind = args.format or importers.detect(path, raw[:4096])
            plan = build_plan(kind, path, raw, store)
            check_record_count(len(plan.people) + len(plan.journal) + len(plan.events))
        except LimitError as exc:
            print(f"brilliance import: {path.name}: {exc} Nothing was imported.", file=sys.stderr)
            return 1
        except importers.ImportError_ as exc:
            print(f"brilliance import: {path.name}: {exc}", file=sys.stderr)
            return 1
        except UnicodeDecodeError:
            print(f"brilliance import: {path.name} is not UTF-8 text.", file=sys.stderr)
            return 1
        for note in plan.notes:
            print(note, file=sys.stderr)
        for rejected in plan.rejected[:SHOWN_REJECTED]:
            print(f"{path.name}: {rejected.describe()}", file=sys.stderr)
        if len(plan.rejected) > SHOWN_REJECTED:
            print(
                f"{path.name}: ... and {len(plan.rejected) - SHOWN_REJECTED} more", file=sys.stderr
            )
        if plan.rejected and not args.skip_bad:
            print(
                f"Nothing imported: {len(plan.rejected)} bad row(s). Fix them, or run again "
                "with --skip-bad to import the rest.",
                file=sys.stderr,
            )
            return 1
        try:
            apply_plan(store, plan, merge=args.merge)
        except FolderHasData as exc:
            print(f"brilliance import: {exc}", file=sys.stderr)
            return 1
        except StoreError as exc:
            print(f"brilliance: {exc}", file=sys.stderr)
            return 1
    for skipped in plan.skipped[:SHOWN_SKIPPED]:
        print(f"skipped: {skipped}", file=sys.stderr)
    if len(plan.skipped) > SHOWN_SKIPPED:
        print(f"skipped: ... and {len(plan.skipped) - SHOWN_SKIPPED} more", file=sys.stderr)
    print(
        f"Imported {plan.kind} from {path.name}: {plan.added} added, {len(plan.skipped)} "
        f"skipped, {len(plan.rejected)} rejected."
    )
    return 0
