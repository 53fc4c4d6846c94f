"""What ``brilliance encrypt``, ``decrypt`` and ``passphrase`` share: run a folder conversion
and report it (see ``store.conversion``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.codec import Codec
    from brilliance.store.conversion import Conversion


def convert(command: str, data_dir: Path, old: Codec, new: Codec, label: str) -> Conversion | None:
    """Convert the folder, or print why not (nothing changed) and return None."""
    from datetime import datetime

    from brilliance.store.conversion import convert_folder
    from brilliance.store.errors import StoreError

    try:
        return convert_folder(data_dir, old, new, now=datetime.now(), label=label)
    except StoreError as exc:
        print(f"brilliance {command}: {exc}", file=sys.stderr)
    except OSError as exc:
        print(
            f"brilliance {command}: {exc.strerror or exc} ({exc.filename}). Every file still "
            "opens as it did or in its new form; run the command again once the problem is "
            "fixed to finish.",
            file=sys.stderr,
        )
    return None


def report(done: Conversion, verb: str) -> None:
    copies = len(done.files) - (1 if done.backup else 0)
    print(f"{verb} the data file, {copies} backup(s) and copies, and {done.notes} waiting note(s).")
    if done.backup is not None:
        print(f"The data file as it was is kept (in the new form) as {done.backup.name}.")
    if done.plain_left:
        print(
            f"{len(done.plain_left)} exported file(s) under exports/ are plain text you asked "
            "for; delete them if they should not stay readable.",
            file=sys.stderr,
        )
