"""The footer of Today's flat first frame: the keys Textual's ``Footer`` shows, drawn as one
line by one widget (issue 19).

``Footer`` is a container of one widget per key, composed again once the screen's bindings
are known, after the first frame: for Today's five keys that second layout cost about a
quarter of the first frame's own CPU time. Until the store is loaded (and the full screen,
with its real ``Footer``, replaces the flat one) this draws the same keys, in the same places
and colours, from the same bindings; keys wait for the load anyway (``app_start``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import RenderResult
    from textual.screen import Screen

KEY = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION = "$footer-description-foreground on $footer-description-background"
EDGE = "$foreground 20%"
"""The command palette's key has a thin rule on its left (``border-left: vkey``)."""


class StillFooter(Widget):
    """One line: `` ⏎ Open  j Today's entry ...`` on the left, ``▏ ^p palette`` on the right,
    as ``Footer`` (not compact) lays out its keys."""

    DEFAULT_CSS = """
    StillFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, lead: list[Binding] | None = None) -> None:
        super().__init__()
        self.lead = lead or []
        """Keys shown first, as those of the widget that will have the focus (nothing has
        it in the first frame: focusing would draw it once more)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        app = self.app
        active = self.screen.active_bindings
        shown: dict[str, Content] = {}  # one key per action, in the order Footer takes them
        bindings = [(binding, True) for binding in self.lead]
        bindings += [(binding, enabled) for _node, binding, enabled, _tip in active.values()]
        for binding, enabled in bindings:
            if not binding.show or binding.action in shown:
                continue
            key = Content.assemble(
                (f" {app.get_key_display(binding)} ", KEY),
                (f"{binding.description} ", DESCRIPTION),
            )
            shown[binding.action] = key if enabled else key.stylize("dim")
        left = Content("").join(shown.values())
        right = Content("")
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, _enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            right = Content.assemble(  # (compact, with one cell of padding on its right)
                ("▏", EDGE),
                (app.get_key_display(binding), KEY),
                (f" {binding.description}", DESCRIPTION),
                " ",
            )
        width = self.size.width
        if right and left.cell_length + right.cell_length <= width:
            return left.pad_right(width - left.cell_length - right.cell_length) + right
        return left
