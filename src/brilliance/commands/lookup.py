"""Finding the person a command names: exactly, by a unique part, or with suggestions.

One rule for every name search (``domain.names``): case and accents ignored, an exact name
preferred, and of namesakes the one on the list; a name that is still ambiguous is refused
with the candidates and what tells them apart.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from brilliance.commands.shell import EXIT_REFUSED, CommandError
from brilliance.domain.names import resolve_name, tell_apart
from brilliance.domain.text import fold_name

if TYPE_CHECKING:
    from brilliance.domain.models import Person


def match_person(name: str, people: Sequence[Person]) -> Person | None:
    """The one person ``name`` means, or None (no one, or several)."""
    return resolve_name(name, people).person


def suggestions(name: str, people: Sequence[Person]) -> list[str]:
    """Up to five names close to ``name``, for a "did you mean" hint."""
    wanted = fold_name(name)
    names = [p.name for p in people]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    close += [p.name for p in people if wanted and wanted in fold_name(p.name)]
    return list(dict.fromkeys(close))[:5]


def find_person(name: str, people: Sequence[Person]) -> Person:
    """Like :func:`match_person`, but a miss or an ambiguous name raises a
    :class:`CommandError` (status 1) that lists the candidates."""
    found = resolve_name(name, people)
    if found.person is not None:
        return found.person
    if found.candidates:
        listed = "\n".join(f"  {tell_apart(p)}" for p in found.candidates)
        raise CommandError(
            f"{name!r} could be {len(found.candidates)} people:\n{listed}\n"
            "Type more of the name to choose one.",
            EXIT_REFUSED,
        )
    close = suggestions(name, people)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise CommandError(f"no one called {name!r} in your network.{hint}", EXIT_REFUSED)
