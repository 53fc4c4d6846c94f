"""Reading the dates a command line is given (``--on yesterday``, ``--from 2026-11-01``)."""

from __future__ import annotations

from datetime import date, timedelta

from brilliance.commands.shell import EXIT_USAGE, CommandError


def parse_day(text: str, today: date, *, flag: str) -> date:
    """The day ``text`` names, relative to ``today``; a :class:`CommandError` (status 2) if none."""
    words = " ".join(text.split()).casefold()
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if words in simple:
        return today + timedelta(days=simple[words])
    try:
        return date.fromisoformat(words)
    except ValueError:
        raise CommandError(
            f"{flag} {text!r} is not a date I know; try 2026-11-23, today or yesterday.",
            EXIT_USAGE,
        ) from None
