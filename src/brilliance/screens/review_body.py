"""The Review mode's body: the week's sections drawn by one widget.

It looks as Textual's ``Markdown`` widget drew the review's Markdown (the title centred, the
section titles underlined, bullets, an italic line for an empty section, the same blank
lines), but it is one widget where ``Markdown`` made four per bullet and one per block, some
two hundred for a week, and needs no Markdown parser (issue 19, memory: 7 MiB less).
User text is shown as it is: it is never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from brilliance.domain.review_render import ReviewSection

BULLET = "• "
TITLE_STYLE = "$markdown-h1-color $markdown-h1-text-style"
HEADING_STYLE = "$markdown-h2-color $markdown-h2-text-style"


@dataclass(frozen=True)
class _Block:
    """A run of lines and the blank lines it wants above and below (as Markdown's margins,
    which collapse between neighbours to the larger)."""

    lines: list[Content]
    above: int
    below: int


class ReviewBody(Widget):
    """The review of one week: its title, dates line and sections."""

    DEFAULT_CSS = """
    ReviewBody {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = ""
        self._subtitle = ""
        self._sections: list[ReviewSection] = []
        self._drawn: tuple[tuple[int, bool], list[Content]] | None = None
        """The lines last laid out, and the width and lightness they were laid out for."""

    def show(self, title: str, subtitle: str, sections: list[ReviewSection]) -> None:
        self._title, self._subtitle, self._sections = title, subtitle, sections
        self._drawn = None
        self.refresh(layout=True)

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

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width))

    def _lines(self, width: int) -> list[Content]:
        width = max(width, len(BULLET) + 2)
        key = (width, not self.app.current_theme.dark)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        lines: list[Content] = []
        below = 0
        for block in self._blocks(width, light=key[1]):
            if lines or block.above:
                lines += [Content()] * max(below, block.above)
            lines += block.lines
            below = block.below
        lines += [Content()] * below
        self._drawn = (key, lines)
        return lines

    def _blocks(self, width: int, *, light: bool) -> list[_Block]:
        if not self._title:
            return []
        title = Content.styled(self._title, TITLE_STYLE)
        blocks = [
            _Block([_centred(line, width) for line in title.wrap(width)], 2, 1),
            _Block(Content(self._subtitle).wrap(width), 0, 1),
        ]
        bullet = Content.styled(BULLET, "$text-secondary" if light else "$text-primary")
        indent = Content(" " * len(BULLET))
        for section in self._sections:
            blocks.append(_Block(Content.styled(section.title, HEADING_STYLE).wrap(width), 2, 1))
            if section.rows:
                items: list[Content] = []
                for row in section.rows:
                    # As a Markdown list item: a margin of one on the right, and the lines
                    # after the first under the text, not under the bullet.
                    wrapped = Content(row).wrap(width - len(BULLET))
                    items += [bullet + wrapped[0], *(indent + line for line in wrapped[1:])]
                blocks.append(_Block(items, 0, 1))
            elif section.empty:
                blocks.append(_Block(Content.styled(section.empty, "italic").wrap(width), 0, 1))
        return blocks


def _centred(line: Content, width: int) -> Content:
    """``line`` centred in ``width`` cells (as ``content-align: center``), without the
    trailing padding (``Content.center`` pads a line past the width)."""
    line = line.rstrip()
    return line.pad_left((width - line.cell_length) // 2)
