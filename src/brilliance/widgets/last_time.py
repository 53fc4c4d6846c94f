"""The prep sheet's opening: the last meeting held, its notes, and what I promised there."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from brilliance.domain.timeline import LastTime, no_meeting_logged


class LastTimeView(Static):
    DEFAULT_CSS = """
    LastTimeView { padding: 0 1 1 1; max-height: 8; color: $text; }
    """

    def show(self, last: LastTime | None, today: date, last_met: date | None = None) -> None:
        if last is None:
            said = no_meeting_logged(last_met)
            said = said[0].lower() + said[1:].rstrip(".")
            self.update(Content.assemble(("Last time: ", "bold"), (said, "dim")))
            return
        first, *rest = last.lines(today)
        self.update(
            Content.assemble(
                ("Last time: ", "bold"), (first, "bold"), *(("\n" + line) for line in rest)
            )
        )
