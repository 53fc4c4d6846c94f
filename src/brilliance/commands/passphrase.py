"""``brilliance passphrase``: change the passphrase of an encrypted data folder.

Asks for the current passphrase, then the new one twice (or reads them with
``--passphrase-file`` and ``--new-passphrase-file``). Backups and copies are re-encrypted with
the new one, so the old passphrase opens nothing afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "change the passphrase of an encrypted data folder (backups included)"
EXAMPLES = (
    "brilliance passphrase",
    "brilliance passphrase --passphrase-file OLD --new-passphrase-file NEW",
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        type=Path,
        help="read the new passphrase from the first line of FILE instead of the terminal",
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import unlock
    from brilliance.commands.conversions import convert, report
    from brilliance.store.codec import Keyring, folder_is_encrypted

    if not folder_is_encrypted(data_dir):
        print(
            f"brilliance passphrase: {data_dir} is not encrypted; `brilliance encrypt` "
            "encrypts it.",
            file=sys.stderr,
        )
        return 1
    current = unlock.unlock_or_report(data_dir, "brilliance passphrase")
    if current is None:
        return 1
    try:
        chosen = unlock.ask_new("New passphrase: ", args.new_passphrase_file)
    except unlock.PassphraseInputError as exc:
        print(f"brilliance passphrase: {exc}", file=sys.stderr)
        return 1
    done = convert("passphrase", data_dir, current, Keyring.create(chosen), "before-passphrase")
    if done is None:
        return 1
    report(done, "Re-encrypted")
    print("The passphrase is changed. " + unlock.FORGOTTEN)
    return 0
