"""What every Brilliance screen shares: the store, the clock, and safe saving.

Screens never import the app: what they need of it is :class:`BrillianceHost`, and they ask
for navigation with the messages of ``brilliance.screens.navigation``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual._context import NoActiveAppError
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from brilliance.domain.clock import Clock
    from brilliance.store.store import Store
    from brilliance.write_behind import WriteBehind

T = TypeVar("T")


class BrillianceHost(Protocol):
    """What screens need of the app: the store, the clock and saving that never crashes."""

    @property
    def store(self) -> Store: ...

    @property
    def clock(self) -> Clock: ...

    def attempt_save(self, operation: Callable[[], T]) -> T | None:
        """Run a change; if the disk refuses it, say so and return None (see the app)."""
        ...

    @property
    def write_behind(self) -> WriteBehind:
        """Small changes written in the next pause of the input (see its module)."""
        ...


class AppAccess:
    """Typed access to the app's store and clock, for screens and modals."""

    @property
    def brilliance(self) -> BrillianceHost:
        return cast("BrillianceHost", cast(Any, self).app)

    @property
    def store(self) -> Store:
        return self.brilliance.store

    @property
    def clock(self) -> Clock:
        return self.brilliance.clock

    def attempt_save(self, operation: Callable[[], T]) -> T | None:
        """Run a change; if the disk refuses it, say so clearly and return None.

        The store keeps the change in memory, so it is written by the next save that works.
        """
        return self.brilliance.attempt_save(operation)


class BrillianceScreen(AppAccess, Screen[None]):
    """Base for the screens of the four modes and the pushed detail screens.

    ``refresh_data`` is called on mount and whenever the screen comes back into view after the
    data changed elsewhere.
    """

    _seen_revision: int = -1

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's ``Screen.focused``, without the repaint of the whole screen on each change of
    focus (issue 19): the widgets that gain and lose the focus restyle and redraw themselves."""

    def __init__(self) -> None:
        super().__init__()
        # Made with the style sheet as it is: Textual would otherwise parse every style sheet
        # again and restyle every widget of every screen when it first shows this one (issue
        # 19; ~45 ms a first visit). A theme change later still restyles it. (A private
        # attribute: Textual is pinned.)
        with contextlib.suppress(NoActiveAppError):  # (a screen made outside an app: tests)
            self._css_update_count = self.app._css_update_count

    def on_screen_resume(self) -> None:
        if not getattr(self.app, "loaded", True):
            return  # Today drawn from its summary: redrawn once the store is loaded
        if self.store.revision != self._seen_revision:
            self.refresh_data()

    def refresh_data(self) -> None:
        """Redraw from the store. Subclasses override; they must call ``mark_fresh``."""
        self.mark_fresh()

    def mark_fresh(self) -> None:
        self._seen_revision = self.store.revision


class BrillianceModal(AppAccess, ModalScreen[T]):
    """Base for modal dialogs that need the store or the clock."""
