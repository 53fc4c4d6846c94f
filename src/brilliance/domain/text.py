"""Reading @mentions and #tags out of free text.

Deliberately free of the models (and so of pydantic): ``brilliance note`` uses this to link
a quick note without paying for importing the whole domain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class Named(Protocol):
    """Anything with an id and a name: a Person, or a light record read from the file."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


# '@' starts a mention only at the start of the text or after something that is not part of
# a word, so that "ana@example.com" is an email, not a mention.
_MENTION_START = re.compile(r"(?<![\w.@])@(?=\w)")
_NEXT_WORD = re.compile(r"\w[\w'’.-]*")
_TAG = re.compile(r"(?<![\w&#/])#([^\W\d_][\w-]*)")


def fold(text: str) -> str:
    """Text for matching words: case-folded, accents kept."""
    return unicodedata.normalize("NFC", text).casefold()


def fold_name(text: str) -> str:
    """The one rule for finding people by name everywhere (List filter, command line, @ list,
    journal filter): case and accents ignored, so "tomas" finds Tomás. Where two names differ
    only by accents (Zoë, Zoe), an exact match is preferred by the callers."""
    # Compatibility forms fold to letters that may themselves have a case ("𝑨" -> "A"), so
    # decompose before and after casefolding: folding a folded name changes nothing.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


@dataclass(frozen=True)
class Mentions:
    """What the @mentions of a text refer to."""

    people: list[str] = field(default_factory=list)
    """Ids of the people mentioned, in order of first mention."""
    unknown: list[str] = field(default_factory=list)
    """Words after an @ that match no one (kept in the text as typed)."""


def _name_end_ok(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")


def parse_mentions(text: str, people: Iterable[Named]) -> Mentions:
    """Find @Full Name (or an unambiguous @FirstName) mentions of people in ``text``."""
    named = [p for p in people if p.name]
    by_name = sorted(((fold(p.name), p.id) for p in named), key=lambda item: -len(item[0]))
    # Accents ignored as a fallback ("@Tomas" finds Tomás); exact spellings are tried first.
    by_bare = sorted(((fold_name(p.name), p.id) for p in named), key=lambda item: -len(item[0]))
    first_names: dict[str, list[str]] = {}
    for name, person_id in by_bare:
        first_names.setdefault(name.split()[0], []).append(person_id)
    found: list[str] = []
    unknown: list[str] = []
    folded = fold(text)
    for match in _MENTION_START.finditer(text):
        start = match.end()
        rest = folded[start:]
        hit = next(
            (
                person_id
                for name, person_id in by_name
                if rest.startswith(name) and _name_end_ok(folded, start + len(name))
            ),
            None,
        )
        if hit is None:
            bare = fold_name(text[start : start + 200])
            hit = next(
                (
                    person_id
                    for name, person_id in by_bare
                    if bare.startswith(name)
                    and (len(bare) == len(name) or not bare[len(name)].isalnum())
                ),
                None,
            )
        if hit is not None:
            if hit not in found:
                found.append(hit)
        else:
            word_match = _NEXT_WORD.match(text, start)
            word = word_match.group(0).rstrip(".'’-") if word_match else ""
            candidates = first_names.get(fold_name(word), [])
            if len(candidates) == 1:
                if candidates[0] not in found:
                    found.append(candidates[0])
            elif word and word not in unknown:
                unknown.append(word)
    return Mentions(found, unknown)


def parse_tags(text: str) -> list[str]:
    """The #tags of a text, lower-cased, in order of first use. Markdown headings are not tags."""
    tags: list[str] = []
    for match in _TAG.finditer(text):
        tag = fold(match.group(1)).rstrip("-")
        if tag and tag not in tags:
            tags.append(tag)
    return tags
