"""Small changes written in the next pause of the input, after the frame that shows them.

A tick on the prep sheet wrote the whole data file (6.9 MiB at ten years, 14-17 ms, more with
the disk's flush) before the app could draw the tick: the key missed its frame (issue 19).
A change made under :meth:`WriteBehind.later` is made in memory at once, as any change is (every
screen sees it), and written by the app's timer once no key or click has come for a moment, or
at most ``MOST_SECONDS`` after the change when keys keep coming. Any other save writes it
with its own change; quitting writes it (``commands.launch.close_session``, which makes a rescue
copy if the disk refuses). A disk that refuses is said as for any save ("Not saved"), and the
next change tries again.

Only for changes that are cheap to lose in a crash of the machine within that moment and
quick to make again (a tick); a person, a meeting or a journal entry is written at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from time import monotonic
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from brilliance.store.store import Store


class Host(Protocol):
    """What this needs of the app: its store, and saving that says a refusal."""

    @property
    def store(self) -> Store: ...

    def attempt_save(self, operation: Callable[[], Any]) -> Any: ...


MOST_SECONDS = 2.0
"""How long a change may wait for a pause in the input before it is written anyway."""


class WriteBehind:
    """Changes held in memory until a pause, then written with one save."""

    def __init__(
        self,
        host: Host,
        paused: Callable[[], bool],
        clock: Callable[[], float] = monotonic,
    ) -> None:
        self._host = host
        self._paused = paused
        self._clock = clock
        self._since: float | None = None
        self.writes = 0
        """Saves this has made."""

    @property
    def waiting(self) -> bool:
        """Whether a change made under :meth:`later` is not written yet."""
        return self._since is not None and self._host.store.unsaved

    @contextlib.contextmanager
    def later(self) -> Iterator[None]:
        """Changes made in the block stay in memory until the next pause (or another save)."""
        store = self._host.store
        with store.held():
            yield
        if store.unsaved and self._since is None:
            self._since = self._clock()

    def tick(self) -> bool:
        """Write what waits if the input paused or it waited too long; True when it tried."""
        if self._since is None:
            return False
        if not self._host.store.unsaved:  # another save wrote it
            self._since = None
            return False
        if not self._paused() and self._clock() - self._since < MOST_SECONDS:
            return False
        self._since = None  # a refused write is said once; the next change tries again
        self.writes += 1
        self._host.attempt_save(self._host.store.flush)
        return True
