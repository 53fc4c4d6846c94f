"""The footer and the mode bar of Today's flat first frame, each drawn as one line by one
widget (issue 19).

``Footer`` is a container of one widget per key, composed again once the screen's bindings
are known, after the first frame: for Today's five keys that second layout cost about a
quarter of the first frame's own CPU time. Until the store is loaded (and the full screen,
with its real ``Footer``, replaces the flat one) this draws the same keys, in the same places
and colours, from the same bindings; keys wait for the load anyway (``app_start``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.widget import Widget

from brilliance.widgets.mode_bar import MODE_TITLES, fitting

if TYPE_CHECKING:
    from textual.app import RenderResult
    from textual.screen import Screen

KEY = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION = "$footer-description-foreground on $footer-description-background"
EDGE = "$foreground 20%"
"""The command palette's key has a thin rule on its left (``border-left: vkey``)."""


class StillFooter(Widget):
    """One line: `` ⏎ Open  j Today's entry ...`` on the left, ``▏ ^p palette`` on the right,
    as ``Footer`` (not compact) lays out its keys.

    Today's footer for good, not only in the first frame: ``Footer`` composes its twenty-odd
    widgets again whenever the keys shown change, as they do between Today's lists (16-45 ms
    at ten years, which the next key waited for; issue 19), where this draws one line again.
    A click on a key presses it, as on Footer's (without Footer's hover colour)."""

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

    def _keys(self) -> tuple[list[tuple[Binding, bool, Content]], tuple[Binding, Content] | None]:
        """The keys on the left (one per action, in the order Footer takes them), each with
        whether it is enabled and as drawn, and the command palette's key on the right if it
        fits."""
        app = self.app
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, Content]] = {}
        bindings = [(binding, True) for binding in self.lead]
        bindings += [(binding, enabled) for _node, binding, enabled, _tip in active.values()]
        for binding, enabled in bindings:
            if not binding.show or binding.action in shown:
                continue
            key = Content.assemble(
                (f" {app.get_key_display(binding)} ", KEY),
                (f"{binding.description} ", DESCRIPTION),
            )
            shown[binding.action] = (binding, enabled, key if enabled else key.stylize("dim"))
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, _enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            right = Content.assemble(  # (compact, with one cell of padding on its right)
                ("▏", EDGE),
                (app.get_key_display(binding), KEY),
                (f" {binding.description}", DESCRIPTION),
                " ",
            )
            palette = (binding, right)
        keys = list(shown.values())
        if palette is not None:  # drawn only where it fits beside the others
            used = sum(key.cell_length for _binding, _enabled, key in keys)
            if used + palette[1].cell_length > self.size.width:
                palette = None
        return keys, palette

    def render(self) -> RenderResult:
        keys, palette = self._keys()
        left = Content("").join(key for _binding, _enabled, key in keys)
        if palette is None:
            return left
        right = palette[1]
        return left.pad_right(self.size.width - left.cell_length - right.cell_length) + right

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it, as on Footer's keys (a dimmed one rings the bell)."""
        keys, palette = self._keys()
        x = event.x
        for binding, enabled, key in keys:
            if x < key.cell_length:
                self._press(binding.key, enabled)
                return
            x -= key.cell_length
        if palette is not None and event.x >= self.size.width - palette[1].cell_length:
            self._press(palette[0].key, True)

    def _press(self, key: str, enabled: bool) -> None:
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()


class StillModeBar(Widget):
    """``Brilliance  1 Today  2 List ...`` and the date on the right, as ``ModeBar`` draws
    them with its eight widgets (Today active; never read-only: a start from the summary
    holds the folder's lock)."""

    DEFAULT_CSS = """
    StillModeBar {
        height: 1;
        dock: top;
        background: $panel;
    }
    """

    def __init__(self, status: tuple[str, ...]) -> None:
        super().__init__()
        self.status = status
        """The status's forms, longest first, as ``ModeBar.set_status`` takes them."""

    def render(self) -> RenderResult:
        # ModeBar's colours come from CSS ("auto" ones: the contrast of the background,
        # which a Content style does not resolve), so they are worked out here as CSS does.
        variables = self.app.get_css_variables()
        panel = self.background_colors[1]
        primary = Color.parse(variables["primary"])
        muted = (panel + panel.get_contrast_text(0.6)).hex
        pieces = [(" Brilliance  ", f"bold {variables['text-primary']}")]
        for number, (mode, title) in enumerate(MODE_TITLES.items(), start=1):
            if mode == "today":
                text = (primary + primary.get_contrast_text(0.87)).hex
                pieces.append((f" {number} {title} ", f"bold {text} on {primary.hex}"))
            else:
                pieces.append((f" {number} {title} ", muted))
        left = Content.assemble(*pieces)
        # The status: the rest of the width less a cell each side, its longest form that
        # fits (as ModeBar's ModeStatus picks it) on the right.
        inner = self.size.width - left.cell_length - 2
        if inner <= 0:
            return left
        status = Content.assemble((fitting(self.status, inner), muted))
        return left + Content(" " * (1 + inner - status.cell_length)) + status + Content(" ")
