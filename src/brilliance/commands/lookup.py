"""Finding the person a command names: exactly, by a unique part, or with suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from brilliance.commands.shell import EXIT_REFUSED, CommandError

if TYPE_CHECKING:
    from brilliance.domain.models import Person


def match_person(name: str, people: Sequence[Person]) -> Person | None:
    """The person called ``name`` (any case), else the only one whose name starts or holds it."""
    wanted = " ".join(name.split()).casefold()
    exact = [p for p in people if p.name.casefold() == wanted]
    if exact:
        return exact[0]
    if len(wanted) < 2:
        return None
    # A unique match on the start of a name's words ("ana" -> Ana Lima), then anywhere.
    starts = [
        p
        for p in people
        if any(word.startswith(wanted) for word in p.name.casefold().split())
        or p.name.casefold().startswith(wanted)
    ]
    partial = starts or [p for p in people if wanted in p.name.casefold()]
    return partial[0] if len(partial) == 1 else None


def suggestions(name: str, people: Sequence[Person]) -> list[str]:
    """Up to five names close to ``name``, for a "did you mean" hint."""
    wanted = " ".join(name.split()).casefold()
    names = [p.name for p in people]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    close += [p.name for p in people if wanted and wanted in p.name.casefold()]
    return list(dict.fromkeys(close))[:5]


def find_person(name: str, people: Sequence[Person]) -> Person:
    """Like :func:`match_person`, but a miss raises a :class:`CommandError` (status 1)."""
    person = match_person(name, people)
    if person is None:
        close = suggestions(name, people)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise CommandError(f"no one called {name!r} in your network.{hint}", EXIT_REFUSED)
    return person
