"""The Journal's list of entries: a row per entry (when, the text or a snippet around what is
searched, tags, people), its cells made when the row is first drawn and kept (issue 19)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Span, Text
from textual.binding import Binding

from brilliance.domain.journal import first_line, snippet
from brilliance.domain.models import JournalEntry
from brilliance.widgets.line_cells import Cell
from brilliance.widgets.line_table import LineTable

TEXT_WIDTH = 70
WHEN_WIDTH = 20
KEPT_SEARCHES = 24
"""Searches whose rows' cells are kept: the key that erases a letter shows a search typed a
moment ago, whose rows are then drawn from what was kept (their lines too, by the LineTable)."""


def entry_width(screen_width: int) -> int:
    """The entry column: 70 up to 120 columns, then most of the extra room."""
    return TEXT_WIDTH + max(0, screen_width - 120) * 2 // 3


class EntriesTable(LineTable):
    """Journal entries as rows keyed by entry id."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(("When", "Entry", "Tags", "People"), id="entries")
        self.entry_ids: list[str] = []
        self.text_width = TEXT_WIDTH
        self._sides: dict[str, tuple[JournalEntry, str, str, str]] = {}
        """Each entry's date, tags and people as shown, while the record and the names are the
        same."""
        self._names: dict[str, str] = {}
        self._widths_for: tuple[Sequence[JournalEntry], dict[str, str], tuple[int, int]] | None = (
            None
        )
        self._drawn_as: tuple[dict[str, str], str, int] = ({}, "", 0)
        """The names, highlight colour and text width the kept cells were made with."""
        self._searches: dict[str, dict[str, tuple[JournalEntry, list[Cell]]]] = {}
        """The cells made for each entry drawn, by the words searched (the newest last)."""

    def set_text_width(self, width: int) -> bool:
        """Change the entry column's width; True when it changed (the rows must be redrawn)."""
        if width == self.text_width:
            return False
        self.text_width = width
        return True

    def show(
        self,
        entries: list[JournalEntry],
        everything: list[JournalEntry],
        names: dict[str, str],
        words: str,
        highlight: str,
        keep: str | None = None,
    ) -> None:
        """Show ``entries``, their text around ``words`` highlighted in ``highlight`` (the first
        line when nothing is searched); columns as wide as ``everything`` needs. The cursor
        stays on ``keep``, or on the entry it is on."""
        keep = keep if keep is not None else self.selected_id
        widths = self.widths_for(everything, names)  # also brings the sides up to date
        drawn_as = (self._names, highlight, self.text_width)
        if any(a is not b for a, b in zip(drawn_as, self._drawn_as, strict=True)):
            self._drawn_as, self._searches = drawn_as, {}
        cells = self._searches.pop(words, None)
        if cells is None:
            cells = {}
        self._searches[words] = cells  # the newest last
        if len(self._searches) > KEPT_SEARCHES:
            del self._searches[next(iter(self._searches))]
        searching = bool(words.strip())

        def cells_of(entry: JournalEntry) -> list[Cell]:
            kept = cells.get(entry.id)
            if kept is None or kept[0] is not entry:
                kept = cells[entry.id] = (entry, self._cells(entry, words, searching, highlight))
            return kept[1]

        self.entry_ids = [e.id for e in entries]
        self.fill(self.entry_ids, entries, cells_of, keep, widths)

    def _cells(
        self, entry: JournalEntry, words: str, searching: bool, highlight: str
    ) -> list[Cell]:
        width = self.text_width
        if searching:
            line, spans = snippet(entry.text, words, width)
            mark = f"bold reverse {highlight}"
            marks = [Span(a, min(b, len(line)), mark) for a, b in spans if a < min(b, len(line))]
            text = Text(line, no_wrap=True, spans=marks)
        else:
            text = Text(first_line(entry.text, width) or "(empty)", no_wrap=True)
        when, tags, people = self._sides_of(entry)
        return [when, text, tags, people]

    def _sides_of(self, entry: JournalEntry) -> tuple[str, str, str]:
        """The entry's date, tags and people as their columns show them (names as last given)."""
        kept = self._sides.get(entry.id)
        if kept is None or kept[0] is not entry:
            names = self._names
            when = f"{entry.written_at:%a %Y-%m-%d %H:%M}"
            tags = " ".join(f"#{t}" for t in entry.tags)
            people = ", ".join(names[i] for i in entry.people if i in names)
            kept = self._sides[entry.id] = (entry, when, tags, people)
        return kept[1], kept[2], kept[3]

    def widths_for(self, entries: Sequence[JournalEntry], names: dict[str, str]) -> tuple[int, ...]:
        """The columns' widths: the date, the text, then the widest tags and people of
        ``entries`` (the whole journal, so that the columns stay put while a search narrows the
        rows), kept while the journal and the names are the same."""
        if names != self._names:
            self._names, self._sides = dict(names), {}
        kept = self._widths_for
        if kept is None or kept[0] is not entries or kept[1] is not self._names:
            tags_width = people_width = 0
            for entry in entries:
                _when, tags, people = self._sides_of(entry)
                tags_width = max(tags_width, cell_len(tags))
                people_width = max(people_width, cell_len(people))
            kept = self._widths_for = (entries, self._names, (tags_width, people_width))
        return (WHEN_WIDTH, self.text_width, *kept[2])

    @property
    def selected_id(self) -> str | None:
        if not self.entry_ids or self.cursor_row < 0:
            return None
        return self.entry_ids[min(self.cursor_row, len(self.entry_ids) - 1)]
