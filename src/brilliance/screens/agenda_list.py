"""One section of Today's agenda: an option list cut at ``AGENDA_LINES``, whose options carry
the id of what they lead to. (Its own module: a start from Today's summary draws the flat
first frame without importing the option list, issue 19.)"""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brilliance.screens.today_page import AGENDA_LINES, OPEN


class AgendaList(OptionList):
    """One section of the agenda; options carry the id of what they lead to."""

    DEFAULT_CSS = f"""
    AgendaList {{
        height: auto;
        max-height: {AGENDA_LINES};
        border: none;
        padding: 0;
        background: transparent;
    }}
    AgendaList:focus {{
        border: none;
        background: $boost;
    }}
    """

    BINDINGS = [OPEN]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """OptionList's height, counted only as far as the most lines shown.

        ``max-height`` cuts it there anyway, but OptionList wraps every option to measure
        all of them, at every layout pass: 144 overdue promises made this a third of the
        first frame's CPU time (issue 19). The same height once clamped, as
        tests/tui/test_agenda_list.py checks. (Our options have no dividers.)
        """
        rules = cast("RulesMap", self.styles)
        padding_width = self.get_component_styles("option-list--option").padding.width
        height = 0
        for option in self.options:
            height += self._get_visual(option).get_height(rules, width - padding_width)
            if height >= AGENDA_LINES:
                break
        return height

    def watch_show_vertical_scrollbar(self) -> None:
        """The list's own scroll bar came or went: its options are as wide as what is left,
        so their wrapped lines are measured again (OptionList forgets them on a resize
        only: a row wrapped in two lost its second line when the bar appeared)."""
        self._clear_caches()
        self.refresh(layout=True)

    def fill(self, options: list[tuple[Content, str]], empty: str) -> None:
        keep = self.highlighted
        self.clear_options()
        if not options:
            self.add_option(Option(Content.assemble((empty, "dim italic")), disabled=True))
            return
        self.add_options(Option(prompt, id=ident) for prompt, ident in options)
        self.highlighted = min(keep or 0, len(options) - 1)

    @property
    def chosen_id(self) -> str | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled else option.id
