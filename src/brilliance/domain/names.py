"""Finding people by name: one folding rule, a preference for the list, duplicates noticed.

Free of the models (only a Protocol), so the command line can use it on light records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from brilliance.domain.text import fold_name


class Someone(Protocol):
    """What telling people apart needs: a Person, or a light record read from the file."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def on_list(self) -> bool: ...

    @property
    def headline(self) -> str: ...

    @property
    def organisation(self) -> str: ...


P = TypeVar("P", bound=Someone)


@dataclass(frozen=True)
class NameLookup(Generic[P]):
    """Who a typed name means: exactly one ``person``, or the ``candidates`` to choose from."""

    person: P | None = None
    candidates: list[P] = field(default_factory=list)


def _prefer_the_list(found: Sequence[P]) -> list[P]:
    on_list = [p for p in found if p.on_list]
    return on_list if len(on_list) == 1 else list(found)


def resolve_name(query: str, people: Iterable[P]) -> NameLookup[P]:
    """The person ``query`` names: an exact name first (an exact spelling over one that
    differs by accents; someone on the list over the wider network), then a unique start of
    a name's words ("ana" -> Ana Lima), then a unique part of a name."""
    everyone = list(people)
    typed = " ".join(query.split()).casefold()
    wanted = fold_name(query)
    if not wanted:
        return NameLookup()
    exact = [p for p in everyone if fold_name(p.name) == wanted]
    spelled = [p for p in exact if " ".join(p.name.split()).casefold() == typed]
    for group in (spelled, exact):
        if group:
            chosen = _prefer_the_list(group)
            return NameLookup(chosen[0]) if len(chosen) == 1 else NameLookup(None, chosen)
    if len(wanted) < 2:
        return NameLookup()
    starts = [
        p
        for p in everyone
        if fold_name(p.name).startswith(wanted)
        or any(word.startswith(wanted) for word in fold_name(p.name).split())
    ]
    partial = starts or [p for p in everyone if wanted in fold_name(p.name)]
    if not partial:
        return NameLookup()
    chosen = (
        _prefer_the_list(partial) if len({fold_name(p.name) for p in partial}) == 1 else partial
    )
    return NameLookup(chosen[0]) if len(chosen) == 1 else NameLookup(None, chosen)


def tell_apart(person: Someone) -> str:
    """A name with what tells it apart from a namesake: headline, organisation, list."""
    about = " · ".join(part for part in (person.headline, person.organisation) if part)
    where = "on the list" if person.on_list else "wider network"
    return f"{person.name} ({about + ', ' if about else ''}{where})"


@dataclass(frozen=True)
class Duplicate:
    """Someone already in the network with the same name or email as the one being saved."""

    person_id: str
    reason: str


class Contact(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def email(self) -> str: ...


def find_duplicates(candidate: Contact, people: Iterable[Contact]) -> list[Duplicate]:
    """Others with the same name (case and accents ignored) or the same email."""
    name = fold_name(candidate.name)
    email = candidate.email.strip().casefold()
    found = []
    for other in people:
        if other.id == candidate.id:
            continue
        if name and fold_name(other.name) == name:
            found.append(Duplicate(other.id, f"{other.name} is already in your network"))
        elif email and other.email.strip().casefold() == email:
            found.append(Duplicate(other.id, f"{other.name} already has the email {email}"))
    return found
