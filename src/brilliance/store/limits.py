"""The limits Brilliance keeps, so that no file can exhaust memory or time.

They are documented in the README ("What Brilliance promises") and enforced here with clear
errors that never echo the oversized content back.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_TEXT = 200_000
"""Characters in one text field (a note, a journal entry). The models say the same."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Bytes in a data file, a backup or a file to import (ten years of daily use is ~10 MB)."""
MAX_IMPORT_RECORDS = 100_000
"""Records in one import (people, entries, events, or a backup's records)."""


class LimitError(ValueError):
    """Something is over a limit; ``str()`` says which and what to do, without the content."""


def too_big(path: Path, size: int) -> LimitError:
    return LimitError(
        f"{path.name} is {size / 1_048_576:,.0f} MB, over Brilliance's limit of "
        f"{MAX_FILE_BYTES // 1_048_576} MB for one file. Split it, or check it is the right file."
    )


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, refusing (LimitError) a file over ``limit`` before reading it.

    Raises OSError when the file cannot be read.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise too_big(path, size)
        data = handle.read(limit + 1)
    if len(data) > limit:  # grew while we looked, or a device without a size
        raise too_big(path, len(data))
    return data


def check_record_count(count: int, what: str = "records") -> None:
    """Refuse an import of more than MAX_IMPORT_RECORDS."""
    if count > MAX_IMPORT_RECORDS:
        raise LimitError(
            f"it holds {count:,} {what}, over Brilliance's limit of {MAX_IMPORT_RECORDS:,} "
            "for one import. Split it into smaller files."
        )


def text_too_long(length: int, what: str = "the text") -> str:
    """The message for text over MAX_TEXT, naming the length but never the text."""
    return (
        f"{what} is {length:,} characters, over the limit of {MAX_TEXT:,}. "
        "Split it into several entries."
    )


def brief(text: str, limit: int = 120) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis), for quoting in a message:
    an error about a 10 MB field must not carry the 10 MB."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
