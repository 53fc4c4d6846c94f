"""Reading the dates a command line is given (``--on yesterday``, ``--from 2026-11-01``).

Standard library only: ``brilliance note`` uses it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from brilliance.commands.shell import EXIT_USAGE, CommandError

_LEADING_DATE = re.compile(r"\A\s*([^:\n]{1,40}?)\s*:[ \t]+(?=\S)")


def day_named(text: str, today: date) -> date | None:
    """The day ``text`` names, relative to ``today``, or None if it names none."""
    words = " ".join(text.split()).casefold()
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if words in simple:
        return today + timedelta(days=simple[words])
    try:
        return date.fromisoformat(words)
    except ValueError:
        return None


def parse_day(text: str, today: date, *, flag: str) -> date:
    """Like :func:`day_named`, but a :class:`CommandError` (status 2) when it names no day."""
    found = day_named(text, today)
    if found is None:
        raise CommandError(
            f"{flag} {text!r} is not a date I know; try 2026-11-23, today or yesterday.",
            EXIT_USAGE,
        )
    return found


def split_leading_date(text: str, today: date) -> tuple[date | None, str]:
    """jrnl's habit: ``"yesterday: text"`` -> (that day, ``"text"``); otherwise (None, text).

    Only a prefix that names a day counts, so ``"Note: ..."`` stays as written.
    """
    match = _LEADING_DATE.match(text)
    if match is None:
        return None, text
    found = day_named(match.group(1), today)
    if found is None:
        return None, text
    return found, text[match.end() :]
