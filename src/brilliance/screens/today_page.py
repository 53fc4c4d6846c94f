"""Today's first frame drawn from its summary: the same words in the same places as the full
Today screen, drawn by two flat widgets instead of about fifty (issue 19).

A start from the summary must show Today within 1.5x a bare Textual app's start. The full
screen's six option lists, progress bar and table cost more than that in Textual's CSS and
layout alone (``benchmarks/NOTES.md``), so until the data file is loaded each column of
Today is one widget that draws its lines itself, the way the full screen lays them out: a
heading after a blank line, each section's rows wrapped to the column and cut at
``AGENDA_LINES`` with the list's own scroll bar, the month's bar, the attention grid. The
full screen replaces it once the store is open (``TodayScreen.refresh_data``); keys wait for
that (``app_start``), so nothing here acts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich._wrap import divide_line  # what Content.wrap uses (Textual is pinned)
from rich.cells import cell_len
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.content import Content
from textual.geometry import Size
from textual.scrollbar import ScrollBarRender
from textual.style import Style
from textual.widget import Widget

from brilliance.domain.today_view import Section, TodayPicture, sparkline

if TYPE_CHECKING:
    from textual.app import RenderResult

AGENDA_LINES = 8
"""The most lines a section shows; the rest scrolls (as ``AgendaList``'s max-height)."""
PROMISE_LISTS = ("promises", "promises-soon")
"""The sections whose rows start with a box that space ticks."""
HEADING = "bold $text-primary"
"""A heading's look (``.heading`` in today.tcss)."""
OPEN = Binding("enter", "select", "Open")
"""Enter on a row of the agenda (``AgendaList``'s key, shown first in the footer)."""
CURSOR = "$block-cursor-foreground on $block-cursor-background"
"""The highlighted row of the list that has the focus."""
BLURRED = "$foreground on $block-cursor-blurred-background"
"""The highlighted row of the other lists."""
GRID_HEADER = "bold $foreground on $panel"
"""The attention grid's header row (a DataTable's)."""
FOCUSED = "on $boost"
"""The list that has the focus."""
GRID_KEY = (
    "· none  ● one meeting  ◆ two or more; one column a week, this week on the right. "
    "Most neglected first."
)
ROLE_STYLES = {
    "": "",
    "name": "bold",
    "muted": "$text-muted",
    "late": "$text-warning",
    "soon": "$text-accent",
    "alert": "bold $text-error",
}
"""How the app draws each role of the agenda's text (the shell prints the text alone)."""


def styled(spans: tuple[tuple[str, str], ...]) -> Content:
    """A row of the agenda in the app's colours."""
    return Content.assemble(*((text, ROLE_STYLES[role]) for text, role in spans))


def cells(count: int) -> str:
    return "·" if count == 0 else ("●" if count == 1 else "◆")


GRID_NAME_LABEL = "week of →"
"""The attention grid's first column's label."""


def grid_text(picture: TodayPicture) -> tuple[str, list[tuple[str, str]]]:
    """The attention grid's words, for the flat first frame and the full screen's table alike:
    the months over the weeks (two cells a week), then each person's name (cut at 18) and
    weeks."""
    months = "".join(
        (f"{start:%b}"[:1] if start.day <= 7 else " ").ljust(2) for start in picture.week_starts
    )
    rows = [
        (row.name[:18] + " ", "".join(cells(count).ljust(2) for count in row.counts))
        for row in picture.grid
    ]
    return months, rows


def idea_text(picture: TodayPicture) -> Content:
    view = picture.view
    idea = view.idea
    return Content.assemble(
        (f"{view.idea_title} · ", "bold $accent"),
        (idea.title, "bold"),
        "\n",
        idea.text,
        "\n",
        (idea.question, "italic $text-muted"),
    )


def journal_text(picture: TodayPicture) -> Content:
    view = picture.view
    written = (
        Content.assemble((f"✓ {view.journal_line}", "$text-success"))
        if view.journal_written
        else Content.assemble(
            (f"{view.journal_line} ", "$text-warning"), (view.journal_hint, "dim")
        )
    )
    review = (
        Content.assemble(
            ("Weekly review of ", "$text-warning"),
            (picture.review_week, "bold $text-warning"),
            (": not written yet ", "$text-warning"),
            (f"{view.review_hint}\n", "dim"),
        )
        if view.review
        else Content("")
    )
    return Content.assemble(
        review, written, f" · {view.streak}\n", ("Prompt: ", "bold"), view.prompt
    )


def month_text(picture: TodayPicture) -> Content:
    view = picture.view
    return Content.assemble(
        f"{view.month_line}\n",
        (view.weekly_label, "$text-muted"),
        (sparkline(picture.weekly), "$accent"),
    )


def line_count(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at ``width`` cells: where ``Content.wrap``
    cuts it (Rich's ``divide_line``), without building the lines (only the scroll bar's size
    needs the count; building them all cost a third of the first frame)."""
    if "\n" not in text and cell_len(text) <= width:
        return 1  # (most rows: no need to find where to cut)
    return sum(len(divide_line(line, width, fold=True)) + 1 for line in text.split("\n"))


def section_options(section: Section, first: int | None = None) -> list[Content]:
    """The rows of a section as its list draws them (an empty one says so, dimmed); only
    the ``first`` ones if given."""
    prefix = (("☐ ", ""),) if section.key in PROMISE_LISTS else ()
    if not section.rows:
        return [Content.assemble((section.blank.sentence(with_hint=True), "dim italic"))]
    return [styled(prefix + row.spans) for row in section.rows[:first]]


class TodayColumn(Widget):
    """One column of Today (or both, stacked, when narrow) as lines of text."""

    DEFAULT_CSS = """
    TodayColumn {
        height: auto;
    }
    """

    def __init__(self, picture: TodayPicture, part: str, *, id: str) -> None:
        super().__init__(id=id)
        self.picture = picture
        self.part = part
        """"left" (the agenda), "right" (journal, month, grid) or "both" (narrow)."""
        self._lines: dict[int, list[Content]] = {}
        self._wrapped = 0

    def show(self, part: str) -> None:
        """Draw another part of Today (the terminal went narrow or wide)."""
        self.part = part
        self._lines.clear()
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        return Content("\n").join(self.lines(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))  # at the width asked, not the last one laid out

    def lines(self, width: int) -> list[Content]:
        """The column's lines at ``width`` cells."""
        width = max(width, 1)
        if (cached := self._lines.get(width)) is not None:
            return cached
        lines: list[Content] = []
        if self.part in ("left", "both"):
            lines += self._agenda_lines(width)
        if self.part in ("right", "both"):
            lines += self._right_lines(width)
        self._lines[width] = lines
        return lines

    # -- the agenda -------------------------------------------------------------------------

    def _agenda_lines(self, width: int) -> list[Content]:
        lines: list[Content] = []
        for index, section in enumerate(self.picture.view.sections):
            if section.key == "intros" and not section.rows:
                continue  # hidden when empty, as on the full screen
            lines += [Content(""), Content.assemble((section.title, HEADING))]
            lines += self._list_lines(section, width, first=index == 0)
        return lines

    def _list_lines(self, section: Section, width: int, *, first: bool) -> list[Content]:
        """The section's list: its rows wrapped, at most AGENDA_LINES, with a scroll bar
        beside them when there are more (the first list holds the focus: its first row is
        highlighted, as the full screen draws it)."""
        # Each row takes a line at least: the ones past AGENDA_LINES + 1 are only counted.
        options = section_options(section, AGENDA_LINES + 1)
        # Every list highlights its first row; the first list has the focus as well.
        cursor = (self._cursor() if first else BLURRED) if section.rows else ""
        shown = self._wrap(options, width, cursor)
        if len(shown) <= AGENDA_LINES:
            return [self._focused(line, width) for line in shown] if first else shown
        bar_width = self.styles.scrollbar_size_vertical
        inner = max(width - bar_width, 1)
        shown = self._wrap(options, inner, cursor)
        box = "☐ " if section.key in PROMISE_LISTS else ""
        rest = section.rows[self._wrapped :]
        total = len(shown)
        for row in rest:  # (a thumb's size is the same for any list of 64 lines or more)
            if total >= AGENDA_LINES * AGENDA_LINES:
                break
            total += line_count(box + row.plain, inner)
        bar = self._scrollbar(total, bar_width)
        lines = [line.pad_right(inner - line.cell_length) for line in shown[:AGENDA_LINES]]
        if first:
            lines = [self._focused(line, inner) for line in lines]
        return [line + bar[i] for i, line in enumerate(lines)]

    def _cursor(self) -> str:
        """The focused list's highlighted row: its text colour is "auto 87%" in CSS (the
        contrast of the cursor's background), which a Content style does not resolve."""
        variables = self.app.get_css_variables()
        try:
            background = Color.parse(variables["block-cursor-background"])
            text = background + background.get_contrast_text(0.87)
        except (KeyError, ColorParseError):
            return CURSOR
        style = variables.get("block-cursor-text-style", "")
        style = "" if style == "none" else style
        return f"{style} {text.hex} on {background.hex}".strip()

    @staticmethod
    def _focused(line: Content, width: int) -> Content:
        """A line of the list that has the focus (``AgendaList:focus``'s background)."""
        return line.pad_right(width - line.cell_length).stylize_before(FOCUSED)

    def _wrap(self, options: list[Content], width: int, cursor: str) -> list[Content]:
        """The options wrapped to ``width``, as far as the first one past AGENDA_LINES
        (wrapping all of them would cost more than the rest of the frame: 144 overdue
        promises); ``_wrapped`` says how many."""
        lines: list[Content] = []
        self._wrapped = 0
        for number, option in enumerate(options):
            if len(lines) > AGENDA_LINES:
                break
            pieces = option.wrap(width)
            if cursor and number == 0:
                pieces = [
                    piece.pad_right(width - piece.cell_length).stylize_before(cursor)
                    for piece in pieces
                ]
            lines += pieces
            self._wrapped = number + 1
        return lines

    def _scrollbar(self, total: int, thickness: int) -> list[Content]:
        """The list's own scroll bar, as Textual's ``ScrollBar`` draws it at the top of a
        list of ``total`` lines: one piece per line shown."""
        styles = self.styles
        background = styles.scrollbar_background
        if background.a < 1:
            background = self.background_colors[0] + background
        colour = background + styles.scrollbar_color
        bar = ScrollBarRender.render_bar(
            size=AGENDA_LINES,
            virtual_size=total,
            window_size=AGENDA_LINES,
            position=0,
            thickness=thickness,
            vertical=True,
            back_color=background.rich_color,
            bar_color=colour.rich_color,
        )
        rows = [
            Content.assemble((piece.text, Style.from_rich_style(piece.style)))
            if piece.style is not None
            else Content(piece.text)
            for piece in bar.segments
        ]
        return rows + [Content(" " * thickness)] * (AGENDA_LINES - len(rows))

    # -- journal, month, grid ---------------------------------------------------------------

    def _right_lines(self, width: int) -> list[Content]:
        picture = self.picture
        view = picture.view
        lines: list[Content] = [Content(""), Content.assemble(("Journal", HEADING))]
        lines += journal_text(picture).wrap(width)
        lines += [Content(""), Content.assemble(("This month", HEADING))]
        lines.append(self._month_bar(width))
        lines += month_text(picture).wrap(width)
        lines += [Content(""), Content.assemble((view.grid_title, HEADING))]
        lines += self._grid_lines(width)
        # (#grid-key's colour comes from CSS on the full screen: "auto 60%", which a
        # Content style does not resolve; the same colour here, worked out as CSS does.)
        background = self.background_colors[1]
        muted = (background + background.get_contrast_text(0.6)).hex
        lines += Content.assemble((GRID_KEY, muted)).wrap(width)
        return lines

    def _month_bar(self, width: int) -> Content:
        """The month's progress bar and percentage, drawn as Textual's ProgressBar draws
        them (its bar in half cells; the percentage right-aligned in 5 cells)."""
        target = max(self.picture.month_target, 1)
        share = min(self.picture.month_held, target) / target
        bar_width = max(width - 5, 1)
        end = round(bar_width * share * 2) / 2
        half = end - int(end) > 0
        colour = "$success" if share >= 1 else "$primary"
        tail = ""
        if not half and end != bar_width:
            tail = "╺"
        tail += "━" * (bar_width - int(end) - 1)
        return Content.assemble(
            ("━" * int(end) + ("╸" if half else ""), colour),
            (tail, "$surface"),
            f"{round(share * 100)}%".rjust(5),
        )

    def _grid_lines(self, width: int) -> list[Content]:
        """The attention grid as the full screen's table draws it: a header, then a row a
        person, the first highlighted (the table's cursor, the table not focused)."""
        if not self.picture.grid:
            return []
        months, rows = grid_text(self.picture)
        name_width = max(len(GRID_NAME_LABEL), *(len(name) for name, _ in rows))
        header = GRID_NAME_LABEL.ljust(name_width) + months
        lines = [Content.assemble((header.ljust(width), GRID_HEADER))]
        lines += [Content(name.ljust(name_width) + weeks) for name, weeks in rows]
        lines[1] = lines[1].pad_right(width - lines[1].cell_length).stylize_before(BLURRED)
        return lines
