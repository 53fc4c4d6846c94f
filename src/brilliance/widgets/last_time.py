"""The prep sheet's opening: the last meeting held, its notes, and what I promised there."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from brilliance.domain.timeline import LastTime


class LastTimeView(Static):
    DEFAULT_CSS = """
    LastTimeView { padding: 0 1 1 1; max-height: 8; color: $text; }
    """

    def show(self, last: LastTime | None, today: date) -> None:
        if last is None:
            self.update(Content.assemble(("Last time: ", "bold"), ("not met yet", "dim")))
            return
        first, *rest = last.lines(today)
        self.update(
            Content.assemble(
                ("Last time: ", "bold"), (first, "bold"), *(("\n" + line) for line in rest)
            )
        )
