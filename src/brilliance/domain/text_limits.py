"""Keeping text within the limit of one field without losing a word of it."""

from __future__ import annotations


def split_to_fit(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters, at line breaks where there
    are any (else at spaces, else anywhere); joined with ``"\\n"`` they give ``text`` back
    when every cut fell on a line break."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = window.rfind("\n")
        if cut > 0:
            pieces.append(rest[:cut])
            rest = rest[cut + 1 :]
            continue
        cut = window.rfind(" ", 0, limit)
        cut = cut if cut > 0 else limit
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces
