"""A start from Today's summary: the first frame before the data file is loaded (issue 19).

``run_app`` finds a summary made from the data file as it is (``store.today_summary``), and
builds the app without a store: Today draws the summary, and :class:`BackgroundLoad` opens
the store in another thread once that first frame is out, exactly as a normal start would
(lock, merges, conflict copies, the inbox). Until it is open, keys wait and are handled in
order afterwards; clicks are dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from brilliance.store.errors import StoreError

if TYPE_CHECKING:
    from brilliance.app import BrillianceApp
    from brilliance.domain.clock import Clock
    from brilliance.store.store import Store
    from brilliance.store.today_summary import TodayStart


class BackgroundLoad:
    """Runs ``loader`` (opening the store) in a thread of its own and says when it is done."""

    def __init__(self, loader: Callable[[], Store]) -> None:
        self.loader = loader
        self._thread: threading.Thread | None = None
        self._store: Store | None = None
        self._failure: BaseException | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self, done: Callable[[], None]) -> None:
        """Start loading; ``done`` is then called on this event loop (never if it stopped)."""
        loop = asyncio.get_running_loop()
        # ``done`` runs in the app's context (Textual's active app, for its timers...), not
        # in the thread's, which has none.
        context = contextvars.copy_context()

        def load() -> None:
            try:
                self._store = self.loader()
            except BaseException as exc:  # kept for the event loop, or for ``wait``
                self._failure = exc
            with contextlib.suppress(RuntimeError):  # the loop is closed: the app has quit
                loop.call_soon_threadsafe(done, context=context)

        self._thread = threading.Thread(target=load, name="brilliance-load", daemon=True)
        self._thread.start()

    @property
    def error(self) -> StoreError | None:
        """Why the store could not be opened (said as a failed open says it), if it could not."""
        return self._failure if isinstance(self._failure, StoreError) else None

    @property
    def store(self) -> Store | None:
        return self._store

    def wait(self) -> Store | None:
        """Wait for a load under way; the store it opened, or None if it failed or never
        started. Raises anything but a StoreError that the load raised (a bug: a traceback)."""
        if self._thread is not None:
            self._thread.join()
        if self._failure is not None and self.error is None:
            raise self._failure
        return self._store


def make_app_from_summary(
    starting: TodayStart,
    loader: Callable[[], Store],
    clock: Clock | None = None,
    *,
    exit_after_first_frame: bool = False,
) -> BrillianceApp:
    """Build the app that draws Today from its summary and opens the store with ``loader``
    in the background once that first frame is out (see ``app_start``). ``loader`` runs in
    another thread: it must not touch the app."""
    from brilliance.app import BrillianceApp
    from brilliance.domain.clock import SystemClock
    from brilliance.widgets import visible_controls

    visible_controls.install()
    return BrillianceApp(
        None,
        clock or SystemClock(),
        exit_after_first_frame=exit_after_first_frame,
        starting=starting,
        loader=loader,
    )


def is_first_run(store: Store) -> bool:
    """Nothing saved yet and the welcome never seen: the welcome screen is shown."""
    return not store.profile.welcomed and not len(store.people) and not len(store.journal)
