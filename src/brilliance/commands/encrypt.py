"""``brilliance encrypt``: encrypt the data folder with a passphrase (asked twice).

Every file Brilliance keeps for the folder is rewritten encrypted: the data file, its backups,
rescue and conflict copies, and the notes waiting in the inbox. The data file is backed up
first (that backup is encrypted too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "encrypt the data folder with a passphrase (backups and waiting notes included)"
EXAMPLES = (
    "brilliance encrypt",
    "brilliance encrypt --passphrase-file ~/.config/brilliance-passphrase",
)


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # the passphrase comes from the terminal or --passphrase-file


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import unlock
    from brilliance.commands.conversions import convert, report
    from brilliance.store.codec import PLAIN, Keyring, folder_is_encrypted

    if folder_is_encrypted(data_dir):
        print(
            f"brilliance encrypt: {data_dir} is already encrypted. `brilliance passphrase` "
            "changes the passphrase; `brilliance decrypt` makes it plain again.",
            file=sys.stderr,
        )
        return 1
    try:
        passphrase = unlock.ask_new("Choose a passphrase: ", unlock.PASSPHRASE_FILE)
    except unlock.PassphraseInputError as exc:
        print(f"brilliance encrypt: {exc}", file=sys.stderr)
        return 1
    done = convert("encrypt", data_dir, PLAIN, Keyring.create(passphrase), "before-encrypt")
    if done is None:
        return 1
    report(done, "Encrypted")
    print(
        "Brilliance will ask for the passphrase when it opens this folder; "
        "`brilliance note` still works without it.\n" + unlock.FORGOTTEN
    )
    return 0
