"""Asking for the passphrase on the command line: from the terminal, or from a file.

Never from a command-line argument (it would sit in the shell history and in ``ps``) nor from
an environment variable (inherited by every child process). ``--passphrase-file FILE`` is for
scripts and tests; its first line is the passphrase.

``cli.main`` records the ``--passphrase-file`` option in :data:`PASSPHRASE_FILE` once per run,
so that every command that opens the data asks the same way.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.codec import Keyring

PASSPHRASE_FILE: Path | None = None
"""The ``--passphrase-file`` of this run, if one was given."""

TRIES = 3
MIN_LENGTH = 8

FORGOTTEN = (
    "A forgotten passphrase cannot be recovered: without it no one, not even Brilliance, can "
    "read the data."
)


class PassphraseInputError(Exception):
    """No passphrase could be read; ``str()`` says why and what to do."""


def normalise(text: str) -> bytes:
    """The bytes a passphrase is derived from: NFC, so that the same characters typed on
    another system give the same key."""
    return unicodedata.normalize("NFC", text).encode("utf-8")


def read_passphrase_file(path: Path) -> bytes:
    """The first line of ``path``, without its line ending. Raises PassphraseInputError."""
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PassphraseInputError(f"cannot read the passphrase file {path}: {exc}") from None
    first = text.splitlines()[0] if text else ""
    if not first:
        raise PassphraseInputError(f"the passphrase file {path} is empty")
    return normalise(first)


def ask(prompt: str) -> bytes:
    """One passphrase typed on the terminal, not echoed. Raises PassphraseInputError."""
    import getpass

    if not sys.stdin or not sys.stdin.isatty():
        raise PassphraseInputError(
            "there is no terminal to ask the passphrase on; give it with --passphrase-file FILE"
        )
    try:
        return normalise(getpass.getpass(prompt))
    except (EOFError, KeyboardInterrupt):
        raise PassphraseInputError("no passphrase given") from None


def ask_new(prompt: str = "New passphrase: ", file: Path | None = None) -> bytes:
    """A passphrase to set: from ``file``, or typed twice on the terminal.

    Raises PassphraseInputError if it is too short or the two do not match.
    """
    if file is not None:
        chosen = read_passphrase_file(file)
    else:
        chosen = ask(prompt)
        if ask("The same again: ") != chosen:
            raise PassphraseInputError("the two passphrases differ; nothing was changed")
    if len(chosen.decode("utf-8")) < MIN_LENGTH:
        raise PassphraseInputError(
            f"a passphrase needs at least {MIN_LENGTH} characters (a few words are best)"
        )
    return chosen


def unlock_folder(data_dir: Path, file: Path | None = None) -> Keyring:
    """The keyring for the folder's encrypted data file, asked up to three times.

    With ``file`` (or the run's ``--passphrase-file``) there is one try. Raises
    PassphraseInputError, or a StoreError if the file itself is damaged.
    """
    from brilliance.store.codec import read_data_head

    try:
        head = read_data_head(data_dir)
    except OSError as exc:
        raise PassphraseInputError(f"cannot read the data file: {exc.strerror}") from None
    return unlock_bytes(head, "the data file", file)


def unlock_bytes(head: bytes, what: str, file: Path | None = None) -> Keyring:
    """The keyring that opens the envelope starting with ``head`` (see :func:`unlock_folder`)."""
    from brilliance.store.codec import Keyring
    from brilliance.store.crypto import WrongPassphraseError

    file = file or PASSPHRASE_FILE
    tries = 1 if file is not None else TRIES
    for attempt in range(1, tries + 1):
        passphrase = read_passphrase_file(file) if file else ask("Passphrase: ")
        try:
            return Keyring.unlock(passphrase, head, what)
        except WrongPassphraseError:
            if attempt < tries:
                print("That passphrase does not open it; try again.", file=sys.stderr)
    told = "three wrong tries" if tries > 1 else "a wrong passphrase"
    raise PassphraseInputError(f"{told}; nothing was opened or changed. {FORGOTTEN}")


def unlock_or_report(data_dir: Path, command: str = "brilliance") -> Keyring | None:
    """:func:`unlock_folder`, printing why not (and returning None) when it fails."""
    from brilliance.store.errors import StoreError

    try:
        return unlock_folder(data_dir)
    except (PassphraseInputError, StoreError) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None


def open_file(path: Path, raw: bytes, keyring: Keyring | None, command: str) -> bytes | None:
    """The plain content of a file to read (a backup to restore or import): as it is if plain,
    opened with ``keyring`` if that opens it, else with its own passphrase, asked for. Prints
    why not and returns None when it cannot be opened."""
    from brilliance.store.crypto import is_encrypted
    from brilliance.store.errors import StoreError

    if not is_encrypted(raw):
        return raw
    try:
        if keyring is None or not keyring.opens(raw):
            keyring = unlock_bytes(raw, path.name)
        return keyring.decode(raw, path.name)
    except (PassphraseInputError, StoreError) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None
