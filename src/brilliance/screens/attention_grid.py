"""Today's attention grid: a row a person on the list, a column of two cells a week.

A ``LineTable`` with no padding and no stripes, drawn as the stock DataTable it replaces drew it
(``tests/tui/test_today_first_frame.py`` compares it with the first frame's flat grid, character
by character and colour by colour): a change of focus no longer draws the stock table's 13 cells
a row again (issue 19: a Tab into the grid cost 23-45 ms).
"""

from __future__ import annotations

from typing import ClassVar

from brilliance.domain.today_view import TodayPicture
from brilliance.screens.today_page import GRID_NAME_LABEL, grid_text
from brilliance.widgets.line_table import LineTable


class AttentionGrid(LineTable):
    """Rows keyed by person id; enter or a click on the cursor's row opens the person."""

    cell_padding: ClassVar[int] = 0
    zebra_stripes: ClassVar[bool] = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__((GRID_NAME_LABEL, ""), id=id)

    def show(self, picture: TodayPicture) -> None:
        """The grid of ``picture``, the cursor kept on the same row number."""
        keep = self.cursor_row
        months, rows = grid_text(picture)
        self.labels = (GRID_NAME_LABEL, months)
        self.fill(
            [row.person_id for row in picture.grid],
            rows,
            lambda row: row,
            widths=(max((len(name) for name, _ in rows), default=0), len(months)),
        )
        if rows:
            self.move_cursor(row=min(keep, len(rows) - 1), scroll=False)
