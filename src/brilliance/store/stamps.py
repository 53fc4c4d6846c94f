"""Change stamps: what orders two versions of one record made on devices whose clocks disagree.

A stamp is a hybrid logical clock reading, written as one fixed-width string::

    019a5f3c2d10-0000-a1b2c3d4
    ^ms since 1970 (hex, 12)  ^counter (hex, 4)  ^device id (hex, 8)

Fixed width and lowercase hex make string order the same as the order of the readings, so a
merge compares stamps as plain strings. The clock never goes back: every stamp it makes is newer
than every stamp it has seen (its own and those read from any copy of the file), even when the
wall clock is behind another device's. Two devices that change the same record while apart get
stamps ordered by wall time, and the device id settles exact ties.

The stamp lives beside the record's fields in the data file (key ``_stamp``), never in the
domain models: the models ignore unknown keys, and only the store reads or writes stamps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brilliance.domain.clock import Clock

STAMP_KEY = "_stamp"
"""The key a record's stamp is kept under in the data file."""

ZERO_STAMP = "000000000000-0000-00000000"
"""Older than any stamp: what a record without a (valid) stamp is treated as."""

MIGRATION_DEVICE = "00000000"
"""The device id of stamps given to records of a file from before stamps existed."""

STAMP_PATTERN = re.compile(r"^[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-f]{8}$")
DEVICE_PATTERN = re.compile(r"^[0-9a-f]{8}$")
MAX_COUNTER = 0xFFFF


def wall_millis(clock: Clock) -> int:
    """The clock's reading in milliseconds since 1970 (its local time, as the system reads it)."""
    return int(clock.now().timestamp() * 1000)


def make_stamp(millis: int, counter: int, device: str) -> str:
    return f"{millis:012x}-{counter:04x}-{device}"


def stamp_millis(stamp: str) -> int:
    """The wall time part of a stamp, in milliseconds since 1970 (0 for a malformed one)."""
    try:
        return int(stamp[:12], 16)
    except ValueError:
        return 0


def stamp_device(stamp: str) -> str:
    return stamp[-8:]


def stamp_of(record: Any) -> str:
    """A stored record's stamp, or ZERO_STAMP when it has none (or a malformed one)."""
    stamp = record.get(STAMP_KEY) if isinstance(record, dict) else None
    if isinstance(stamp, str) and STAMP_PATTERN.match(stamp):
        return stamp
    return ZERO_STAMP


def migration_stamp(record: dict[str, Any]) -> str:
    """The stamp a record of an unstamped (version 1) file gets when it is upgraded.

    Derived from the record alone (its ``updated_at``, read as UTC so that every device
    upgrading the same file gives the same record the same stamp), so two devices that upgrade
    copies of one file agree, and a record changed later on either still wins.
    """
    when = record.get("updated_at") or record.get("written_at") or record.get("created_at")
    millis = 0
    if isinstance(when, str):
        try:
            moment = datetime.fromisoformat(when)
        except ValueError:
            moment = None
        if moment is not None:
            moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
            millis = max(0, int(moment.timestamp() * 1000))
    return make_stamp(millis, 0, MIGRATION_DEVICE)


class HybridClock:
    """Makes stamps for one device: wall time when it moves forward, a counter when it does not.

    ``wall_millis`` reads the wall clock; ``device`` is asked for the device id at the first
    stamp only (so a read-only look at a folder never creates one).
    """

    def __init__(self, wall_millis: Callable[[], int], device: Callable[[], str]) -> None:
        self._wall_millis = wall_millis
        self._device_source = device
        self._device: str | None = None
        self._millis = 0
        self._counter = 0

    def observe(self, stamp: str) -> None:
        """Remember a stamp seen in a file, so that every later stamp is newer."""
        millis = stamp_millis(stamp)
        counter = int(stamp[13:17], 16) if STAMP_PATTERN.match(stamp) else 0
        if (millis, counter) > (self._millis, self._counter):
            self._millis, self._counter = millis, counter

    def observe_all(self, stamps: Any) -> None:
        newest = max(stamps, default=ZERO_STAMP)
        self.observe(newest)

    def next(self) -> str:
        """A stamp newer than every stamp made or observed so far."""
        if self._device is None:
            self._device = self._device_source()
        now = self._wall_millis()
        if now > self._millis:
            self._millis, self._counter = now, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # 65,536 changes within one millisecond: borrow the next one
            self._millis, self._counter = self._millis + 1, 0
        return make_stamp(self._millis, self._counter, self._device)
