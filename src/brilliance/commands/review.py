"""``brilliance review``: the weekly review as Markdown (or JSON), without opening the app."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "print the weekly review: meetings, value given, promises, introductions (--json)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week to review, such as 2026-W48 (default: the week your review day "
        "looks back on)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.domain.review import IsoWeek
    from brilliance.domain.review_render import review_json
    from brilliance.services.review import current_week, gather_review
    from brilliance.store.paths import DATA_FILE_NAME

    week: IsoWeek | None = None
    if args.week:
        try:
            week = IsoWeek.parse(args.week)
        except ValueError as exc:
            print(f"brilliance review: {exc}.", file=sys.stderr)
            return 2
    if not (data_dir / DATA_FILE_NAME).exists():
        print(
            f"No Brilliance data in {data_dir} yet. Run `brilliance` to start, "
            "or `brilliance demo` to look around.",
            file=sys.stderr,
        )
        return 1
    store = open_store(data_dir, lock=False)
    if store is None:
        return 1
    with store:
        view = gather_review(store, week or current_week(store))
        if args.json:
            data = review_json(view.review, view.names)
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(view.markdown)
    return 0
