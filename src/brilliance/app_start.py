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
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

from brilliance.store.errors import StoreError

if TYPE_CHECKING:
    from brilliance.domain.today_view import TodayPicture
    from brilliance.store.store import Store
    from brilliance.store.today_summary import TodayStart

KEYS_NEEDING_NO_DATA = ("ctrl+q", "ctrl+c")
"""Quit, and ctrl+c's "press ctrl+q to quit": they wait only behind keys already waiting
(quitting after space on a promise keeps the promise, as in a normal start)."""


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


def _busy(pump: MessagePump) -> bool:
    """Whether ``pump`` has a message queued or being handled (asyncio.Queue counts a message
    as unfinished until its handler is done)."""
    queue: asyncio.Queue[Message | None] = pump._message_queue
    return not pump._closed and (not queue.empty() or getattr(queue, "_unfinished_tasks", 0) > 0)


class StartsFromSummary(App[str]):
    """The app's side of a start from Today's summary: no store until the background load
    brings it; keys wait for it (then run in order), clicks are dropped, the modes stay."""

    def __init__(
        self,
        store: Store | None,
        starting: TodayStart | None = None,
        loader: Callable[[], Store] | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self.starting = starting
        """Today's summary, drawn until the store is loaded (``store`` None, issue 19)."""
        self.background = BackgroundLoad(loader) if loader is not None else None
        self._keys_waiting: deque[events.Key | events.Paste] = deque()
        """Keys pressed before the store was loaded, and any pressed while they are replayed."""
        self._replaying: asyncio.Task[None] | None = None
        self._replayed: events.Key | events.Paste | None = None

    @property
    def store(self) -> Store:
        """The open store. Before it is loaded (a start from Today's summary) keys wait and
        the Today screen draws the summary, so nothing asks for it; if something did, this
        raises rather than hand out nothing."""
        if self._store is None:
            raise RuntimeError("the data file is still loading")
        return self._store

    @property
    def loaded(self) -> bool:
        """Whether the store is open (always, except just after a start from the summary)."""
        return self._store is not None

    def today_picture(self) -> TodayPicture | None:
        """What Today draws while the store loads: the summary's picture, or None once loaded."""
        return self.starting.picture if self._store is None and self.starting else None

    def load_in_background(self) -> None:
        """Open the store behind the first frame (call once that frame is out)."""
        if self.background is not None:
            self.call_after_refresh(self.background.start, self._loaded)

    def _loaded(self) -> None:
        """The background load is done (on the event loop): take the store, or stop."""
        background = self.background
        if self._store is not None or background is None or not self.is_running:
            return
        if background.store is None:
            # As if the open had failed before the app started: run_app says why (issue 16).
            self.exit(return_code=1)
            return
        self._store = store = background.store
        if store.profile.theme in self.available_themes:
            self.theme = store.profile.theme
        self._begin_session()
        # Keys wait for the screen to be redrawn from the records, then are handled in order.
        self._replaying = asyncio.create_task(self._after_load())

    async def _after_load(self) -> None:
        try:
            await self.redraw_from_store()  # Today, from the records (an inbox note, a merge...)
        finally:
            await self._replay_waiting_keys()

    async def redraw_from_store(self) -> None:
        """Redraw the screen on view from the store, once it is loaded (the app says how)."""
        self.refresh_visible_screen()

    async def _replay_waiting_keys(self) -> None:
        """Handle the waiting keys in the order pressed, each once, as if pressed now: each
        only once everything the one before it set going (a binding bubbling up to the app, a
        new screen, a save) is done. Keys pressed meanwhile join the end of the line."""
        try:
            while self._keys_waiting and self.is_running:
                key = self._keys_waiting.popleft()
                self._replayed = (
                    events.Key(key.key, key.character)
                    if isinstance(key, events.Key)
                    else events.Paste(key.text)
                )
                self.post_message(self._replayed)
                await self._until_quiet()
        finally:  # (whatever happens, keys never wait behind a replay that has ended)
            self._replaying = None

    async def _until_quiet(self, seconds: float = 5.0) -> None:
        """Wait until the app and the widgets on screen have no message waiting or under way
        (at most ``seconds``: a key that never settles must not hold the others forever)."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while self.is_running and loop.time() < end:
            await asyncio.sleep(0)
            try:
                pumps = [self, *self.screen.walk_children(with_self=True)]
            except Exception:  # no screen: the app is closing
                return
            if not any(_busy(pump) for pump in pumps):
                return

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and event is not self._replayed:
            # Until the data is loaded (a few tenths of a second after a start from the
            # summary) keys (and a paste, typed text too) wait and are then handled in order,
            # each once; ctrl+q quits at once when nothing waits.
            waiting = self._keys_waiting or self._replaying is not None
            needs_data = isinstance(event, events.Paste) or event.key not in KEYS_NEEDING_NO_DATA
            if waiting or (self._store is None and needs_data):
                self._keys_waiting.append(event)
                return
        elif self._store is None and isinstance(event, events.MouseEvent):
            return  # clicks are dropped: what they point at is about to be redrawn
        await super().on_event(event)

    async def action_switch_mode(self, mode: str) -> None:
        if self.loaded:  # the mode bar's tabs are clicked, not pressed
            await super().action_switch_mode(mode)

    def _begin_session(self) -> None:
        """What follows the first frame once the store is open (the app says what)."""

    def refresh_visible_screen(self) -> None:
        """Redraw the screen on view from the store (the app says how)."""
