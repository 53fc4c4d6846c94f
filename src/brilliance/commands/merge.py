"""``brilliance merge FILE``: bring another copy of the data into this one, record by record.

For a copy the sync tool did not name as a conflict (a backup, a file from another machine, a
file from a git branch). The newest version of each record wins, a deletion wins over older
versions only, and nothing else is touched: merging the same file twice adds nothing. The copy
itself is never changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "merge another copy of the data (a backup, another machine's file) into this one"
EXAMPLES = (
    "brilliance merge ~/Downloads/brilliance.json",
    "brilliance merge backups/brilliance-2026-11-02.json",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the other copy: a data file or a JSON backup")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.commands.shell import EXIT_DATA, EXIT_REFUSED
    from brilliance.store.copies import merge_copy
    from brilliance.store.errors import StoreError

    path: Path = args.file.expanduser()
    if not path.is_file():
        print(f"brilliance merge: {path} is not a file; nothing was changed.", file=sys.stderr)
        return EXIT_REFUSED
    store = open_store(data_dir)
    if store is None:
        return EXIT_DATA
    with store:
        if path.resolve() == store.path.resolve():
            print("brilliance merge: that is the data file itself; nothing to merge.")
            return EXIT_REFUSED
        try:
            result = merge_copy(store, path)
        except StoreError as exc:
            message = str(exc).splitlines()[0]
            print(f"brilliance merge: {message} Nothing was changed.", file=sys.stderr)
            return EXIT_DATA
    merged = result.merged
    print(
        f"Merged {path.name}: {len(merged.added)} added, {len(merged.updated)} updated, "
        f"{len(merged.deleted)} deleted."
    )
    return 0
