"""Every screen's styles read once, in the first pause of the input after the start (issue 19).

Textual reads a screen's CSS file when the screen is first made, then parses every style sheet of
the app again and restyles every widget: about 45 ms on the first visit of each mode (and of a
person's page, the timeline, the events), on top of building the screen. Read together in a pause
after the first frame, where no key waits, they cost one such parse instead of one a screen.
Every rule in them names its screen, so reading them early changes no other screen's look.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

SCREENS = Path(__file__).resolve().parent / "screens"
WARM_AFTER_SECONDS = 1.0
"""How long after the start the styles are read, if the input is paused then."""
RETRY_SECONDS = 0.25


def read_every_screen_css(app: App[Any]) -> bool:
    """Read the screens' style sheets the app has not read yet, with one parse (as Textual
    names them: the file's resolved path); True when any was read."""
    sheet = app.stylesheet
    unread = [path for path in sorted(SCREENS.glob("*.tcss")) if not sheet.has_source(str(path))]
    for path in unread:
        sheet.read(path)
    if unread:
        sheet.reparse()
        sheet.update(app)
    return bool(unread)


def read_in_a_pause(app: App[Any], paused: Callable[[], bool]) -> None:
    """Read them ``WARM_AFTER_SECONDS`` after now, or at the first pause of the input after."""

    def attempt() -> None:
        if paused():
            read_every_screen_css(app)
        else:
            app.set_timer(RETRY_SECONDS, attempt)

    app.set_timer(WARM_AFTER_SECONDS, attempt)
