"""The Review mode's body: the week's sections drawn by one widget.

It looks as Textual's ``Markdown`` widget drew the review's Markdown (the title centred, the
section titles underlined, bullets, an italic line for an empty section, the same blank
lines), but it is one widget where ``Markdown`` made four per bullet and one per block, some
two hundred for a week, and needs no Markdown parser (issue 19, memory: 7 MiB less).
User text is shown as it is: it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from math import ceil
from typing import cast

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle

from brilliance.domain.review_render import ReviewSection

BULLET = "• "
Line = Content | str
"""A line laid out: drawn as it is, or a list item's text that fits on one line, made into
its bullet and text only when drawn (a week at ten years has hundreds; a frame shows ~40)."""
TITLE_STYLE = "$markdown-h1-color $markdown-h1-text-style"
HEADING_STYLE = "$markdown-h2-color $markdown-h2-text-style"


@dataclass(frozen=True)
class _Block:
    """A run of lines and the blank lines it wants above and below (as Markdown's margins,
    which collapse between neighbours to the larger)."""

    lines: Sequence[Line]
    above: int
    below: int


class ReviewBody(ScrollView, can_focus=True):
    """The review of one week: its title, dates line and sections, scrolled up and down.

    Drawn a line at a time (Textual's Line API): a frame draws the lines on screen, not the
    week, and a new week changes what the body holds without a layout of the screen unless
    the scrollbar comes or goes (issue 19: [ and ] drew the whole week after a layout).
    """

    DEFAULT_CSS = """
    ReviewBody {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = ""
        self._subtitle = ""
        self._sections: list[ReviewSection] = []
        self._drawn: dict[tuple[int, bool], list[Line]] = {}
        """The lines laid out since the week or the theme changed, by the width and lightness
        they were laid out for (the width with and without the scrollbar's room)."""
        self._strips: dict[int, Strip] = {}
        """Lines drawn since the lines, the size, the style or the selection last changed."""
        self._strips_for: tuple[object, ...] = ()
        self._strips_of: list[Line] | None = None

    @cached_property
    def _light(self) -> bool:
        """Whether the theme is light (the bullets' colour; asked for every line otherwise)."""
        return not self.app.current_theme.dark

    def show(self, title: str, subtitle: str, sections: list[ReviewSection]) -> None:
        self._title, self._subtitle, self._sections = title, subtitle, sections
        self._drawn = {}
        self._fit()
        self.refresh()

    @property
    def text(self) -> str:
        """What it shows, as plain text without the blank lines (for tests)."""
        lines = [self._title, self._subtitle]
        for section in self._sections:
            lines.append(section.title)
            if section.rows:
                lines.extend(BULLET + row for row in section.rows)
            elif section.empty:
                lines.append(section.empty)
        return "\n".join(lines)

    @property
    def lines(self) -> list[Content]:
        """Every line of the week as laid out for the width it has now (blank ones too)."""
        return [self._content(line) for line in self._lines(self._width())]

    def _content(self, line: Line) -> Content:
        return self._bullet + Content(line) if isinstance(line, str) else line

    @cached_property
    def _bullet(self) -> Content:
        return Content.styled(BULLET, "$text-secondary" if self._light else "$text-primary")

    def _width(self) -> int:
        """The width the lines are wrapped to: the room inside the padding, less the
        scrollbar's when the lines wrapped to the whole room are more than the height (as the
        scrolling container that held the body wrapped them)."""
        room = self.size.width  # (inside the padding, the scrollbar's room included)
        if self.styles.overflow_y == "auto" and len(self._lines(room)) > self.size.height:
            return room - self.styles.scrollbar_size_vertical
        return room

    def _fit(self) -> None:
        """Hold the lines for the width they have: the scroll range, the scrollbar (a layout
        only when it comes or goes, through Textual's reactive) and the scroll position."""
        if not self.size:
            return  # laid out later: on_resize
        width = self._width()
        size = Size(width, len(self._lines(width)))
        if size != self.virtual_size:
            self.set_reactive(ReviewBody.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        self._fit()

    def _scroll_update(self, virtual_size: Size) -> None:
        # Textual draws the scrollbar again whenever the scroll range changes; from one week
        # to the next its thumb is most often where it was (a few lines more or less in a
        # week of hundreds), and then the range is set without drawing it (issue 19).
        bar = self._vertical_scrollbar
        shown = self.show_vertical_scrollbar
        if bar is None or not shown or not bar.display:
            super()._scroll_update(virtual_size)
            return
        self._refresh_scrollbars()
        if not self.show_vertical_scrollbar:  # it goes: Textual's own way (a layout)
            super()._scroll_update(virtual_size)
            return
        window = self.container_size.height - self.scrollbar_size_horizontal
        before = _thumb(bar.size.height, bar.window_virtual_size, bar.window_size, bar.position)
        after = _thumb(bar.size.height, virtual_size.height, window, bar.position)
        if before is not None and before == after:
            bar.set_reactive(ScrollBar.window_virtual_size, virtual_size.height)
            bar.set_reactive(ScrollBar.window_size, window)
        else:
            bar.window_virtual_size = virtual_size.height
            bar.window_size = window
            bar.refresh()
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = {}  # the bullets' colour follows the theme's lightness
        self.__dict__.pop("_light", None)
        self.__dict__.pop("_bullet", None)
        self._strips = {}
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(line.plain for line in self.lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips = {}
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of this pass shares, worked out once for the pass.
        width = self._width()
        lines = self._lines(width)
        state = (width, self.visual_style, round(self.scroll_y))
        if lines is not self._strips_of or state[:2] != self._strips_for[:2]:
            self._strips = {}
        self._strips_of, self._strips_for = lines, state
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        lines = self._strips_of
        if lines is None:
            return Strip([], 0)
        width, style, top = cast("tuple[int, VisualStyle, int]", self._strips_for)
        index = y + top
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._draw(lines, index, width, style)
        return strip

    def _draw(self, lines: list[Line], index: int, width: int, style: VisualStyle) -> Strip:
        # Lines are left short: Textual pads them with the background, as it padded the lines
        # of the widget this replaced.
        if index >= len(lines):
            return Strip([], 0)
        line = self._content(lines[index])
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            start, end = span
            line = line.stylize(
                VisualStyle.from_styles(self.screen.get_component_styles("screen--selection")),
                start,
                len(line) if end == -1 else end,
            )
        # What Textual's Content.render_strips does for a line that fits (it is wrapped
        # already), with the offsets text selection reads.
        get_style = self._get_style
        segments: list[Segment] = []
        x = 0
        for text, text_style in line.render(style, end="", parse_style=get_style):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, index)))
            x += len(text)
        return Strip(segments, line.cell_length)

    def _lines(self, width: int) -> list[Line]:
        width = max(width, len(BULLET) + 2)
        key = (width, self._light)
        kept = self._drawn.get(key)
        if kept is not None:
            return kept
        lines: list[Line] = []
        below = 0
        for block in self._blocks(width):
            if lines or block.above:
                lines += [Content()] * max(below, block.above)
            lines += block.lines
            below = block.below
        lines += [Content()] * below
        self._drawn[key] = lines
        return lines

    def _blocks(self, width: int) -> list[_Block]:
        if not self._title:
            return []
        title = Content.styled(self._title, TITLE_STYLE)
        blocks = [
            _Block([_centred(line, width) for line in _wrap(title, width)], 2, 1),
            _Block(_wrap(Content(self._subtitle), width), 0, 1),
        ]
        bullet = self._bullet
        indent = Content(" " * len(BULLET))
        room = width - len(BULLET)
        for section in self._sections:
            blocks.append(_Block(_wrap(Content.styled(section.title, HEADING_STYLE), width), 2, 1))
            if section.rows:
                items: list[Line] = []
                for row in section.rows:
                    if _fits(row, room):
                        items.append(row)
                        continue
                    # As a Markdown list item: a margin of one on the right, and the lines
                    # after the first under the text, not under the bullet.
                    wrapped = _wrap(Content(row), room)
                    items += [bullet + wrapped[0], *(indent + line for line in wrapped[1:])]
                blocks.append(_Block(items, 0, 1))
            elif section.empty:
                blocks.append(_Block(_wrap(Content.styled(section.empty, "italic"), width), 0, 1))
        return blocks


def _thumb(size: int, virtual: float, window: float, position: float) -> tuple[int, int] | None:
    """Where Textual's vertical scrollbar draws its thumb, in eighths of a cell
    (``ScrollBarRender.render_bar``), or None when it draws none."""
    if not (window and size and virtual and size != virtual) or virtual == window:
        return None
    eighths = len(ScrollBarRender.VERTICAL_BARS)
    thumb = max(1, window / (virtual / size))
    start = int((size - thumb) * (position / (virtual - window)) * eighths)
    return start, start + ceil(thumb * eighths)


def _fits(text: str, width: int) -> bool:
    """Whether ``text`` is one line of at most ``width`` cells, which wrapping leaves as it is."""
    return cell_len(text) <= width and "\n" not in text and "\t" not in text


def _wrap(content: Content, width: int) -> list[Content]:
    """``content.wrap(width)``, without its work for a line that fits already (most of a
    week's: Textual's wrap costs ~25 us a line, and a week at ten years has hundreds)."""
    return [content] if _fits(content.plain, width) else content.wrap(width)


def _centred(line: Content, width: int) -> Content:
    """``line`` centred in ``width`` cells (as ``content-align: center``), without the
    trailing padding (``Content.center`` pads a line past the width)."""
    line = line.rstrip()
    return line.pad_left((width - line.cell_length) // 2)
