"""Words of a phrase, and their stems: the ground every comparison of meaning stands on.

Whole words only (never a piece inside another word); a real stemmer (Snowball's English, from
PyStemmer) makes "investing" meet "invest"; a bounded edit distance forgives a slip in a long
word ("photograpy"). The stemmer loads on first use, so importing this costs nothing before the
app's first frame.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from brilliance.domain.wordlists import FUNCTION_WORDS

SLIP_MIN = 6
"""Stems shorter than this must match exactly."""

WORD_PATTERN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_AMERICAN = re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)$")


def plain_once(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe'. Not remembered: for a text read once
    (the topic map's eleven thousand phrases would otherwise stay in ``plain``'s cache)."""
    if text.isascii():  # most text, and every phrase of the topic map: no accents to strip
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


plain = lru_cache(maxsize=20_000)(plain_once)
"""Lower case without accents: 'Café' -> 'cafe' (remembered: phrases are compared often)."""


def _load_stemmer() -> Callable[[str], str]:
    """Snowball's English stemmer (PyStemmer), loaded on first use only."""
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - a broken install: match on plain words then
        return lambda word: word
    # No cache of its own (it keeps 10,000 words by default): ``stem`` remembers already.
    english = Stemmer.Stemmer("english", 0)
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
    word = word.replace("’", "'").removesuffix("'s")  # "the company's" is "company"
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
    return words_of_plain(plain(text))


def words_once(text: str) -> list[str]:
    """Like ``words``, for a text read once (see ``plain_once``)."""
    return words_of_plain(plain_once(text))


def words_of_plain(text: str) -> list[str]:
    """The whole words of a text already made plain, function words left out."""
    found = []
    previous = ""
    for match in WORD_PATTERN.finditer(text):
        word = match.group(0).replace("-", "")
        # "a" is a small word, except as the name of a round ("series A" is not "series").
        if word not in FUNCTION_WORDS or (word == "a" and previous == "series"):
            found.append(word)
        previous = word
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
