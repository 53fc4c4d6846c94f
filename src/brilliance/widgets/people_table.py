"""The table of people behind the List: one row per person, overdue rows in the warning colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding

from brilliance.domain.cadence import days_until_due, describe_due, describe_last_met
from brilliance.domain.models import Person
from brilliance.widgets.line_cells import cell_width
from brilliance.widgets.line_table import LineTable

HELP_WIDTH = 36
NAME_WIDTH = 28
HEADLINE_WIDTH = 30
BASE_WIDTH = 120
"""The terminal width the text columns are sized for; wider terminals share out the rest."""


def text_widths(width: int) -> tuple[int, int, int]:
    """Name, headline and "how I can help" widths for a table ``width`` columns wide."""
    extra = max(0, width - BASE_WIDTH)
    return NAME_WIDTH + extra // 6, HEADLINE_WIDTH + extra // 3, HELP_WIDTH + extra // 2


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class PeopleTable(LineTable):
    """Rows keyed by person id; the cursor stays on the same person across refreshes."""

    DEFAULT_CSS = """
    PeopleTable {
        height: 1fr;
    }
    """

    BINDINGS = [
        Binding("enter", "select_cursor", "Open"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    COLUMNS = ("", "Name", "Headline", "Last met", "Next due", "Every", "How I can help")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self.COLUMNS, id=id)
        self.person_ids: list[str] = []
        self._shown: tuple[list[Person], date, str, str] | None = None
        """What the rows were last built from: people, today, warning and accent colours."""
        self.text_widths = text_widths(BASE_WIDTH)
        self._grown: list[int] = []
        self._grown_for: tuple[int, int, int] | None = None
        self._rows: dict[str, tuple[Person, tuple[object, ...], list[Text | str], list[int]]]
        self._rows = {}
        """Each person's cells and their widths as last built, reused while the same record is
        drawn the same way (a filter key shows again rows it showed before)."""

    def on_resize(self) -> None:
        """Let the text columns use the room of a wide terminal (and shrink back)."""
        widths = text_widths(self.size.width)
        if widths == self.text_widths:
            return
        self.text_widths = widths
        shown = self._shown
        if shown is not None:
            people, today, warning, accent = shown
            self._shown = None
            self.show(people, today, warning=warning, accent=accent)

    @property
    def selected_id(self) -> str | None:
        """The id of the person under the cursor."""
        if not self.person_ids or self.cursor_row < 0:
            return None
        return self.person_ids[min(self.cursor_row, len(self.person_ids) - 1)]

    def show(
        self,
        people: Sequence[Person],
        today: date,
        *,
        warning: str,
        accent: str,
        keep: str | None = None,
    ) -> None:
        """Replace the rows with ``people`` and put the cursor back on ``keep`` if present.

        When the rows would be the same as those shown (the same records, which are replaced,
        never changed, on every edit), nothing is rebuilt: a rebuild throws away every rendered
        line, and the filter asks for one on each key typed even when the matches are the same.
        """
        keep = keep if keep is not None else self.selected_id
        shown = (list(people), today, warning, accent)
        if self._same_as_shown(shown):
            if keep is not None and keep in self.person_ids:
                self.move_cursor(row=self.get_row_index(keep))
            return
        drawn_as = (today, warning, accent, self.text_widths)

        def row(person: Person) -> tuple[list[Text | str], list[int]]:
            cached = self._rows.get(person.id)
            if cached is None or cached[0] is not person or cached[1] != drawn_as:
                cells = self._cells(person, today, warning, accent, self.text_widths)
                cached = (person, drawn_as, cells, [cell_width(cell) for cell in cells])
                self._rows[person.id] = cached
            return cached[2], cached[3]

        # Every person's cells are kept (a filter key shows again people it showed before).
        # The columns are as wide as the widest cell shown since the text widths last changed,
        # as DataTable measured them: they stay put while a filter narrows the rows.
        widths = self._grown if self._grown_for == self.text_widths else [0] * len(self.COLUMNS)
        for person in shown[0]:
            widths = list(map(max, widths, row(person)[1]))
        self._grown, self._grown_for = widths, self.text_widths
        self.person_ids = [p.id for p in people]
        self.fill(self.person_ids, shown[0], lambda person: row(person)[0], keep, widths)
        self._shown = shown

    def _same_as_shown(self, shown: tuple[list[Person], date, str, str]) -> bool:
        if self._shown is None or shown[1:] != self._shown[1:]:
            return False
        people, before = shown[0], self._shown[0]
        return len(people) == len(before) and all(
            a is b for a, b in zip(people, before, strict=True)
        )

    @staticmethod
    def _cells(
        person: Person, today: date, warning: str, accent: str, widths: tuple[int, int, int]
    ) -> list[Text | str]:
        name_width, headline_width, help_width = widths
        mark = Text("★", style=accent) if person.on_list else Text("")
        last_met = describe_last_met(person.last_met, today)
        if person.on_list:
            days = days_until_due(person, today)
            style = f"bold {warning}" if days < 0 else (f"bold {accent}" if days == 0 else "")
            due = Text(describe_due(days), style=style)
            every = f"{person.cadence_days} d"
        else:
            style = ""
            due = Text("")
            every = ""
        return [
            mark,
            Text(shorten(person.name, name_width), style=style),
            Text(shorten(person.headline, headline_width)),
            Text(last_met),
            due,
            every,
            Text(shorten(person.how_i_can_help, help_width)),
        ]
