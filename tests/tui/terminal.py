"""A terminal that only sees what the app sends it: each update (the whole screen or the changed
pieces) written at its place, as a real terminal would keep it between frames.

Textual repaints the whole screen on some changes; where we skip that repaint (issue 19) a piece
left stale would show on a real terminal while a snapshot, drawn whole, looks right. Comparing
this terminal with the screen drawn whole catches it.
"""

from __future__ import annotations

from typing import Any, cast

from rich.segment import ControlType, Segment
from rich.style import Style

from brilliance.app import BrillianceApp

Cell = tuple[str, Style | None]


class Terminal:
    """The cells on a terminal fed by ``app``'s updates from now on (needs a first whole frame:
    call :meth:`redraw` once before the keys of a test)."""

    def __init__(self, app: BrillianceApp) -> None:
        self.app = app
        width, height = app.size
        self.cells: list[list[Cell]] = [[(" ", None)] * width for _ in range(height)]
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and screen is app.screen:
                self.write(renderable)

        app._display = display  # type: ignore[method-assign]

    def write(self, update: Any) -> None:
        console = self.app.console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            assert isinstance(segment, Segment)
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        _, x, y = cast("tuple[ControlType, int, int]", control)
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            for char in segment.text:
                if 0 <= y < len(self.cells) and 0 <= x < len(self.cells[y]):
                    self.cells[y][x] = (char, segment.style)
                x += 1

    def redraw(self) -> None:
        """Take the screen as drawn whole now (the state after the app's first frames)."""
        for y, line in enumerate(self.whole()):
            self.cells[y] = line

    def whole(self) -> list[list[Cell]]:
        """The screen as it would be drawn whole now."""
        width = self.app.size.width
        lines: list[list[Cell]] = []
        for strip in self.app.screen._compositor.render_strips():
            line: list[Cell] = []
            for segment in strip:
                line += [(char, segment.style) for char in segment.text]
            lines.append((line + [(" ", None)] * width)[:width])
        return lines

    def stale(self) -> list[str]:
        """Each line where the terminal differs from the screen drawn whole, both as text."""
        differ = []
        for y, (seen, whole) in enumerate(zip(self.cells, self.whole(), strict=True)):
            if [(c, s.color if s else None, s.bgcolor if s else None) for c, s in seen] != [
                (c, s.color if s else None, s.bgcolor if s else None) for c, s in whole
            ]:
                differ.append(
                    f"{y}: {''.join(c for c, _ in seen)!r} != {''.join(c for c, _ in whole)!r}"
                )
        return differ
