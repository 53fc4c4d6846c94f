"""``brilliance demo``: open the app on a fresh temporary copy of the sample data.

Your own data folder is never read or written: the sample lives in a new temporary folder
that is removed when you quit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "explore the app on sample data in a temporary folder (your own data is untouched)"
EXAMPLES = (
    "brilliance demo",
    "brilliance demo --keep",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary folder afterwards and print where it is",
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.launch import run_demo

    del data_dir  # deliberately never used: the demo must not touch the user's folder
    return run_demo(keep=args.keep, exit_after_first_frame=args.exit_after_first_frame)
