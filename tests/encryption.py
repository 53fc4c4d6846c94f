"""Helpers for tests of encrypted folders: cheap key derivation, an encrypted folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from brilliance.store.codec import PLAIN, Keyring
from brilliance.store.conversion import convert_folder
from brilliance.store.crypto import KDF_ARGON2ID, KdfParams

FAST = KdfParams(KDF_ARGON2ID, 1, 1024, 1)
"""Cheap settings for tests: the real ones cost 0.3 s a derivation, by design."""

PASSPHRASE = b"correct horse battery"


def encrypt(data_dir: Path, passphrase: bytes = PASSPHRASE) -> Keyring:
    """Encrypt ``data_dir`` as ``brilliance encrypt`` does; return the keyring that opens it."""
    keyring = Keyring.create(passphrase, FAST)
    convert_folder(data_dir, PLAIN, keyring, now=datetime(2026, 11, 24, 9, 0), label="test")
    return keyring


def every_file(folder: Path) -> dict[Path, bytes]:
    """Every file under ``folder``, whatever its name, with its bytes."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
