"""Loose matching of short phrases: "hiking" meets "Hike", "photography" meets "photographs".

Used for shared interests, introductions (skills against goals) and events (topics against
interests and goals). Deliberately small: lower-case, strip accents, a light stemmer, and a
similarity ratio for small spelling differences.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Role words say little about what someone can help with ("Community lead" and
# "hire a design lead" have nothing in common), so they never make a match on their own.
ROLE_WORDS = frozenset(
    [
        "lead",
        "head",
        "manager",
        "senior",
        "junior",
        "staff",
        "director",
        "chief",
        "officer",
        "team",
        "work",
        "job",
        "role",
        "company",
        "person",
        "people",
        "principal",
        "associate",
    ]
)

# Everyday adjectives match by accident ("small business loans" / "a small studio").
GENERIC_WORDS = frozenset(
    [
        "small",
        "big",
        "large",
        "little",
        "high",
        "low",
        "long",
        "short",
        "full",
        "real",
        "local",
        "global",
        "best",
        "kind",
        "help",
        "helps",
        "use",
        "using",
        "enjoy",
    ]
)

STOPWORDS = (
    ROLE_WORDS
    | GENERIC_WORDS
    | frozenset(
        [
            "a",
            "an",
            "and",
            "the",
            "of",
            "to",
            "in",
            "on",
            "for",
            "with",
            "at",
            "by",
            "from",
            "into",
            "about",
            "as",
            "is",
            "are",
            "be",
            "been",
            "being",
            "it",
            "its",
            "my",
            "our",
            "their",
            "his",
            "her",
            "your",
            "me",
            "we",
            "they",
            "them",
            "i",
            "you",
            "he",
            "she",
            "this",
            "that",
            "these",
            "those",
            "or",
            "but",
            "not",
            "no",
            "so",
            "than",
            "then",
            "too",
            "very",
            "can",
            "could",
            "would",
            "should",
            "will",
            "just",
            "get",
            "got",
            "make",
            "made",
            "more",
            "most",
            "some",
            "any",
            "all",
            "each",
            "every",
            "new",
            "next",
            "year",
            "years",
            "month",
            "months",
            "week",
            "weeks",
            "day",
            "days",
            "time",
            "lot",
            "better",
            "good",
            "great",
            "own",
            "way",
            "thing",
            "things",
            "want",
            "wants",
            "like",
            "one",
            "two",
            "three",
            "first",
            "last",
            "start",
        ]
    )
)

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SUFFIXES = ("ings", "ing", "ers", "er", "ies", "es", "s", "y", "e")
MIN_STEM = 3
SIMILAR = 0.84


@lru_cache(maxsize=20_000)
def plain(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A crude stem good enough for matching interests: hiking/hike -> hik."""
    word = plain(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            # running -> runn -> run, swimming -> swimm -> swim
            if len(word) > MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]
            return word
    return word


def keywords(text: str) -> list[str]:
    """The meaningful word stems of a phrase, in order, without stopwords."""
    return list(_keywords(text))


# The prep sheet matches every skill, headline and organisation in the network against each
# goal of one person: 300 people make some 5,000 comparisons of the same few hundred phrases.
# Remembering keywords and stem comparisons took building the sheet from 80 ms to a few.


@lru_cache(maxsize=20_000)
def _keywords(text: str) -> tuple[str, ...]:
    stems: list[str] = []
    for match in _WORD.finditer(plain(text)):
        word = match.group(0)
        if word in STOPWORDS or len(word) < 3:
            continue
        stemmed = stem(word)
        if stemmed not in stems:
            stems.append(stemmed)
    return tuple(stems)


@lru_cache(maxsize=50_000)
def stems_match(a: str, b: str) -> bool:
    """Two stems are the same word: equal, one inside the other (4+ letters), or nearly equal."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 4 and shorter in longer:
        return True
    if min(len(a), len(b)) >= 5:  # short words differ by one letter too often (chess/cheese)
        return SequenceMatcher(None, a, b).ratio() >= SIMILAR
    return False


def phrases_match(a: str, b: str) -> bool:
    """Whether two short phrases are about the same thing (any keyword in common)."""
    return bool(common_keywords(a, b))


def common_keywords(a: str, b: str) -> list[str]:
    """The keywords of ``a`` that match a keyword of ``b``."""
    theirs = _keywords(b)
    return [mine for mine in _keywords(a) if any(stems_match(mine, other) for other in theirs)]
