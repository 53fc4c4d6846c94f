"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.codec import Keyring
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store


def store_error_status(exc: StoreError) -> int:
    """The exit status for a store error: 1 when refused (open elsewhere), else 3 (the file)."""
    from brilliance.commands.shell import EXIT_DATA, EXIT_REFUSED
    from brilliance.store.errors import AlreadyOpenError, ReadOnlyError

    refused = isinstance(exc, AlreadyOpenError | ReadOnlyError)
    return EXIT_REFUSED if refused else EXIT_DATA


def unlock_or_stop(data_dir: Path) -> Keyring:
    """The keyring of an encrypted folder, asked for; a CommandError (1, or 3 for a damaged
    file) when it can't be had."""
    from brilliance.commands.shell import EXIT_REFUSED, CommandError
    from brilliance.commands.unlock import PassphraseInputError, unlock_folder
    from brilliance.store.errors import StoreError

    try:
        return unlock_folder(data_dir)
    except PassphraseInputError as exc:
        raise CommandError(str(exc), EXIT_REFUSED) from exc
    except StoreError as exc:
        raise CommandError(str(exc), store_error_status(exc)) from exc


def make_private(data_dir: Path) -> None:
    """Tighten what others could read in the data folder, with a one-line notice (13.13)."""
    from brilliance.store.paths import tighten_permissions, tightened_notice

    if changed := tighten_permissions(data_dir):
        print(tightened_notice(changed, data_dir), file=sys.stderr)


def open_store(
    data_dir: Path,
    *,
    lock: bool = True,
    for_the_process: bool = False,
    keyring: Keyring | None = None,
    announce: bool = True,
) -> Store | None:
    """Open the data folder, or stop the command with why not and the exit status for it.

    ``lock=False`` for commands that only read (export, prep, today). ``for_the_process``:
    see :meth:`Store.open` (the app and ``brilliance note`` use it). An encrypted folder asks
    for its passphrase (see ``commands.unlock``) unless ``keyring`` already opens it. Raises
    :class:`~brilliance.commands.shell.CommandError` (status 1 when refused: open elsewhere,
    read-only, no passphrase; 3 for a problem with the file); the ``None`` of old is never
    returned.
    With ``announce``, what the open merged in (sync tools' conflict copies) is said on
    stderr, one line each; the app shows it itself.
    """
    from brilliance.commands.shell import EXIT_DATA, CommandError
    from brilliance.store.codec import folder_is_encrypted
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    make_private(data_dir)
    if keyring is None and folder_is_encrypted(data_dir):
        keyring = unlock_or_stop(data_dir)
    try:
        store = Store.open(data_dir, lock=lock, for_the_process=for_the_process, keyring=keyring)
    except StoreError as exc:
        raise CommandError(str(exc), store_error_status(exc)) from exc
    except OSError as exc:  # the file or folder can't be read: a problem with the data (3)
        raise CommandError(
            f"cannot open {data_dir}: {exc.strerror or exc}. Nothing was changed.", EXIT_DATA
        ) from exc
    if announce:
        store.listen(lambda text: print(f"brilliance: {text}", file=sys.stderr))
    return store


def open_to_read(data_dir: Path, *, must_exist: bool = True) -> Store:
    """Open the data folder without locking it, for a command that only reads.

    Raises :class:`~brilliance.commands.shell.CommandError` (status 1 when there is no data
    yet and ``must_exist``, 3 when the file can't be read) with a message saying what to do.
    """
    from brilliance.commands.shell import EXIT_DATA, EXIT_REFUSED, CommandError
    from brilliance.store.codec import folder_is_encrypted
    from brilliance.store.errors import StoreError
    from brilliance.store.inbox import has_notes
    from brilliance.store.paths import DATA_FILE_NAME
    from brilliance.store.store import Store

    # Notes waiting in the inbox (`brilliance note` on a new folder) are data too (QA).
    if must_exist and not (data_dir / DATA_FILE_NAME).exists() and not has_notes(data_dir):
        raise CommandError(
            f"no Brilliance data in {data_dir} yet. Run `brilliance` to start, "
            "or `brilliance demo` to look around.",
            EXIT_REFUSED,
        )
    make_private(data_dir)
    keyring = unlock_or_stop(data_dir) if folder_is_encrypted(data_dir) else None
    try:
        store = Store.open(data_dir, lock=False, keyring=keyring)
    except StoreError as exc:
        raise CommandError(str(exc), store_error_status(exc)) from exc
    except OSError as exc:
        raise CommandError(
            f"cannot read {data_dir}: {exc.strerror or exc}. Nothing was changed.", EXIT_DATA
        ) from exc
    # What the open merged in view (sync tools' conflict copies), one line each on stderr.
    store.listen(lambda text: print(f"brilliance: {text}", file=sys.stderr))
    return store
