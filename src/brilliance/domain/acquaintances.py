"""Who knows whom in my network, kept on both sides.

A person can be marked as knowing others (``Person.knows``) and as introduced to me by
someone (``Person.introduced_by``). Logging an introduction records it on both sides: each
person then knows the other. A prospective partner's value includes access to the people they
know, so the partnership questions about their relationships show them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from brilliance.domain.models import Meeting, MeetingStatus, Person, updated

ACCESS_QUESTIONS = ("open-network", "valued-network")
"""The partnership questions about access to a partner's existing relationships."""


def know_each_other(a: Person, b: Person) -> tuple[Person, Person]:
    """Both people, each now knowing the other (unchanged records when they already did)."""
    if a.id == b.id:
        return a, b
    new_a = a if b.id in a.knows else updated(a, knows=[*a.knows, b.id])
    new_b = b if a.id in b.knows else updated(b, knows=[*b.knows, a.id])
    return new_a, new_b


def record_introductions(meeting: Meeting, people: Mapping[str, Person]) -> list[Person]:
    """The people whose "knows" changes when ``meeting``'s introductions are logged.

    Returns changed records only, ready to save with the meeting in one write.
    """
    if meeting.status is not MeetingStatus.DONE:
        return []
    changed: dict[str, Person] = {}
    person = people.get(meeting.person_id)
    if person is None:
        return []
    for other_id in meeting.introductions:
        other = changed.get(other_id) or people.get(other_id)
        if other is None:
            continue
        person, other = know_each_other(changed.get(person.id, person), other)
        changed[person.id] = person
        changed[other.id] = other
    originals = dict(people)
    return [p for p in changed.values() if p != originals.get(p.id)]


def set_acquaintances(
    person: Person, knows: Sequence[str], people: Mapping[str, Person]
) -> list[Person]:
    """Everyone whose record changes when ``person`` is set to know exactly ``knows``.

    Kept on both sides: the people added now know ``person`` too, the people removed no
    longer do. ``person`` (with ``knows`` set) comes first in the result.
    """
    wanted = [i for i in dict.fromkeys(knows) if i != person.id and i in people]
    changed = [updated(person, knows=wanted)]
    for other in people.values():
        if other.id == person.id:
            continue
        if other.id in wanted and person.id not in other.knows:
            changed.append(updated(other, knows=[*other.knows, person.id]))
        elif other.id not in wanted and person.id in other.knows:
            changed.append(updated(other, knows=[i for i in other.knows if i != person.id]))
    return changed


def acquaintances(person: Person, people: Mapping[str, Person]) -> list[Person]:
    """Whom they know in my network (either side recorded it), by name."""
    ids = set(person.knows)
    ids.update(p.id for p in people.values() if person.id in p.knows)
    ids.discard(person.id)
    known = [people[i] for i in ids if i in people]
    return sorted(known, key=lambda p: (p.name.casefold(), p.id))


def relationship_people(person: Person, people: Mapping[str, Person]) -> Sequence[Person]:
    """The people a prospective partner could open up to me: those they know in my network."""
    return acquaintances(person, people)
