"""Turning a folder encrypted, plain again, or over to a new passphrase.

One function, :func:`convert_folder`, does all three: it reads every file Brilliance wrote
for the folder with the old codec and writes it again with the new one. Everything is read
and checked before anything is written, so a wrong passphrase or a damaged file changes
nothing; then each file is replaced atomically, the data file last (its header is what says
whether the folder is encrypted), after a named backup of it as it was.

An interruption half-way leaves every file readable with one passphrase or the other (or
plain): running the same command again finishes the job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from brilliance.store import codec as codecs
from brilliance.store import crypto
from brilliance.store.backups import backup_dir, list_backups, named_backup
from brilliance.store.codec import Codec
from brilliance.store.crypto import EncryptionError
from brilliance.store.errors import StoreError
from brilliance.store.fileformat import load_tables, parse_bytes
from brilliance.store.inbox import SEALED_PREFIX, inbox_path, open_line, rewrite_inbox, sealed_line
from brilliance.store.lock import DataLock
from brilliance.store.paths import DATA_FILE_NAME, ensure_data_dir
from brilliance.store.storage import Tables, atomic_write, serialize
from brilliance.store.today_summary import forget_summary


class ConversionError(StoreError):
    """A file could not be read with either codec; nothing was changed."""


@dataclass
class Conversion:
    """What a conversion did, for the command's report."""

    backup: Path | None = None
    files: list[Path] = field(default_factory=list)
    notes: int = 0
    plain_left: list[Path] = field(default_factory=list)
    """Files in the folder Brilliance did not write for it (exports you made): left as is."""


def copies(data_dir: Path) -> list[Path]:
    """Every file holding the folder's data besides the data file itself: backups, and rescue
    and conflict copies beside the data file (``brilliance*.json``)."""
    beside = sorted(
        p for p in data_dir.glob("brilliance*.json") if p.is_file() and p.name != DATA_FILE_NAME
    )
    conflicts = data_dir / "conflicts"  # sync tools' conflict copies, kept after a merge
    kept = sorted(p for p in conflicts.rglob("*.json") if p.is_file()) if conflicts.is_dir() else []
    return list_backups(data_dir) + [p for p in beside if p.parent != backup_dir(data_dir)] + kept


def convert_folder(
    data_dir: Path, old: Codec, new: Codec, *, now: datetime, label: str
) -> Conversion:
    """Rewrite the folder's files from ``old`` to ``new``. Raises StoreError, AlreadyOpenError.

    Needs the folder's lock (the app must be closed). ``label`` names the backup taken of the
    data file before it is converted (``before-encrypt``...).
    """
    ensure_data_dir(data_dir)
    lock = DataLock(data_dir)
    lock.acquire()
    try:
        return _convert(data_dir, old, new, now, label)
    finally:
        lock.release()


def _convert(data_dir: Path, old: Codec, new: Codec, now: datetime, label: str) -> Conversion:
    data_file = data_dir / DATA_FILE_NAME
    done = Conversion()
    forget_summary(data_dir)  # Today's summary is plain text: never beside encrypted data
    tables = _read_data(data_file, old, new)
    private = codecs.note_private_key(tables)
    if new.encrypted and private is None:
        private, _ = crypto.new_note_keys()
    # Read everything first: a file neither codec opens stops the conversion before any write.
    plain_copies = {path: _decode_either(path, old, new) for path in copies(data_dir)}
    convert_line = _line_converter(new.encrypted, private)
    _check_inbox(data_dir, convert_line)

    if data_file.exists():
        done.backup = named_backup(data_file, label, now)
        plain_copies[done.backup] = _decode_either(done.backup, old, new)
    for path, plain in plain_copies.items():
        atomic_write(path, new.encode(plain))
        done.files.append(path)
    if new.encrypted and private is not None:
        codecs.put_note_private_key(tables, private)
    else:
        codecs.drop_note_private_key(tables)
    # The inbox after the copies, before the data file: until the data file is written, a
    # note sealed now could not be opened by a plain store, and vice versa; the store sets
    # aside what it cannot open, and this command, run again, finishes the job.
    done.notes = rewrite_inbox(data_dir, convert_line)
    atomic_write(data_file, new.encode(serialize(tables)))
    if new.encrypted and private is not None:
        codecs.write_public_key(data_dir, crypto.public_of(private))
    else:
        codecs.remove_public_key(data_dir)
    done.plain_left = _plain_leftovers(data_dir) if new.encrypted else []
    return done


def _read_data(data_file: Path, old: Codec, new: Codec) -> Tables:
    """The data file's tables, checked completely (an empty folder gives empty tables)."""
    if not data_file.exists():
        from brilliance.store.fileformat import empty_tables

        return empty_tables()
    raw = data_file.read_bytes()
    plain = _decode_either(data_file, old, new, raw)
    return load_tables(data_file, parse_bytes(data_file, plain)).tables


def _decode_either(path: Path, old: Codec, new: Codec, raw: bytes | None = None) -> bytes:
    """The plain content of ``path``, read with ``old``, or with ``new`` if an interrupted
    conversion already rewrote it."""
    raw = path.read_bytes() if raw is None else raw
    try:
        return old.decode(raw, str(path))
    except EncryptionError as first:
        try:
            return new.decode(raw, str(path))
        except EncryptionError:
            raise first from None


def _line_converter(encrypting: bool, private: bytes | None) -> Callable[[bytes], bytes]:
    """What turns one inbox line into its form for the new folder: sealed to the note key, or
    opened. Raises ValueError for a line it cannot open."""
    if encrypting:
        assert private is not None
        public = crypto.public_of(private)

        def seal(line: bytes) -> bytes:
            if line.startswith(SEALED_PREFIX):
                return line  # the note key stays the same when the passphrase changes
            return sealed_line(crypto.seal(public, line))

        return seal
    unseal = codecs.note_unsealer(private) if private is not None else None
    return lambda line: open_line(line, unseal)


def _check_inbox(data_dir: Path, convert: Callable[[bytes], bytes]) -> None:
    try:
        raw = inbox_path(data_dir).read_bytes()
    except FileNotFoundError:
        return
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            convert(line)
        except ValueError as exc:
            raise ConversionError(
                f"A note waiting in {inbox_path(data_dir)} cannot be read ({exc}); nothing "
                "was changed. Open Brilliance once to merge the inbox, then try again."
            ) from None


def _plain_leftovers(data_dir: Path) -> list[Path]:
    exports = data_dir / "exports"
    return sorted(p for p in exports.rglob("*") if p.is_file()) if exports.is_dir() else []
