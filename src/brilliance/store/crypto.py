"""Encryption at rest: the envelope of an encrypted file, and the sealed box for quick notes.

Pure functions over bytes (no files here), built only from ``cryptography``:

- **The envelope** of an encrypted data file, backup or copy::

      BRILLIANCE ENCRYPTED\\n  (magic, readable by `head`)
      version  u8             (FORMAT_VERSION)
      kdf      u8             (KDF_ARGON2ID or KDF_SCRYPT)
      cost     3 x u32        (Argon2id: iterations, memory KiB, lanes; scrypt: log2 n, r, p)
      salt     16 bytes       (random per file, kept while the passphrase stays)
      check    16 bytes       (tells a wrong passphrase from a damaged file)
      nonce    12 bytes       (fresh on every save)
      then AES-256-GCM ciphertext and tag, with the whole header as associated data

  Every byte of the header is authenticated: one changed byte anywhere refuses the file.

- **The sealed box** lets ``brilliance note`` encrypt without the passphrase: an ephemeral
  X25519 key agrees a secret with the folder's public key, HKDF-SHA256 turns it into an
  AES-256-GCM key, and only the private key (kept inside the encrypted data file) opens it.

``cryptography`` is imported only when something is encrypted or opened, so that a plain
folder's start does not pay for it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from dataclasses import dataclass

from brilliance.store.errors import StoreError
from brilliance.store.paths import ENCRYPTED_MAGIC

MAGIC = ENCRYPTED_MAGIC
FORMAT_VERSION = 1
KDF_ARGON2ID = 1
KDF_SCRYPT = 2
SALT_BYTES = 16
CHECK_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
"""AES-GCM's authentication tag, at the end of the ciphertext."""
KEY_BYTES = 32
_FIXED = struct.Struct(">BBIII")
HEADER_BYTES = len(MAGIC) + _FIXED.size + SALT_BYTES + CHECK_BYTES + NONCE_BYTES

SEALED_INFO = b"brilliance sealed note v1"
SEALED_PUBLIC_BYTES = 32


class EncryptionError(StoreError):
    """Base for encryption problems; ``str()`` is a message for the user."""


class WrongPassphraseError(EncryptionError):
    def __init__(self, what: str = "the data file") -> None:
        super().__init__(
            f"That passphrase does not open {what}. Nothing was changed. "
            "(A forgotten passphrase cannot be recovered: no one, not even Brilliance, can "
            "read the data without it.)"
        )


class TamperedError(EncryptionError):
    def __init__(self, what: str, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"Cannot open {what}: {problem}. It may be damaged or changed by someone else; "
            "it was not changed by this attempt. `brilliance doctor` lists backups that open."
        )


@dataclass(frozen=True)
class KdfParams:
    """Which key derivation, and how costly; stored in every header."""

    kdf: int = KDF_ARGON2ID
    cost1: int = 4
    """Argon2id: passes over memory. scrypt: log2 of n."""
    cost2: int = 64 * 1024
    """Argon2id: memory in KiB. scrypt: r."""
    cost3: int = 1
    """Argon2id: lanes. scrypt: p."""

    def check(self) -> None:
        """Refuse parameters no honest file has (a tampered header could ask for terabytes)."""
        if self.kdf == KDF_ARGON2ID:
            good = (
                1 <= self.cost1 <= 64
                and 8 <= self.cost2 <= 4 * 1024 * 1024
                and (1 <= self.cost3 <= 64)
            )
        elif self.kdf == KDF_SCRYPT:
            good = 1 <= self.cost1 <= 24 and 1 <= self.cost2 <= 64 and 1 <= self.cost3 <= 16
        else:
            good = False
        if not good:
            raise TamperedError("the file", "its key derivation settings are not valid")


DEFAULT_KDF = KdfParams()
"""Argon2id, 4 passes over 64 MiB, one lane: about 0.32 s of CPU on this machine (wall time
grows when other processes share the cores; benchmarks/bench.py, figures ``kdf`` and
``kdf_cpu``). A file made with other settings still opens: they are in each header."""


def derive_key(passphrase: bytes, salt: bytes, params: KdfParams) -> bytes:
    """The 32-byte key for ``passphrase``: the costly step, paid once per session."""
    params.check()
    if params.kdf == KDF_ARGON2ID:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=params.cost1,
            lanes=params.cost3,
            memory_cost=params.cost2,
        ).derive(passphrase)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(
        salt=salt, length=KEY_BYTES, n=2**params.cost1, r=params.cost2, p=params.cost3
    ).derive(passphrase)


def key_check(key: bytes) -> bytes:
    """A value stored in the header that says whether a derived key is the right one."""
    return hmac.new(key, b"brilliance key check", hashlib.sha256).digest()[:CHECK_BYTES]


@dataclass(frozen=True)
class Header:
    params: KdfParams
    salt: bytes
    check: bytes
    nonce: bytes

    def pack(self) -> bytes:
        p = self.params
        fixed = _FIXED.pack(FORMAT_VERSION, p.kdf, p.cost1, p.cost2, p.cost3)
        return MAGIC + fixed + self.salt + self.check + self.nonce


Envelope = bytes | bytearray
"""A file's bytes: as read (bytes), or as built in place for writing (bytearray)."""


def is_encrypted(raw: Envelope) -> bool:
    """Whether ``raw`` (a whole file, or only its first bytes) is an encrypted envelope."""
    return raw.startswith(MAGIC)


def read_header(raw: Envelope, what: str = "the file") -> Header:
    """Parse an envelope's header. Raises TamperedError if it is cut short or unknown."""
    if not is_encrypted(raw):
        raise TamperedError(what, "it is not an encrypted Brilliance file")
    if len(raw) < HEADER_BYTES:
        raise TamperedError(what, "it is cut short")
    at = len(MAGIC)
    version, kdf, c1, c2, c3 = _FIXED.unpack_from(raw, at)
    if version != FORMAT_VERSION:
        raise TamperedError(
            what, f"it uses encryption format {version}, which this version does not read"
        )
    at += _FIXED.size
    salt = bytes(raw[at : at + SALT_BYTES])
    check = bytes(raw[at + SALT_BYTES : at + SALT_BYTES + CHECK_BYTES])
    nonce = bytes(raw[at + SALT_BYTES + CHECK_BYTES : HEADER_BYTES])
    params = KdfParams(kdf, c1, c2, c3)
    try:
        params.check()
    except TamperedError as exc:
        raise TamperedError(what, exc.problem) from None
    return Header(params, salt, check, nonce)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def seal_with_key(key: bytes, params: KdfParams, salt: bytes, plain: bytes) -> Envelope:
    """An envelope of ``plain`` under ``key`` (derived from ``salt``), with a fresh nonce."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = Header(params, salt, key_check(key), os.urandom(NONCE_BYTES)).pack()
    cipher = AESGCM(key)
    if not hasattr(cipher, "encrypt_into"):  # an older cryptography, without encrypt_into
        return header + cipher.encrypt(header[-NONCE_BYTES:], plain, header)
    # Encrypted straight into its place after the header: a save of the 10-year file no
    # longer copies its 7 MB a second time (11 ms -> 2 ms for the seal).
    envelope = bytearray(len(header) + len(plain) + TAG_BYTES)
    envelope[: len(header)] = header
    cipher.encrypt_into(header[-NONCE_BYTES:], plain, header, memoryview(envelope)[len(header) :])
    return envelope


def open_with_key(key: bytes, raw: Envelope, what: str = "the file") -> bytes:
    """The plain bytes of an envelope. Raises WrongPassphraseError or TamperedError."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(raw, what)
    if not hmac.compare_digest(key_check(key), header.check):
        raise WrongPassphraseError(what)
    try:
        body = memoryview(raw)[HEADER_BYTES:]  # no copy of the ciphertext
        return AESGCM(key).decrypt(header.nonce, body, raw[:HEADER_BYTES])
    except InvalidTag:
        raise TamperedError(what, "its contents fail the integrity check") from None


# -- the sealed box ----------------------------------------------------------------------


def new_note_keys() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair for quick notes: (private, public), 32 raw bytes each."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_of(private_raw: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return _raw_public(X25519PrivateKey.from_private_bytes(private_raw).public_key())


def _sealed_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral_public + recipient_public,
        info=SEALED_INFO,
    ).derive(shared)


def seal(recipient_public: bytes, plain: bytes) -> bytes:
    """Encrypt ``plain`` so that only the holder of the matching private key can read it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _sealed_key(shared, ephemeral_public, recipient_public)
    nonce = os.urandom(NONCE_BYTES)
    return ephemeral_public + nonce + AESGCM(key).encrypt(nonce, plain, ephemeral_public)


def unseal(private_raw: bytes, box: bytes) -> bytes:
    """Open a sealed box. Raises TamperedError if it is not for this key or was changed."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(box) < SEALED_PUBLIC_BYTES + NONCE_BYTES + 16:
        raise TamperedError("a quick note", "it is cut short")
    ephemeral_public = box[:SEALED_PUBLIC_BYTES]
    nonce = box[SEALED_PUBLIC_BYTES : SEALED_PUBLIC_BYTES + NONCE_BYTES]
    private = X25519PrivateKey.from_private_bytes(private_raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _sealed_key(shared, ephemeral_public, _raw_public(private.public_key()))
        return AESGCM(key).decrypt(
            nonce, box[SEALED_PUBLIC_BYTES + NONCE_BYTES :], ephemeral_public
        )
    except (InvalidTag, ValueError):
        raise TamperedError("a quick note", "it fails the integrity check") from None


def _raw_private(key: object) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    assert isinstance(key, X25519PrivateKey)
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _raw_public(key: object) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    assert isinstance(key, X25519PublicKey)
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
