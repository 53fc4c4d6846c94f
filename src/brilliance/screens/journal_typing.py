"""What a key typed in the Journal's search or the List's filter changes on screen, in one frame
and no more than it must (issue 19)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, Static


async def let_widgets_post_updates() -> None:
    """Give the widgets a key changed the turn they post their updates in, before the screen,
    idle once this handler returns, draws a frame: without it the frame after a search key
    showed the Input and the rows, and a second one the title (3-4 ms more before the next key
    is handled; issue 19). Two turns of the event loop: each widget handles the refresh asked
    of it in one, and posts its update at the end of it."""
    for _ in range(2):
        await asyncio.sleep(0)


async def in_steps(steps: Iterable[object]) -> None:
    """Run ``steps`` (a generator doing a slice of work at each step) with a turn of the event
    loop between two, so that a key typed meanwhile is handled between them (issue 19: the
    texts a search or a filter looks through, folded when / opens the field)."""
    for _ in steps:
        await asyncio.sleep(0)


def show_text(label: Static, text: str, *, layout: bool = True) -> None:
    """Put ``text`` in ``label`` unless it is there already: a search key changes little
    besides the rows, and each update asks for a frame of its own (issue 19)."""
    if label.content != text:
        label.update(text, layout=layout)


class TypingInput(Input):
    """An Input whose typed keys do not lay the whole screen out again.

    Textual's Input sets its virtual size (the text's width) on every change of value, and the
    virtual size of a widget asks for a layout of the screen (a reflow of every widget: 1-1.5 ms
    of each key typed in the List's filter or the Journal's search). An Input's size does not
    depend on its text (its width and height come from the styles), and its own scrolling reads
    the virtual size as it is, so here a new one only redraws the Input (issue 19)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
