"""Reading the dates a command line is given (``--on yesterday``, ``--from 'last monday'``).

The words are the app's own (``brilliance.domain.dates``), read towards the past: a note or
a journal search is about days that have happened. Standard library only: ``brilliance note``
uses it.
"""

from __future__ import annotations

from datetime import date

from brilliance.commands.shell import EXIT_USAGE, CommandError
from brilliance.domain.dates import DateWordsError, When, parse_day, parse_when

LEADING_DATE_MAX = 40
"""A leading date is short ("the day before yesterday 9pm"); anything longer is text."""


def day_named(text: str, today: date, *, flag: str) -> date:
    """The day ``text`` names, relative to ``today``; a :class:`CommandError` (status 2) if none."""
    try:
        return parse_day(text, today, direction="past")
    except DateWordsError as exc:
        raise CommandError(f"{flag}: {exc}.", EXIT_USAGE) from None


def moment_named(text: str, today: date, *, flag: str) -> When:
    """Like :func:`day_named`, with an optional time of day (``yesterday 9pm``)."""
    try:
        return parse_when(text, today, direction="past")
    except DateWordsError as exc:
        raise CommandError(f"{flag}: {exc}.", EXIT_USAGE) from None


def split_leading_date(text: str, today: date) -> tuple[When | None, str]:
    """jrnl's habit: ``"yesterday: text"`` -> (that day, ``"text"``); otherwise (None, text).

    The date ends at the first colon followed by a space or tab (so ``12:30`` can be part of
    it), and only a prefix that reads as a date counts: ``"Note: ..."`` stays as written.
    """
    first_line = text.split("\n", 1)[0]
    start = len(first_line) - len(first_line.lstrip())
    for index, char in enumerate(first_line):
        if index - start > LEADING_DATE_MAX:
            break
        if char != ":" or first_line[index + 1 : index + 2] not in (" ", "\t"):
            continue
        prefix = first_line[start:index].strip()
        if not prefix or not first_line[index + 1 :].strip():
            continue
        try:
            when = parse_when(prefix, today, direction="past")
        except DateWordsError:
            continue
        return when, text[index + 1 :].lstrip(" \t")
    return None, text
