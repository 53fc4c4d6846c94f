"""Today's content as words and numbers, with no records in it: what the Today screen draws.

The agenda (``services.agenda``) is built from the store's records; this is what it says, in
shapes that need neither pydantic nor the models. So the first frame can be drawn from a
summary kept beside the data file (``store.today_summary``) before the data file is loaded
(issue 19), and the shell's ``brilliance today`` prints the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from brilliance.domain.content import Idea

Span = tuple[str, str]
"""A piece of text and its role: "" (plain), "name", "muted", "late", "soon" or "alert".

Each view gives roles its own look: the app colours them, the shell prints the text alone.
"""

ROLES = frozenset({"", "name", "muted", "late", "soon", "alert"})
"""Every role a span can have."""

SECTION_KEYS = ("due", "coming", "intros", "promises", "promises-soon", "novalue")
"""The agenda's sections, in the order they are shown (see ``services.agenda``)."""


@dataclass(frozen=True)
class Row:
    """One line of a section, and the id of what it leads to (a person, a meeting...)."""

    spans: tuple[Span, ...]
    target: str

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.spans)


@dataclass(frozen=True)
class Blank:
    """What an empty section says. ``hint`` names the keys that help; the app alone shows it."""

    text: str
    hint: str = ""

    def sentence(self, *, with_hint: bool) -> str:
        return f"{self.text}: {self.hint}." if with_hint and self.hint else f"{self.text}."


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: tuple[Row, ...]
    blank: Blank


@dataclass(frozen=True)
class TodayView:
    """Everything Today says, in words, once for both views."""

    date_line: str
    idea_title: str
    idea: Idea
    sections: tuple[Section, ...]
    journal_written: bool
    journal_hint: str
    streak: str
    prompt: str
    month_line: str
    weekly_label: str
    grid_title: str
    review: str
    """"Weekly review of 2026-W47: not written yet", or "" when none is due."""
    review_hint: str

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def journal_line(self) -> str:
        return "Today's entry is written" if self.journal_written else "Today's entry: not yet"


@dataclass(frozen=True)
class GridRow:
    """One person's line of the attention grid: meetings in each of the last weeks."""

    person_id: str
    name: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class TodayPicture:
    """Everything the Today screen draws, and nothing else: the words and the few numbers."""

    view: TodayView
    review_week: str
    """The week whose review is due ("2026-W47"), or ""."""
    month_held: int
    month_target: int
    weekly: tuple[int, ...]
    week_starts: tuple[date, ...]
    grid: tuple[GridRow, ...]


SPARK = " ▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int]) -> str:
    """A one-line chart of small counts."""
    top = max(values, default=0)
    # Zero is the lowest bar; any meeting at all shows at least two steps up.
    steps = len(SPARK) - 3
    return "".join(SPARK[1] if not v else SPARK[2 + round(v / top * steps)] for v in values)
