"""The encryption core: envelopes, keyrings and sealed boxes refuse every wrong input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brilliance.store import crypto
from brilliance.store.codec import PLAIN, Keyring, PassphraseNeededError
from brilliance.store.crypto import (
    HEADER_BYTES,
    KDF_ARGON2ID,
    KDF_SCRYPT,
    KdfParams,
    TamperedError,
    WrongPassphraseError,
)

FAST = KdfParams(KDF_ARGON2ID, 1, 1024, 1)
"""Cheap settings for tests: the real ones cost 0.3 s a derivation, by design."""

SECRET = b'{"people": {"p1": {"name": "Ada Lovelace", "email": "ada@example.org"}}}\n'


@pytest.fixture(scope="module")
def keyring() -> Keyring:
    return Keyring.create(b"correct horse", FAST)


def test_round_trip(keyring: Keyring) -> None:
    raw = keyring.encode(SECRET)
    assert raw.startswith(crypto.MAGIC)
    assert b"Ada" not in raw and b"example.org" not in raw
    assert keyring.decode(raw, "test") == SECRET


def test_sealed_in_place_or_the_older_way_the_envelope_is_the_same(
    keyring: Keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cryptography.hazmat.primitives.ciphers import aead

    real = aead.AESGCM

    class WithoutEncryptInto:  # an older cryptography, without encrypt_into
        def __init__(self, key: bytes) -> None:
            self.cipher = real(key)

        def encrypt(self, nonce: bytes, data: bytes, associated: bytes) -> bytes:
            return self.cipher.encrypt(nonce, data, associated)

    in_place = keyring.encode(SECRET)
    monkeypatch.setattr(aead, "AESGCM", WithoutEncryptInto)
    older = keyring.encode(SECRET)
    monkeypatch.undo()
    assert isinstance(older, bytes)
    assert len(in_place) == len(older) == HEADER_BYTES + len(SECRET) + crypto.TAG_BYTES
    for envelope in (in_place, older, bytes(in_place)):
        assert keyring.decode(envelope, "test") == SECRET
    # The header is the same but for the nonce: same settings, salt and key check.
    assert (
        in_place[: HEADER_BYTES - crypto.NONCE_BYTES] == older[: HEADER_BYTES - crypto.NONCE_BYTES]
    )


def test_a_new_session_with_the_passphrase_opens_it(keyring: Keyring) -> None:
    raw = keyring.encode(SECRET)
    again = Keyring.unlock(b"correct horse", raw)
    assert again.decode(raw, "test") == SECRET


def test_every_save_draws_a_fresh_nonce_and_keeps_the_salt(keyring: Keyring) -> None:
    first, second = keyring.encode(SECRET), keyring.encode(SECRET)
    assert first != second
    assert crypto.read_header(first).salt == crypto.read_header(second).salt
    assert crypto.read_header(first).nonce != crypto.read_header(second).nonce


def test_each_file_gets_its_own_salt() -> None:
    one, two = Keyring.create(b"same", FAST), Keyring.create(b"same", FAST)
    assert one.salt != two.salt
    assert one.encode(b"x")[HEADER_BYTES:] != two.encode(b"x")[HEADER_BYTES:]


def test_a_wrong_passphrase_is_named_as_such(keyring: Keyring) -> None:
    raw = keyring.encode(SECRET)
    with pytest.raises(WrongPassphraseError, match="cannot be recovered"):
        Keyring.unlock(b"Correct horse", raw)
    other = Keyring.create(b"another", FAST)
    with pytest.raises(WrongPassphraseError):
        other.decode(raw, "test")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_one_flipped_byte_anywhere_is_refused(keyring: Keyring, data: st.DataObject) -> None:
    raw = bytearray(keyring.encode(SECRET))
    where = data.draw(st.integers(0, len(raw) - 1))
    bit = data.draw(st.integers(0, 7))
    raw[where] ^= 1 << bit
    with pytest.raises(crypto.EncryptionError):
        keyring.decode(bytes(raw), "test")


def test_a_flipped_byte_in_the_body_is_damage_not_a_wrong_passphrase(keyring: Keyring) -> None:
    raw = bytearray(keyring.encode(SECRET))
    raw[HEADER_BYTES + 3] ^= 0x01
    with pytest.raises(TamperedError, match="integrity"):
        keyring.decode(bytes(raw), "test")


def test_a_tampered_header_is_refused(keyring: Keyring) -> None:
    raw = keyring.encode(SECRET)
    nonce_at = HEADER_BYTES - crypto.NONCE_BYTES
    swapped = raw[:nonce_at] + bytes(crypto.NONCE_BYTES) + raw[HEADER_BYTES:]
    with pytest.raises(TamperedError):
        keyring.decode(swapped, "test")
    newer = raw[: len(crypto.MAGIC)] + b"\x02" + raw[len(crypto.MAGIC) + 1 :]
    with pytest.raises(TamperedError, match="format 2"):
        keyring.decode(newer, "test")


def test_a_header_asking_for_absurd_costs_is_refused_before_deriving() -> None:
    huge = KdfParams(KDF_ARGON2ID, 1, 2**31, 1)
    header = crypto.Header(huge, bytes(16), bytes(16), bytes(12)).pack()
    with pytest.raises(TamperedError, match="settings"):
        Keyring.unlock(b"x", header + bytes(32))


def test_a_cut_short_file_is_refused(keyring: Keyring) -> None:
    raw = keyring.encode(SECRET)
    with pytest.raises(TamperedError, match="cut short"):
        keyring.decode(raw[: HEADER_BYTES - 1], "test")
    with pytest.raises(TamperedError):
        keyring.decode(raw[:-1], "test")


def test_scrypt_files_open_too() -> None:
    ring = Keyring.create(b"pw", KdfParams(KDF_SCRYPT, 10, 8, 1))
    raw = ring.encode(SECRET)
    assert Keyring.unlock(b"pw", raw).decode(raw, "t") == SECRET


def test_a_keyring_opens_older_files_with_another_salt_and_plain_ones() -> None:
    older = Keyring.create(b"pw", FAST).encode(b"old backup")
    current = Keyring.create(b"pw", FAST)
    assert current.decode(older, "backup") == b"old backup"
    assert current.decode(b"{}", "plain backup") == b"{}"


def test_the_plain_codec_refuses_encrypted_bytes(keyring: Keyring) -> None:
    with pytest.raises(PassphraseNeededError, match="passphrase"):
        PLAIN.decode(keyring.encode(SECRET), "the data file")
    assert PLAIN.encode(b"x") == PLAIN.decode(b"x", "f") == b"x"


def test_the_default_derivation_is_a_real_cost() -> None:
    params = crypto.DEFAULT_KDF
    assert params.kdf == KDF_ARGON2ID
    assert params.cost2 >= 64 * 1024  # 64 MiB of memory per guess


def test_sealed_box_round_trip_and_only_for_its_key() -> None:
    private, public = crypto.new_note_keys()
    assert crypto.public_of(private) == public
    box = crypto.seal(public, b"met Ada today")
    assert b"Ada" not in box
    assert crypto.unseal(private, box) == b"met Ada today"
    assert crypto.seal(public, b"x") != crypto.seal(public, b"x")
    other, _ = crypto.new_note_keys()
    with pytest.raises(TamperedError):
        crypto.unseal(other, box)
    flipped = bytearray(box)
    flipped[-1] ^= 0x80
    with pytest.raises(TamperedError):
        crypto.unseal(private, bytes(flipped))
    with pytest.raises(TamperedError, match="cut short"):
        crypto.unseal(private, box[:20])
