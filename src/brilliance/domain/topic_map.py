"""The topic map: which ways of phrasing a need belong to one professional topic (or pastime).

Read from ``assets/topics.toml`` (written by us). A phrase of several words is found by its
stems in order, a phrase of one word by its own inflections only (see ``word_key``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from brilliance.domain.stems import WORD_PATTERN, plain_once, stem, word_key, words_once
from brilliance.domain.wordlists import WEAK_WORDS

PHRASE_GAP = 2
"""How many other words may come between the words of one of the map's phrases."""
HINT_TOPICS = 3
"""A word found only inside phrases hints at their topics if it is in at most this many."""


@dataclass(frozen=True)
class Topic:
    """One area of need or expertise, and the phrases that name it."""

    label: str
    terms: tuple[tuple[str, ...], ...]
    """Each phrase of two words or more as its sequence of stems."""
    singles: frozenset[str] = frozenset()
    """Each phrase of one word, by its ``word_key``."""


@dataclass(frozen=True)
class Combination:
    """Two families of words that mean a topic when one of each is in the same text, in any
    order and at any distance: "money" with "prototype" is raising investment, "money" with
    "choir" a grant. A need is phrased in many more ways than a list of phrases can hold."""

    label: str
    needs: frozenset[str]
    """The words that say what is wanted ("money", "cash", "backers"), by ``word_key``: their
    inflections only ("friendly" is not "friends")."""
    contexts: frozenset[str]
    """The words that say for what or where ("startup", "prototype", "idea"), likewise."""


COMBINATIONS = "combinations"
"""The section of ``topics.toml`` for combinations: ``"label" = ["needs | contexts", ...]``."""


def _combinations(section: Mapping[str, object], labels: set[str]) -> list[Combination]:
    found = []
    for label, rules in section.items():
        if label not in labels:
            raise ValueError(f"combination {label!r}: no topic of that name")
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ValueError(f"combination {label!r}: a list of 'needs | contexts' lines")
        for rule in rules:
            needs, bar, contexts = rule.partition("|")
            if not bar:
                raise ValueError(f"combination {label!r}: {rule!r} has no '|'")
            found.append(
                Combination(
                    label,
                    frozenset(word_key(w) for w in words_once(needs)),
                    frozenset(word_key(w) for w in words_once(contexts)),
                )
            )
    return found


def _distinctive(phrase: str, found: list[str]) -> bool:
    """Whether a phrase of the map says enough to stand for its topic.

    A phrase cut down to a single word ("eating out" to "eating", "staff up" to "staff")
    means something else, so it is left out rather than read too widely; so is a single word
    whose stem is a weak word's ("wellness" stems to "well"). Two weak words together ("find
    a head") still make a phrase.
    """
    if not found:
        return False
    if len(found) == 1:
        if len(WORD_PATTERN.findall(plain_once(phrase))) > 1:
            return False
        return stem(found[0]) not in _weak_stems()
    return True


@lru_cache(maxsize=1)
def _weak_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in WEAK_WORDS)


class TopicMap:
    """Finds the topics a phrase is about, by whole phrases of stems."""

    def __init__(self, topics: Iterable[Topic], combinations: Iterable[Combination] = ()) -> None:
        self.topics = tuple(topics)
        self._combinations: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for combination in combinations:
            for need in combination.needs:
                self._combinations.setdefault(need, []).append(
                    (combination.label, combination.contexts)
                )
        # Phrases by their first two words: only those can start where a text's words do.
        self._by_pair: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], str], ...]]
        self._singles: dict[str, tuple[str, ...]]
        vocabulary: dict[str, set[str]] = {}
        for topic in self.topics:
            for term in topic.terms:
                for word in term:
                    vocabulary.setdefault(word, set()).add(topic.label)
        # (An empty map, made at import time, must not load the stemmer for its weak words.)
        weak = _weak_stems() if vocabulary else frozenset()
        # A word of the map's phrases that belongs to only a few topics hints at them.
        self._hints = {
            word: tuple(sorted(labels))
            for word, labels in vocabulary.items()
            if len(labels) <= HINT_TOPICS and word not in weak
        }
        by_pair: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        singles: dict[str, list[str]] = {}
        for topic in self.topics:
            for term in topic.terms:
                if len(term) > 1:
                    by_pair.setdefault(term[:2], []).append((term, topic.label))
            for key in topic.singles:
                singles.setdefault(key, []).append(topic.label)
        # Kept as tuples: a list keeps room to grow (the map is read, never changed).
        self._by_pair = {pair: tuple(found) for pair, found in by_pair.items()}
        self._singles = {key: tuple(labels) for key, labels in singles.items()}

    @classmethod
    def parse(cls, data: Mapping[str, object]) -> TopicMap:
        """Read ``assets/topics.toml``: each topic's label, then its phrases, comma separated."""
        topics: list[Topic] = []
        for name, section in data.items():
            if not isinstance(section, Mapping) or name == COMBINATIONS:
                continue
            for label, phrases in section.items():
                if not isinstance(phrases, str):
                    raise ValueError(f"topic {label!r}: phrases must be one string")
                terms: set[tuple[str, ...]] = set()
                singles: set[str] = set()
                for phrase in phrases.split(","):
                    found = words_once(phrase)  # read once: kept in no cache
                    if not _distinctive(phrase, found):
                        continue
                    if len(found) == 1:
                        singles.add(word_key(found[0]))
                    else:
                        terms.add(tuple(stem(w) for w in found))
                topics.append(Topic(str(label), tuple(sorted(terms)), frozenset(singles)))
        rules = data.get(COMBINATIONS, {})
        if not isinstance(rules, Mapping):
            raise ValueError(f"[{COMBINATIONS}] must be a table")
        return cls(topics, _combinations(rules, {t.label for t in topics}))

    def __len__(self) -> int:
        return len(self.topics)

    def find(self, stems: tuple[str, ...], keys: tuple[str, ...] = ()) -> frozenset[str]:
        """Labels of every topic one of whose phrases appears in ``stems``.

        ``keys`` are the same words' ``word_key``s, for the map's phrases of one word.

        A phrase's words must come in order, with at most ``PHRASE_GAP`` other words among
        them: "seed round" is found in "raise our first seed round", and "spot patterns" in
        "spot fraud patterns".

        A word that belongs to a longer phrase found here takes that phrase's sense and no
        other: "cap tables" is about investment, not furniture; "intellectual property" is
        not about houses.
        """
        return frozenset(self.find_sized(stems, keys))

    def find_sized(self, stems: tuple[str, ...], keys: tuple[str, ...] = ()) -> dict[str, int]:
        """Like ``find``, with the number of words of the longest phrase found word for word
        for each topic (1 for a single word, or a phrase found with other words among its own).
        """
        return {label: size for label, (size, _at) in self.find_placed(stems, keys).items()}

    def find_placed(
        self, stems: tuple[str, ...], keys: tuple[str, ...] = ()
    ) -> dict[str, tuple[int, int]]:
        """Like ``find_sized``, with where each topic is first found (the index of a word)."""
        found: dict[str, int] = {}
        place: dict[str, int] = {}
        matches: list[tuple[str, tuple[int, ...]]] = []
        for start, first in enumerate(stems):
            tried: set[str] = set()
            for second in stems[start + 1 : start + 2 + PHRASE_GAP]:
                if second in tried:
                    continue
                tried.add(second)
                for term, label in self._by_pair.get((first, second), ()):
                    positions = _in_order(term, stems, start, PHRASE_GAP)
                    if positions:
                        matches.append((label, positions))
        # Phrases found word for word first; a phrase with words between its own may not
        # take a word of one of them ("make our help desk" is not "make a desk").
        whole = [(label, p) for label, p in matches if p[-1] - p[0] == len(p) - 1]
        covered: set[int] = set()
        for label, positions in whole:
            found[label] = max(found.get(label, 0), len(positions))
            place[label] = min(place.get(label, positions[0]), positions[0])
            covered.update(positions)
        taken = set(covered)
        for label, positions in matches:
            if positions[-1] - positions[0] != len(positions) - 1 and taken.isdisjoint(positions):
                found.setdefault(label, 1)  # with other words among its own: less sure
                place[label] = min(place.get(label, positions[0]), positions[0])
                covered.update(positions)
        for position, key in enumerate(keys):
            if position not in covered:
                for label in self._singles.get(key, ()):
                    found.setdefault(label, 1)
                    place[label] = min(place.get(label, position), position)
        # A word that says what is wanted, with a word that says for what, anywhere else.
        for position, key in enumerate(keys):
            if position in taken:
                continue
            for label, contexts in self._combinations.get(key, ()):
                where = [
                    at for at, other in enumerate(keys) if at != position and other in contexts
                ]
                if where:
                    found[label] = max(found.get(label, 0), 2)
                    place[label] = min(place.get(label, position), position, where[0])
        return {label: (size, place[label]) for label, size in found.items()}

    def hints_placed(self, stems: tuple[str, ...]) -> dict[str, int]:
        """Like ``hints``, with where each topic is first hinted at."""
        found: dict[str, int] = {}
        for position, word in enumerate(stems):
            for label in self._hints.get(word, ()):
                found.setdefault(label, position)
        return found

    def hints(self, stems: tuple[str, ...]) -> tuple[str, ...]:
        """Topics that a text's words hint at, when no phrase of the map is found in it.

        "a sore neck" holds no phrase, but "neck" appears only in phrases about injuries.
        """
        found: dict[str, None] = {}
        for word in stems:
            for label in self._hints.get(word, ()):
                found[label] = None
        return tuple(found)


def _in_order(
    term: tuple[str, ...], stems: tuple[str, ...], start: int, gap: int = PHRASE_GAP
) -> tuple[int, ...]:
    """Where the words of ``term`` are, if they follow ``start`` in order; else nothing."""
    positions, position, skipped = [start], start + 1, 0
    for word in term[1:]:
        while position < len(stems) and stems[position] != word:
            position += 1
            skipped += 1
            if skipped > gap:
                return ()
        if position >= len(stems):
            return ()
        positions.append(position)
        position += 1
    return tuple(positions)


EMPTY_MAP = TopicMap(())
