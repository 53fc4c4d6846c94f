"""``brilliance review``: the weekly review as Markdown (or JSON), without opening the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from brilliance.commands.shell import add_json_flag

HELP = "print the weekly review: meetings, value given, promises, introductions (--json)"
EXAMPLES = (
    "brilliance review",
    "brilliance review --week 2026-W48 > review.md",
    "brilliance review --json | jq '.nothing_given'",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week to review, such as 2026-W48 (default: the week your review day "
        "looks back on)",
    )
    add_json_flag(parser)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_to_read
    from brilliance.commands.shell import EXIT_USAGE, CommandError, print_json
    from brilliance.domain.review import IsoWeek
    from brilliance.domain.review_render import review_json
    from brilliance.services.review import current_week, gather_review

    week: IsoWeek | None = None
    if args.week:
        try:
            week = IsoWeek.parse(args.week)
        except ValueError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
    with open_to_read(data_dir) as store:
        view = gather_review(store, week or current_week(store))
        if args.json:
            print_json("review", review_json(view.review, view.names))
        else:
            sys.stdout.write(view.markdown)
    return 0
