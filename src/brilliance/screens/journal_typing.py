"""What a key typed in the Journal's search or the List's filter changes on screen, in one frame
and no more than it must (issue 19)."""

from __future__ import annotations

import asyncio

from textual.widgets import Static


async def let_widgets_post_updates() -> None:
    """Give the widgets a key changed the turn they post their updates in, before the screen,
    idle once this handler returns, draws a frame: without it the frame after a search key
    showed the Input and the rows, and a second one the title (3-4 ms more before the next key
    is handled; issue 19). Two turns of the event loop: each widget handles the refresh asked
    of it in one, and posts its update at the end of it."""
    for _ in range(2):
        await asyncio.sleep(0)


def show_text(label: Static, text: str, *, layout: bool = True) -> None:
    """Put ``text`` in ``label`` unless it is there already: a search key changes little
    besides the rows, and each update asks for a frame of its own (issue 19)."""
    if label.content != text:
        label.update(text, layout=layout)
