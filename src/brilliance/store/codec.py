"""The seam between the store and the disk: bytes in, bytes out, plain or encrypted.

Whatever the store writes for a folder (the data file, rescue and conflict copies) goes
through ``codec.encode``; whatever it reads goes through ``codec.decode``. A plain folder uses
:data:`PLAIN`; an encrypted one a :class:`Keyring`, unlocked once per session with the
passphrase, so that saves never pay the key derivation again (each save draws a fresh nonce
and keeps the file's salt).

The folder's files that are not the data file are handled here too: the public key that lets
``brilliance note`` seal notes without the passphrase (its private key lives inside the
encrypted data file, in the ``meta`` table).
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from brilliance.store import crypto
from brilliance.store.crypto import EncryptionError, KdfParams
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.paths import folder_is_encrypted as folder_is_encrypted

NOTE_KEY_FILE = "note-key.pub"
NOTE_KEY_PREFIX = "brilliance-note-key-v1 "
NOTE_KEY_RECORD = "note-key"
"""The id of the record, in the ``meta`` table, that holds the private note key."""


EXTERNAL_EDITOR_WARNING = (
    "This folder is encrypted, but your editor may keep its own swap, backup or history files "
    "of what you type, in plain text and outside Brilliance's control."
)
"""Shown before handing text to an external editor ($EDITOR) in an encrypted folder."""


def edit_folder(data_dir: Path) -> Path:
    """Where to put the text handed to an external editor.

    A plain folder: the data folder itself (private, and not a shared /tmp). An encrypted one
    must not hold plain text, even for a minute (a sync tool would copy it): a private folder
    in memory instead (``$XDG_RUNTIME_DIR``, 0700 and never on disk), else the data folder.
    """
    if not folder_is_encrypted(data_dir):
        return data_dir
    import os

    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir() and (Path(runtime).stat().st_mode & 0o077) == 0:
        return Path(runtime) / "brilliance"
    return data_dir


class PassphraseNeededError(EncryptionError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} is encrypted: give the passphrase (Brilliance asks for it on a terminal, "
            "or reads it with --passphrase-file FILE)."
        )


class Codec(Protocol):
    @property
    def encrypted(self) -> bool: ...

    def encode(self, plain: bytes) -> crypto.Envelope:
        """The bytes to write for ``plain`` content."""
        ...

    def decode(self, raw: crypto.Envelope, what: str) -> bytes:
        """The plain content of bytes read from a file (named ``what`` in errors)."""
        ...


class PlainCodec:
    """A plain folder: bytes pass through. Refuses encrypted bytes (it has no key)."""

    encrypted = False

    def encode(self, plain: bytes) -> crypto.Envelope:
        return plain

    def decode(self, raw: crypto.Envelope, what: str) -> bytes:
        if crypto.is_encrypted(raw):
            raise PassphraseNeededError(what)
        return bytes(raw)  # (the same object when it is bytes already)


PLAIN = PlainCodec()


class Keyring:
    """An unlocked passphrase for one session: derives each file's key once, then reuses it.

    ``encode`` writes with the current file's salt and settings (no derivation at all);
    ``decode`` opens any envelope the passphrase opens (an older backup has its own salt:
    its key is derived once, then kept), and passes plain JSON through, as an older backup
    may be; anything else (a damaged magic line) is refused.
    """

    encrypted = True

    def __init__(self, passphrase: bytes, params: KdfParams, salt: bytes, key: bytes) -> None:
        self._passphrase = passphrase
        self.params = params
        self.salt = salt
        self._key = key
        self._keys: dict[tuple[KdfParams, bytes], bytes] = {(params, salt): key}

    @classmethod
    def create(cls, passphrase: bytes, params: KdfParams | None = None) -> Keyring:
        """A new key with a new salt (encrypting a folder, changing its passphrase)."""
        params = params or crypto.DEFAULT_KDF
        salt = crypto.new_salt()
        return cls(passphrase, params, salt, crypto.derive_key(passphrase, salt, params))

    @classmethod
    def unlock(
        cls, passphrase: bytes, raw: crypto.Envelope, what: str = "the data file"
    ) -> Keyring:
        """The keyring that opens ``raw`` (an envelope's first bytes are enough).

        Raises WrongPassphraseError or TamperedError.
        """
        header = crypto.read_header(raw, what)
        key = crypto.derive_key(passphrase, header.salt, header.params)
        if not hmac.compare_digest(crypto.key_check(key), header.check):
            raise crypto.WrongPassphraseError(what)
        return cls(passphrase, header.params, header.salt, key)

    def encode(self, plain: bytes) -> crypto.Envelope:
        return crypto.seal_with_key(self._key, self.params, self.salt, plain)

    def decode(self, raw: crypto.Envelope, what: str) -> bytes:
        if not crypto.is_encrypted(raw):
            if raw.lstrip()[:1] == b"{":
                return bytes(raw)  # a plain backup from before the folder was encrypted
            raise crypto.TamperedError(what, "it is neither encrypted nor a plain data file")
        header = crypto.read_header(raw, what)
        known = (header.params, header.salt)
        key = self._keys.get(known)
        if key is None:
            key = crypto.derive_key(self._passphrase, header.salt, header.params)
            self._keys[known] = key
        return crypto.open_with_key(key, raw, what)

    def opens(self, raw: crypto.Envelope) -> bool:
        """Whether this passphrase opens ``raw`` (plain bytes count as opening)."""
        try:
            self.decode(raw, "the file")
        except EncryptionError:
            return False
        return True


def read_data_head(data_dir: Path) -> bytes:
    """The data file's header, enough for :meth:`Keyring.unlock`. Raises OSError."""
    with open(data_dir / DATA_FILE_NAME, "rb") as handle:
        return handle.read(crypto.HEADER_BYTES)


# -- the note key ---------------------------------------------------------------------------


def note_private_key(tables: dict[str, dict[str, Any]]) -> bytes | None:
    """The private note key held in the data file's ``meta`` table, if there is one."""
    record = tables.get("meta", {}).get(NOTE_KEY_RECORD)
    if not isinstance(record, dict) or not isinstance(record.get("x25519"), str):
        return None
    try:
        raw = base64.b64decode(record["x25519"], validate=True)
    except ValueError:
        return None
    return raw if len(raw) == crypto.SEALED_PUBLIC_BYTES else None


def put_note_private_key(tables: dict[str, dict[str, Any]], private: bytes) -> None:
    tables.setdefault("meta", {})[NOTE_KEY_RECORD] = {
        "x25519": base64.b64encode(private).decode("ascii")
    }


def drop_note_private_key(tables: dict[str, dict[str, Any]]) -> None:
    tables.get("meta", {}).pop(NOTE_KEY_RECORD, None)


def public_key_path(data_dir: Path) -> Path:
    return data_dir / NOTE_KEY_FILE


def read_public_key(data_dir: Path) -> bytes | None:
    """The folder's public note key, or None if there is none (or it is not one)."""
    try:
        text = public_key_path(data_dir).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(NOTE_KEY_PREFIX.strip()):
        return None
    try:
        raw = base64.b64decode(text.split()[-1], validate=True)
    except ValueError:
        return None
    return raw if len(raw) == crypto.SEALED_PUBLIC_BYTES else None


def write_public_key(data_dir: Path, public: bytes) -> None:
    """Write the public note key (it is not secret: it can only lock, never open)."""
    from brilliance.store.storage import atomic_write

    text = NOTE_KEY_PREFIX + base64.b64encode(public).decode("ascii") + "\n"
    atomic_write(public_key_path(data_dir), text.encode("ascii"))


def keep_public_key(data_dir: Path, tables: dict[str, dict[str, Any]]) -> None:
    """Put back the public note key of an encrypted folder if it is missing or not the one
    matching the private key in ``tables`` (an older copy synced in). Raises OSError."""
    private = note_private_key(tables)
    if private is None:
        return
    public = crypto.public_of(private)
    if read_public_key(data_dir) != public:
        write_public_key(data_dir, public)


def remove_public_key(data_dir: Path) -> None:
    public_key_path(data_dir).unlink(missing_ok=True)


def note_sealer(public: bytes) -> Callable[[bytes], bytes]:
    """What ``brilliance note`` seals a line with, in an encrypted folder."""

    def seal(line: bytes) -> bytes:
        return crypto.seal(public, line)

    return seal


def note_unsealer(private: bytes) -> Callable[[bytes], bytes]:
    """What the store opens sealed notes with; raises ValueError on a box it cannot open."""

    def unseal(box: bytes) -> bytes:
        try:
            return crypto.unseal(private, box)
        except EncryptionError as exc:
            raise ValueError(str(exc)) from None

    return unseal
