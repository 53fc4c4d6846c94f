"""``brilliance today``: the day's agenda as plain text, for a shell login or a cron mail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "print today's agenda as plain text (who is due, what is coming up, promises...)"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no options of its own


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.services.agenda import build_agenda, render_text
    from brilliance.store.paths import DATA_FILE_NAME

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
        sys.stdout.write(render_text(build_agenda(store)))
    return 0
