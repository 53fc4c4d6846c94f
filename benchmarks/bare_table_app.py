"""The floor for a key in a list: a bare Textual app with a stock DataTable and an Input.

The benchmark times the same keys on it as on the List and the Journal (``bench.py``,
``keypress_floor``): the cursor moving down a table of as many rows, and a key typed in the
Input that replaces the rows with the first screenful of those matching (a stock
``DataTable.clear`` and ``add_row`` per row, nothing more). What that costs is Textual's own
share of a key on this machine, which no change of ours can go below.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Input, Label

WORDS = ("python", "pricing", "design", "sales", "hiring", "growth", "writing", "data")
COLUMNS = ("", "Name", "Headline", "Last met", "Next due", "Every", "How I can help")
MARGIN_ROWS = 10


def make_rows(count: int) -> list[tuple[str, ...]]:
    """``count`` rows of seven short cells, like the List's, with words to filter on."""
    rows = []
    for i in range(count):
        a, b = WORDS[i % len(WORDS)], WORDS[(i * 3 + 1) % len(WORDS)]
        rows.append(
            (
                "★" if i % 25 == 0 else "",
                f"Person number {i:05d}",
                f"Works on {a} and {b} at a company",
                f"{i % 90} days ago",
                f"in {i % 30} days",
                "14 d",
                f"Introductions to people in {b}",
            )
        )
    return rows


class BareTableApp(App[None]):
    """An Input above a DataTable of ``rows`` rows; typing shows the first screenful matching."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.all_rows = make_rows(rows)
        self.haystacks = [" ".join(row).casefold() for row in self.all_rows]
        self.shown_keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter", id="filter")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        self.show("")

    def matches(self, text: str) -> list[str]:
        """Keys of the rows whose text holds every word typed."""
        words = text.casefold().split()
        return [str(i) for i, hay in enumerate(self.haystacks) if all(w in hay for w in words)]

    def show(self, text: str) -> None:
        table = self.query_one(DataTable)
        keys = self.matches(text)
        self.shown_keys = keys
        table.clear()
        limit = len(self.all_rows) if not text else table.size.height + MARGIN_ROWS
        for key in keys[:limit]:
            table.add_row(*self.all_rows[int(key)], key=key)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value)


if __name__ == "__main__":
    BareTableApp(300).run()


class BareLabelApp(App[None]):
    """The least a key can cause: down rewrites a one-line Label (a binding, a refresh of one
    widget, the compositor and the frame)."""

    BINDINGS = [("down", "count", "Count")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Label("0", id="count")
        yield Footer()

    def action_count(self) -> None:
        self.count += 1
        self.query_one("#count", Label).update(str(self.count))
