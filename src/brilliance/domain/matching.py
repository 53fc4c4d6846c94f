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

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from brilliance.domain.wordlists import FUNCTION_WORDS, WEAK_WORDS

PHRASE_GAP = 2
"""How many other words may come between the words of one of the map's phrases."""
SLIP_MIN = 6
"""Stems shorter than this must match exactly."""
LINK_CACHE = 200_000
"""How many comparisons a matcher remembers (the prep sheet makes some 8,000 per person)."""

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_AMERICAN = re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)$")


@lru_cache(maxsize=20_000)
def plain(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _load_stemmer() -> Callable[[str], str]:
    """Snowball's English stemmer (PyStemmer), loaded on first use only."""
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - a broken install: match on plain words then
        return lambda word: word
    english = Stemmer.Stemmer("english")
    return lambda word: str(english.stemWord(word))


_stemmer: Callable[[str], str] | None = None

# Where the stemmer makes one word of two meanings: a developer writes software, while
# development is growth ("leadership development").
STEM_EXCEPTIONS = {
    "developer": "developer",
    "developers": "developer",
    # "secure funding" is not security; a "programme" of work is not programming.
    "secure": "secure",
    "secured": "secure",
    "securing": "secure",
    "programme": "programme",
    "programmes": "programme",
}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Snowball stem of one plain word, British and American spellings made one."""
    global _stemmer
    if _stemmer is None:
        _stemmer = _load_stemmer()
    word = _AMERICAN.sub(lambda m: "is" + m.group(1), word) if len(word) > 5 else word
    word = word.replace("’", "'").removesuffix("'s")
    return STEM_EXCEPTIONS.get(word) or _stemmer(word)


INFLECTIONS = frozenset({"", "s", "es", "ed", "d", "ing", "e", "ies", "ied", "y"})
"""Endings that change a word's form, not its sense: "investing" is "invest", while
"nationality" is not "national" and "musicals" not "music"."""


@lru_cache(maxsize=50_000)
def word_key(word: str) -> str:
    """The stem of one plain word if only an inflection was cut off, else the word itself.

    Snowball's stems join words of one family ("nationality", "national" -> "nation"); one
    word of the topic map, read alone, must mean its topic, so it matches only the word's
    inflections ("invest", "investing", "invests"), and its own plural.
    """
    root = stem(word)
    if not word.startswith(root):
        return root  # an inflection that changed a letter: "hiking" -> "hike", "studies" -> "studi"
    rest = word[len(root) :]
    if rest in INFLECTIONS or (rest[:1] == root[-1:] and rest[1:] in INFLECTIONS):
        return root  # "running" -> "run"
    return word.removesuffix("s") if len(word) > 3 and not word.endswith("ss") else word


def words(text: str) -> list[str]:
    """The plain whole words of a text, function words left out.

    A hyphenated word is one word ("co-founder" is not "founder", "front-end" is "frontend").
    """
    found = []
    for match in _WORD.finditer(plain(text)):
        word = match.group(0).replace("-", "")
        if word not in FUNCTION_WORDS:
            found.append(word)
    return found


def edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``limit`` insertions, deletions or changes."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


@lru_cache(maxsize=50_000)
def stems_match(a: str, b: str) -> bool:
    """The same word: equal stems, or a slip of one letter in a long word (two in a longer)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if (
        shorter < SLIP_MIN or a[0] != b[0]
    ):  # short words differ by a letter too often (chess/cheese)
        return False
    return edit_distance_at_most(a, b, 2 if shorter >= 9 else 1)


# -- the topic map ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """One area of need or expertise, and the phrases that name it."""

    label: str
    terms: tuple[tuple[str, ...], ...]
    """Each phrase of two words or more as its sequence of stems."""
    singles: frozenset[str] = frozenset()
    """Each phrase of one word, by its ``word_key``."""


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
        if len(_WORD.findall(plain(phrase))) > 1:
            return False
        return stem(found[0]) not in _weak_stems()
    return True


@lru_cache(maxsize=1)
def _weak_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in WEAK_WORDS)


class TopicMap:
    """Finds the topics a phrase is about, by whole phrases of stems."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = tuple(topics)
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._singles: dict[str, list[str]] = {}
        for topic in self.topics:
            for term in topic.terms:
                if term:
                    self._by_first.setdefault(term[0], []).append((term, topic.label))
            for key in topic.singles:
                self._singles.setdefault(key, []).append(topic.label)

    @classmethod
    def parse(cls, data: Mapping[str, object]) -> TopicMap:
        """Read ``assets/topics.toml``: each topic's label, then its phrases, comma separated."""
        topics: list[Topic] = []
        for section in data.values():
            if not isinstance(section, Mapping):
                continue
            for label, phrases in section.items():
                if not isinstance(phrases, str):
                    raise ValueError(f"topic {label!r}: phrases must be one string")
                terms: set[tuple[str, ...]] = set()
                singles: set[str] = set()
                for phrase in phrases.split(","):
                    found = words(phrase)
                    if not _distinctive(phrase, found):
                        continue
                    if len(found) == 1:
                        singles.add(word_key(found[0]))
                    else:
                        terms.add(tuple(stem(w) for w in found))
                topics.append(Topic(str(label), tuple(sorted(terms)), frozenset(singles)))
        return cls(topics)

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
        found: dict[str, int] = {}
        covered: set[int] = set()
        # Phrases found word for word first; a phrase with words between its own may not
        # take a word of one of them ("make our help desk" is not "make a desk").
        for gap in (0, PHRASE_GAP):
            taken = set(covered)
            for start, first in enumerate(stems):
                for term, label in self._by_first.get(first, ()):
                    positions = _in_order(term, stems, start, gap)
                    if not positions or not taken.isdisjoint(positions):
                        continue
                    # A phrase found with other words among its own is less sure.
                    size = 1 if gap else len(term)
                    found[label] = max(found.get(label, 0), size)
                    covered.update(positions)
        for position, key in enumerate(keys):
            if position not in covered:
                for label in self._singles.get(key, ()):
                    found.setdefault(label, 1)
        return found


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
    """For each topic, how many words the longest phrase that found it has."""

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
        sized = self.topic_map.find_sized(stems, keys)
        analysis = Analysis(stems, strong, frozenset(sized), sized)
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
        if not shared and not topics:
            return NO_LINK
        return Link(tuple(shared), tuple(sorted(topics)))


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
