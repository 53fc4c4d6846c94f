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

    path = Path(args.file).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        print(f"brilliance import: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    store = open_store(data_dir)
    if store is None:
        return 1
    with store:
        try:
            kind = args.format or importers.detect(path, raw[:4096])
            plan = build_plan(kind, path, raw, store)
        except importers.ImportError_ as exc:
            print(f"brilliance import: {path.name}: {exc}", file=sys.stderr)
            return 1
        except UnicodeDecodeError:
            print(f"brilliance import: {path.name} is not UTF-8 text.", file=sys.stderr)
            return 1
        for note in plan.notes:
            print(note, file=sys.stderr)
        for rejected in plan.rejected:
            print(f"{path.name}: {rejected.describe()}", file=sys.stderr)
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
