"""Repeatable ordering and shortening, shared by the prep sheet's suggestion kinds."""

from __future__ import annotations

import hashlib


def stable_rank(*parts: str) -> str:
    """A repeatable pseudo-random sort key: the same inputs always sort the same way."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
