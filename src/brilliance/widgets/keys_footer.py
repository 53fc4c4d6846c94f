"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes itself (twenty-odd widgets, each styled again) whenever the screen's
bindings are updated, which is on every change of focus: a Tab between Today's lists rebuilt the
same footer two or three times, 10-40 ms each at ten years, work that the next key waited for
(issue 19). The keys shown depend on the bindings, their descriptions and whether each is
enabled; when none of that changed, the footer on screen is already right.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A Footer that recomposes only when the keys it would show differ from those it shows."""

    _shown: tuple[object, ...] | None = None

    def _keys(self, screen: Screen[object]) -> tuple[object, ...]:
        """What the footer's compose reads from the bindings, for comparing."""
        keys: list[object] = [
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        ]
        keys.append((self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE))
        return tuple(keys)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = self._keys(screen)
            if keys == self._shown and self._bindings_ready:
                return
            self._shown = keys
        super().bindings_changed(screen)
