"""A checklist in sections: headings, items with a box, space to tick."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brilliance.domain.prep import Item, PrepSheet

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

KEY_HINTS = {
    "add-question": "a adds your own",
    "edit-profile": "ctrl+o",
    "edit-person": "e on the List",
    "manage-events": "v manages events",
}
"""Key hints for what the reader could do (``Section.action``): the app's alone, never printed."""

HEADING_PREFIX = "heading:"


def with_hint(text: str, action: str) -> str:
    """``text`` with the key hint for ``action`` before its closing full stop."""
    hint = KEY_HINTS.get(action)
    if not hint:
        return text
    if text.endswith("."):
        return f"{text[:-1]} ({hint})."
    return f"{text} ({hint})"


EMPTY_PREFIX = "empty:"


class Checklist(OptionList):
    """The prep sheet as a list; headings and empty notes cannot be highlighted."""

    DEFAULT_CSS = """
    Checklist {
        height: 1fr;
        border: none;
        padding: 0 1;
    }
    Checklist > .option-list--option-disabled {
        color: $text;
    }
    """

    BINDINGS = [
        Binding("space", "tick", "Tick"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class Toggled(Message):
        """An item was ticked or unticked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: dict[str, Item] = {}
        self.section_of: dict[str, str] = {}
        self.checked: frozenset[str] = frozenset()

    @staticmethod
    def _prompt(item: Item, ticked: bool) -> Content:
        box = ("☑ ", "bold $success") if ticked else ("☐ ", "")
        detail = (f" · {item.detail}", "dim") if item.detail else ""
        return Content.assemble(box, with_hint(item.text, item.action), detail)

    def show(self, sheet: PrepSheet, keep: str | None = None) -> None:
        """Draw ``sheet``; keep the highlight on ``keep`` (or the same position)."""
        position = self.highlighted
        keep = keep or self.highlighted_key
        self.checked = sheet.checked
        self.items = {}
        self.section_of = {}
        options: list[Option] = []
        for number, section in enumerate(sheet.sections, start=1):
            options.append(
                Option(
                    Content.assemble(
                        ("\n" if number > 1 else "", ""),
                        (f"{number}. {section.title}", "bold $text-primary"),
                    ),
                    id=HEADING_PREFIX + section.key,
                    disabled=True,
                )
            )
            if not section.items:
                options.append(
                    Option(
                        Content.assemble(
                            (
                                "  "
                                + with_hint(section.empty or "Nothing here yet.", section.action),
                                "dim italic",
                            )
                        ),
                        id=EMPTY_PREFIX + section.key,
                        disabled=True,
                    )
                )
            for item in section.items:
                self.items[item.key] = item
                self.section_of[item.key] = section.key
                options.append(Option(self._prompt(item, item.key in sheet.checked), id=item.key))
        self.clear_options()
        self.add_options(options)
        if keep and keep in self.items:
            self.highlighted = self.get_option_index(keep)
        elif position is not None:
            self.highlighted = min(position, self.option_count - 1)
        if self.highlighted is None or self.get_option_at_index(self.highlighted).disabled:
            self.action_cursor_down()

    @property
    def highlighted_key(self) -> str | None:
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return option_id if option_id in self.items else None

    @property
    def highlighted_item(self) -> Item | None:
        key = self.highlighted_key
        return self.items.get(key) if key else None

    def highlighted_section(self) -> str | None:
        key = self.highlighted_key
        return self.section_of.get(key) if key else None

    def set_ticked(self, key: str, ticked: bool) -> None:
        item = self.items.get(key)
        if item is None:
            return
        self.checked = self.checked | {key} if ticked else self.checked - {key}
        prompt = self._prompt(item, ticked)
        option = self.get_option(key)
        index = self.get_option_index(key)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding.width
        height = self._line_cache.heights.get(index)
        option._set_prompt(prompt)
        rules = cast("RulesMap", self.styles)
        if height != self._get_visual(option).get_height(rules, width - padding):
            self.replace_option_prompt(key, prompt)  # measures every option again
            return
        # Only the box changed (issue 19): drop this option's drawn lines, not every option's
        # lines and heights as replace_option_prompt does (10-20 ms a tick on a long sheet).
        # (OptionList's caches are private to Textual, which is pinned.)
        cache = self._option_render_cache
        drawn = cache.keys()  # (an LRUCache is not iterable itself)
        for cached in [cached for cached in drawn if cached[0] is option]:
            cache.discard(cached)
        first = self._line_cache.index_to_line.get(index)
        if first is None or height is None:
            self.refresh()
        else:  # only its lines are drawn again, not the whole list's
            self.refresh_lines(first, height)

    def action_tick(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.Toggled(key))

    def action_select(self) -> None:
        self.action_tick()
