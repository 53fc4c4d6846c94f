"""Events to invite someone to: upcoming events whose topics fit who they are and what they want.

The same engine as introductions: an event's title and topics meet the person's interests,
goals and aspirations, and also their headline and skills ("Climate Founders Demo Day" fits a
climate founder who is raising, not a developer-tools engineer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from brilliance.domain.introductions import aims_of, explain
from brilliance.domain.matching import Matcher
from brilliance.domain.models import Event, Person

EVENT_LIMIT = 5

_DEFAULT = Matcher()


@dataclass(frozen=True)
class EventSuggestion:
    event: Event
    reasons: tuple[str, ...]
    invited: bool
    score: int = 0

    def describe(self) -> str:
        place = f", {self.event.place}" if self.event.place else ""
        invited = " (invited)" if self.invited else ""
        reasons = "; ".join(self.reasons)
        return f"{self.event.title}, {self.event.day:%a %d %b}{place}{invited}: {reasons}"


def wants_of(person: Person) -> list[tuple[str, str, float]]:
    """What an event could fit: their aims first, then interests, then who they are."""
    wants = [(kind, aim, 2.0) for kind, aim in aims_of(person)]
    wants += [("interest", interest, 1.5) for interest in person.interests]
    wants += [("their work", skill, 1.0) for skill in person.skills]
    if person.headline.strip():
        wants.append(("their work", person.headline, 1.0))
    return wants


def suggest_events(
    person: Person,
    events: Iterable[Event],
    today: date,
    limit: int = EVENT_LIMIT,
    matcher: Matcher | None = None,
) -> list[EventSuggestion]:
    """Upcoming events that fit them, best fitting first, then soonest."""
    matcher = matcher or _DEFAULT
    wants = wants_of(person)
    found: list[EventSuggestion] = []
    for event in events:
        if event.day < today:
            continue
        scored: list[tuple[float, str]] = []
        for kind, want, weight in wants:
            for topic in [*event.topics, event.title]:
                link = matcher.link(want, topic, loose=kind == "interest")
                if link:
                    strength = weight * (1.5 if link.topics else 1.0)
                    scored.append((strength, explain(topic, kind, want, link)))
                    break
        if scored:
            scored.sort(key=lambda s: -s[0])
            reasons = tuple(dict.fromkeys(r for _s, r in scored))[:2]
            score = round(sum(s for s, _r in scored) * 100)
            found.append(EventSuggestion(event, reasons, person.id in event.invited, score))
    found.sort(key=lambda s: (-s.score, s.event.day, s.event.title.casefold(), s.event.id))
    return found[:limit]
