"""Picking the item of the day: the same all day, each item once before any repeats."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import TypeVar

T = TypeVar("T")


def daily_pick(items: Sequence[T], ids: Sequence[str], day: date) -> T:
    """The item of ``day``. The deck is shuffled once by a stable hash of each id (so it is
    not in file order), then walked one step a day."""
    if not items:
        raise ValueError("nothing to pick from")
    order = sorted(range(len(items)), key=lambda i: hashlib.sha256(ids[i].encode()).hexdigest())
    return items[order[day.toordinal() % len(items)]]
