"""Where to meet (a kind of meeting and a place unlike the last few) and what to praise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from brilliance.domain.content import MeetingKind, PraisePrompts
from brilliance.domain.matching import plain
from brilliance.domain.models import Meeting, MeetingStatus, Person
from brilliance.domain.questions import latest_note
from brilliance.domain.ranking import stable_rank

RECENT_MEETINGS = 3


# -- where to meet --------------------------------------------------------------------------


@dataclass(frozen=True)
class VenueSuggestion:
    kind: MeetingKind
    venue: str
    recent: tuple[str, ...]
    """How the last meetings went, for the reason ("last three: coffee, coffee, lunch")."""

    def describe(self) -> str:
        if self.recent:
            return f"{self.kind.label}: {self.venue} (last: {', '.join(self.recent)})"
        return f"{self.kind.label}: {self.venue}"


def suggest_venue(
    person: Person,
    past_meetings: Sequence[Meeting],
    kinds: Sequence[MeetingKind],
    day: date,
) -> VenueSuggestion | None:
    """A kind of meeting and a place unlike the last three with this person."""
    if not kinds:
        return None
    held = [m for m in past_meetings if m.status != MeetingStatus.CANCELLED]
    held.sort(key=lambda m: (m.when, m.id))
    recent = held[-RECENT_MEETINGS:]
    recent_kinds = {plain(m.kind) for m in recent}
    recent_places = {plain(m.place) for m in recent if m.place}
    fresh = [
        k for k in kinds if plain(k.id) not in recent_kinds and plain(k.label) not in recent_kinds
    ]
    pool = fresh or list(kinds)
    pool.sort(key=lambda k: stable_rank(person.id, day.isoformat(), k.id))
    kind = pool[0]
    venues = [v for v in kind.venues if plain(v) not in recent_places] or list(kind.venues)
    venues.sort(key=lambda v: stable_rank(person.id, day.isoformat(), v))
    described = tuple(f"{m.kind}{' at ' + m.place if m.place else ''}" for m in reversed(recent))
    return VenueSuggestion(kind, venues[0], described)


# -- praise ---------------------------------------------------------------------------------


def suggest_praise(
    person: Person, meetings: Sequence[Meeting], prompts: PraisePrompts, day: date
) -> str:
    """Something sincere to praise: from their latest win, else my latest notes, else general."""

    def pick(options: Sequence[str]) -> str:
        return min(options, key=lambda o: stable_rank(person.id, day.isoformat(), o))

    if person.wins and prompts.with_win:
        return pick(prompts.with_win).replace("{win}", person.wins[-1])
    note = latest_note(meetings)
    if note and prompts.with_note:
        return pick(prompts.with_note).replace("{note}", note)
    return pick(prompts.generic) if prompts.generic else ""
