"""Python's full garbage collections in the pauses between keys, not in the middle of one.

Python runs a full collection of its cyclic garbage collector after ten collections of the
middle generation: every few dozen keys in the List or the Journal, where each key draws lines
that Textual keeps in caches. A full collection walks every object the app holds (the data
file's records are frozen out of its sight at load, see ``store.fileformat``), 15-90 ms here,
and the key it falls on waits that long for its frame (issue 19).

While the app runs, this turns off the automatic full collections (the two younger
generations still run as usual) and runs one from a timer instead, once as many middle
collections have happened as would have started one and no key or click has come for
``QUIET_SECONDS``. A stream of keys with no pause puts it off at most ``MOST_DEFERRED`` middle
collections, so memory held by garbage cycles stays bounded. Idle, nothing is allocated, the
counts do not grow and nothing runs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from time import monotonic

CHECK_SECONDS = 0.25
"""How often the timer looks whether a full collection is due."""
QUIET_SECONDS = 0.5
"""How long without a key or a click counts as a pause."""
FULL_AFTER = 10
"""Middle-generation collections that make a full one due (Python's own threshold)."""
MOST_DEFERRED = 200
"""Middle-generation collections after which a full one runs even without a pause."""
NEVER = 1 << 30
"""A full-collection threshold never reached."""


class IdleCollector:
    """Moves Python's full collections to the pauses in the input, while started."""

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._saved: tuple[int, int, int] | None = None
        self.collections = 0
        """Full collections this has run."""

    @property
    def started(self) -> bool:
        return self._saved is not None

    def start(self) -> None:
        """Turn off the automatic full collections (until :meth:`stop`)."""
        if self._saved is None:
            young, middle, _full = self._saved = gc.get_threshold()
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the collector back its own thresholds."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def saw_input(self) -> None:
        """A key or a click came: not a pause."""
        self._last_input = self._clock()

    def paused(self) -> bool:
        """Whether no key or click came for ``QUIET_SECONDS``."""
        return self._clock() - self._last_input >= QUIET_SECONDS

    def tick(self) -> bool:
        """Run a full collection if one is due and the input paused (or it waited too long);
        True when it ran."""
        if self._saved is None:
            return False
        pending = gc.get_count()[2]
        if pending < FULL_AFTER:
            return False
        if pending < MOST_DEFERRED and not self.paused():
            return False
        gc.collect()
        self.collections += 1
        return True
