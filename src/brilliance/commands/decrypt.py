"""``brilliance decrypt``: turn an encrypted data folder back into plain files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "decrypt the data folder (asks for the passphrase); its files become plain text"
EXAMPLES = ("brilliance decrypt",)


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # the passphrase comes from the terminal or --passphrase-file


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands.conversions import convert, report
    from brilliance.commands.unlock import unlock_or_report
    from brilliance.store.codec import PLAIN, folder_is_encrypted

    if not folder_is_encrypted(data_dir):
        print(f"brilliance decrypt: {data_dir} is not encrypted.", file=sys.stderr)
        return 1
    keyring = unlock_or_report(data_dir, "brilliance decrypt")
    if keyring is None:
        return 1
    done = convert("decrypt", data_dir, keyring, PLAIN, "before-decrypt")
    if done is None:
        return 1
    report(done, "Decrypted")
    print("The folder is plain text again: anyone who can read its files can read your data.")
    return 0
