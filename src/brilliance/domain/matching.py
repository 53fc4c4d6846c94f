"""Matching short phrases by meaning: "raise a seed round" meets "angel investor".

Two signals, both on whole words only (never a piece inside another word):

- **Words**: a real stemmer (Snowball's English, from PyStemmer) makes "investing" meet
  "invest" and "hiking" meet "hikes"; a bounded edit distance forgives a slip in a long word
  ("photograpy").
- **Topics**: a map written by us (``assets/topics.toml``) says which ways of phrasing a need
  and which skills, roles and organisations belong to one professional topic (or one pastime),
  so that "protect our invention" meets "patent attorney" with no word in common.

Used by introductions, events and shared interests alike. The stemmer loads on first use, so
importing this module costs nothing before the app's first frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from brilliance.domain.stems import (
    SLIP_MIN,
    edit_distance_at_most,
    plain,
    stem,
    stems_match,
    word_key,
    words,
)
from brilliance.domain.topic_map import EMPTY_MAP, PHRASE_GAP, Topic, TopicMap
from brilliance.domain.wordlists import WEAK_WORDS

__all__ = [
    "EMPTY_MAP",
    "NO_LINK",
    "PHRASE_GAP",
    "SLIP_MIN",
    "Analysis",
    "Link",
    "Matcher",
    "Topic",
    "TopicMap",
    "common_keywords",
    "edit_distance_at_most",
    "keywords",
    "phrases_match",
    "plain",
    "stem",
    "stems_match",
    "word_key",
    "words",
]

LINK_CACHE = 200_000
"""How many comparisons a matcher remembers (the prep sheet makes some 8,000 per person)."""


# -- analysing and comparing phrases -------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """What a phrase is made of, for comparing it with others."""

    stems: tuple[str, ...]
    """Every word's stem, function words left out, in order."""
    strong: tuple[str, ...]
    """The stems that can make a match alone (no role titles, no everyday verbs)."""
    topics: frozenset[str]
    topic_words: Mapping[str, int] = field(default_factory=dict)
    """For each topic, how many words the longest phrase that found it has (0: a hint)."""
    topic_weights: Mapping[str, float] = field(default_factory=dict)
    """How much each topic says about the phrase as someone's aim (see ``topic_weights``)."""

    @cached_property
    def all_set(self) -> frozenset[str]:
        return frozenset(self.stems)

    @cached_property
    def strong_set(self) -> frozenset[str]:
        return frozenset(self.strong)

    @cached_property
    def long_initials(self) -> frozenset[str]:
        """First letters of the stems long enough for a slip to be forgiven."""
        return frozenset(s[0] for s in self.stems if len(s) >= SLIP_MIN)


@dataclass(frozen=True)
class Link:
    """Why two phrases are about the same thing."""

    words: tuple[str, ...]
    """Stems of ``a`` that match a stem of ``b``."""
    topics: tuple[str, ...]
    """Topics both phrases are about."""

    def __bool__(self) -> bool:
        return bool(self.words or self.topics)


NO_LINK = Link((), ())


class Matcher:
    """Compares phrases by words and topics; remembers every phrase it has read."""

    def __init__(self, topics: TopicMap = EMPTY_MAP) -> None:
        self.topic_map = topics
        self._seen: dict[str, Analysis] = {}
        self._links: dict[tuple[str, str, bool], Link] = {}
        self._keys: dict[tuple[str, ...], frozenset[str]] = {}

    def analyse(self, text: str) -> Analysis:
        known = self._seen.get(text)
        if known is not None:
            return known
        plain_words = words(text)
        stems = tuple(stem(w) for w in plain_words)
        strong = tuple(
            dict.fromkeys(s for w, s in zip(plain_words, stems, strict=True) if w not in WEAK_WORDS)
        )
        keys = tuple(word_key(w) for w in plain_words)
        placed = self.topic_map.find_placed(stems, keys)
        if not placed:
            # No phrase of the map: its words may still hint at a topic (counted as size 0).
            placed = {t: (0, at) for t, at in self.topic_map.hints_placed(strong).items()}
        sized = {topic: size for topic, (size, _at) in placed.items()}
        analysis = Analysis(stems, strong, frozenset(sized), sized, topic_weights(placed))
        self._seen[text] = analysis
        return analysis

    def keys(self, texts: tuple[str, ...]) -> frozenset[str]:
        """The strong stems and topics ("#label") of some texts together, for counting."""
        known = self._keys.get(texts)
        if known is None:
            found: set[str] = set()
            for text in texts:
                analysis = self.analyse(text)
                found.update(analysis.strong)
                found.update("#" + topic for topic in analysis.topics)
            known = self._keys[texts] = frozenset(found)
        return known

    def link(self, a: str, b: str, *, loose: bool = False) -> Link:
        """What ``a`` and ``b`` share. ``loose`` lets weak words match (for pastimes)."""
        key = (a, b, loose)
        known = self._links.get(key)
        if known is None:
            known = self._compare(self.analyse(a), self.analyse(b), loose)
            if len(self._links) >= LINK_CACHE:
                self._links.clear()
            self._links[key] = known
        return known

    @staticmethod
    def _compare(first: Analysis, second: Analysis, loose: bool) -> Link:
        mine = tuple(dict.fromkeys(first.stems)) if loose else first.strong
        theirs_set = second.all_set if loose else second.strong_set
        initials = second.long_initials
        shared: list[str] = []
        for word in mine:
            if word in theirs_set or (
                len(word) >= SLIP_MIN
                and word[0] in initials
                # Only now the slow way: a slip of a letter in a long word.
                and any(stems_match(word, other) for other in theirs_set)
            ):
                shared.append(word)
        topics = first.topics & second.topics
        if shared and not topics and _phrased(first) and _phrased(second):
            # Both sides are phrases of the map with different meanings: the word they share
            # means different things ("public speaking" and "public sector").
            shared = []
        if not shared and not topics:
            return NO_LINK
        return Link(tuple(shared), tuple(sorted(topics)))


PHRASE_TOPIC = 3.0
"""A topic found by a phrase of several words counts this much more than one found by a word."""
HINT_TOPIC = 0.5
"""A topic only hinted at by a word of the map's phrases counts half."""
LATER_TOPIC = 0.6
"""A topic found after another one counts this much: what someone wants comes first, the
circumstances after ("take photos of our new menu" is about photography, not menus)."""


def topic_weights(placed: Mapping[str, tuple[int, int]]) -> dict[str, float]:
    """Each topic's weight for an aim, by the size of the phrase that found it and its place."""
    if not placed:
        return {}
    # An aim's first word alone is mostly its verb ("design a menu", "teach my son to sing"):
    # the first thing named after it counts as much.
    named = [at for size, at in placed.values() if size > 1 or at > 0]
    earliest = min(named or [at for _size, at in placed.values()])
    weights = {}
    for topic, (size, at) in placed.items():
        weight = PHRASE_TOPIC if size > 1 else 1.0 if size else HINT_TOPIC
        weights[topic] = weight * (1.0 if at in (0, earliest) else LATER_TOPIC)
    return weights


def _phrased(analysis: Analysis) -> bool:
    """Whether the map found a topic in it by a phrase of several words."""
    return any(size > 1 for size in analysis.topic_words.values())


_plain_matcher = Matcher()


def keywords(text: str) -> list[str]:
    """The stems of a phrase that can make a match on their own, in order."""
    return list(_plain_matcher.analyse(text).strong)


def common_keywords(a: str, b: str) -> list[str]:
    """The strong stems of ``a`` that match one of ``b``, words only (no topic map)."""
    return list(_plain_matcher.link(a, b).words)


def phrases_match(a: str, b: str) -> bool:
    """Whether two short phrases share a meaningful word (whole words, no topic map)."""
    return bool(common_keywords(a, b))
