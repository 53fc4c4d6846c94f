"""Introductions I could make for someone, and peers they could compare notes with.

A helper is someone whose skills, headline, organisation or tags serve one of the person's
goals or aspirations, by a shared word or a shared topic of the topic map. Someone who has the
same goal is a peer, not a helper: they are offered apart, to compare notes with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from brilliance.domain.matching import NO_LINK, Link, Matcher
from brilliance.domain.models import Meeting, Person

INTRO_LIMIT = 5
PEER_LIMIT = 3
GOAL_WEIGHT = 1.0
ASPIRATION_WEIGHT = 0.5
TOPIC_WEIGHT = 2.0
"""A shared topic says more than one shared word: the map lists only phrases that mean it."""
OTHER_TOPIC = 0.6
"""Each further topic one line of theirs shares with the aim adds this much of its weight."""
EXTRA_SOURCE = 0.3
"""Each further skill that serves the same aim adds a little: depth, not only one line."""

_DEFAULT = Matcher()


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def aims_of(person: Person) -> list[tuple[str, str]]:
    """Their goals, then their aspirations (shortened), each with what kind of aim it is."""
    aims = [("goal", goal) for goal in person.goals]
    if person.aspirations.strip():
        aims.append(("aspiration", shorten(" ".join(person.aspirations.split()), 48)))
    return aims


def introductions_made(person_id: str, meetings: Iterable[Meeting]) -> set[str]:
    """Ids of people already introduced to (or from) this person, in any meeting."""
    made: set[str] = set()
    for meeting in meetings:
        if meeting.person_id == person_id:
            made.update(meeting.introductions)
        elif person_id in meeting.introductions:
            made.add(meeting.person_id)
    return made


def explain(source: str, kind: str, aim: str, link: Link) -> str:
    """One reason in plain words: what about them fits which aim, and through what."""
    reason = f"{source} -> {kind} '{aim}'"
    if not link.words and link.topics:
        reason += f" (both about {link.topics[0]})"
    return reason


@dataclass(frozen=True)
class Introduction:
    """Someone in my network who could help this person, and why."""

    person: Person
    reasons: tuple[str, ...]
    score: int

    def describe(self) -> str:
        return f"{self.person.name}: {'; '.join(self.reasons)}"


@dataclass(frozen=True)
class Peer:
    """Someone working toward the same thing: worth comparing notes with."""

    person: Person
    aim: str
    theirs: str

    def describe(self) -> str:
        if self.aim.casefold() == self.theirs.casefold():
            return f"{self.person.name}: also wants to '{self.theirs}'"
        return f"{self.person.name}: '{self.theirs}', close to '{self.aim}'"


def _sources(candidate: Person) -> list[tuple[str, float]]:
    sources = [(skill, 3.0) for skill in candidate.skills]
    sources += [(candidate.headline, 2.0), (candidate.organisation, 1.0)]
    sources += [(tag, 1.0) for tag in candidate.tags]
    return [(text, weight) for text, weight in sources if text.strip()]


SEPARATOR = " ; "


def _peer_goal(matcher: Matcher, candidate: Person, aim: str) -> str | None:
    # One comparison with all their goals at once rules most people out quickly: what two
    # phrases share, they share with the two written side by side.
    if not candidate.goals or matcher.link(aim, SEPARATOR.join(candidate.goals)) is NO_LINK:
        return None
    wanted = matcher.analyse(aim).strong
    for goal in candidate.goals:
        shared = matcher.link(aim, goal).words
        # The same goal, not merely the same field: at least half of the aim's words.
        # ("raise our second fund" is an investor's goal, not a peer of "raise a seed round".)
        if shared and len(shared) * 2 >= len(wanted):
            return goal
    return None


def suggest_peers(
    person: Person,
    network: Iterable[Person],
    matcher: Matcher | None = None,
    limit: int = PEER_LIMIT,
) -> list[Peer]:
    """People in my network whose own goals match one of this person's, by name."""
    matcher = matcher or _DEFAULT
    peers: list[Peer] = []
    for candidate in sorted(network, key=lambda c: (c.name.casefold(), c.id)):
        if candidate.id == person.id:
            continue
        for _kind, aim in aims_of(person):
            theirs = _peer_goal(matcher, candidate, aim)
            if theirs is not None:
                peers.append(Peer(candidate, aim, theirs))
                break
    return peers[:limit]


def suggest_introductions(
    person: Person,
    network: Iterable[Person],
    already_made: set[str],
    limit: int = INTRO_LIMIT,
    matcher: Matcher | None = None,
) -> list[Introduction]:
    """People whose skills, headline or organisation serve this person's aims, best first.

    A rare word or topic counts for more than a common one: in a network full of designers,
    "design" says little, while "seed investing" against "raise a seed round" says a lot. A
    candidate who shares the aim (a goal of their own that matches it) is a peer for that aim,
    never its helper.
    """
    matcher = matcher or _DEFAULT
    aims = aims_of(person)
    if not aims:
        return []
    candidates = [c for c in network if c.id != person.id and c.id not in already_made]
    # The sheet is rebuilt on every tick and swap: the same question gets the same answer.
    key = (matcher, tuple(aims), limit, tuple(_fingerprint(c) for c in candidates))
    known = _RECENT.get(key)
    if known is None:
        known = _rank(aims, candidates, limit, matcher)
        if len(_RECENT) >= RECENT_RESULTS:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = known
    current = {c.id: c for c in candidates}
    return [replace(i, person=current[i.person.id]) for i in known]


RECENT_RESULTS = 32
_RECENT: dict[object, tuple[Introduction, ...]] = {}


def _fingerprint(candidate: Person) -> tuple[object, ...]:
    """Everything about a candidate that the ranking reads."""
    c = candidate
    return (
        c.id,
        c.name,
        c.headline,
        c.organisation,
        tuple(c.skills),
        tuple(c.tags),
        tuple(c.goals),
    )


def rarity(count: int) -> float:
    """How much a word or topic that ``count`` candidates share says about one of them."""
    return float(count**-0.75)


def _rank(
    aims: list[tuple[str, str]], candidates: list[Person], limit: int, matcher: Matcher
) -> tuple[Introduction, ...]:
    profiles = []
    frequency: Counter[str] = Counter()
    for candidate in candidates:
        sources = _sources(candidate)
        texts = tuple(text for text, _weight in sources)
        frequency.update(matcher.keys(texts))
        profiles.append((candidate, sources, SEPARATOR.join(texts)))

    def strength(link: Link, aim_topics: Mapping[str, float]) -> float:
        found = sum(rarity(frequency.get(word, 1)) for word in link.words)
        # A phrase of the map says more about the aim than one word of it does, and what the
        # aim is about comes before its circumstances (see matching.topic_weights).
        each = sorted(
            (
                TOPIC_WEIGHT * rarity(frequency.get("#" + topic, 1)) * aim_topics.get(topic, 1.0)
                for topic in link.topics
            ),
            reverse=True,
        )
        # Kindred topics ("music" and "music as a hobby") are one reason, not two.
        return found + sum(each[:1]) + OTHER_TOPIC * sum(each[1:])

    found: list[Introduction] = []
    for candidate, sources, everything in profiles:
        reasons: list[tuple[float, str]] = []
        score = 0.0
        for kind, aim in aims:
            if matcher.link(aim, everything) is NO_LINK:
                continue
            if _peer_goal(matcher, candidate, aim) is not None:
                continue
            scored: list[tuple[float, str, Link]] = []
            aim_topics = matcher.analyse(aim).topic_weights
            for text, weight in sources:
                link = matcher.link(aim, text)
                if link:
                    scored.append((weight * strength(link, aim_topics), text, link))
            if not scored:
                continue
            scored.sort(key=lambda s: -s[0])
            best, text, link = scored[0]
            aim_score = best + EXTRA_SOURCE * sum(s[0] for s in scored[1:])
            # A stated goal is firmer ground than a sentence of aspirations.
            aim_score *= GOAL_WEIGHT if kind == "goal" else ASPIRATION_WEIGHT
            score += aim_score
            reasons.append((aim_score, explain(text, kind, aim, link)))
        if reasons:
            reasons.sort(key=lambda r: -r[0])
            found.append(
                Introduction(candidate, tuple(r[1] for r in reasons[:2]), round(score * 100))
            )
    found.sort(key=lambda i: (-i.score, i.person.name.casefold(), i.person.id))
    return tuple(found[:limit])
