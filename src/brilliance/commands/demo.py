"""``brilliance demo``: open the app on a fresh temporary copy of the sample data.

Your own data folder is never read or written: the sample lives in a new temporary folder
that is removed when you quit.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
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


def make_demo_dir() -> Path:
    """A new private folder holding the sample data, built for today."""
    from brilliance.demo import build_demo
    from brilliance.store.store import Store

    folder = Path(tempfile.mkdtemp(prefix="brilliance-demo-"))
    with Store.open(folder) as store:
        build_demo(store, store.clock.today())
    return folder


def run_demo(*, keep: bool = False, exit_after_first_frame: bool = False) -> int:
    from brilliance.cli import run_app

    folder = make_demo_dir()
    try:
        return run_app(folder, demo=True, exit_after_first_frame=exit_after_first_frame)
    finally:
        if keep:
            print(f"The sample data is kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    del data_dir  # deliberately never used: the demo must not touch the user's folder
    return run_demo(keep=args.keep, exit_after_first_frame=args.exit_after_first_frame)
