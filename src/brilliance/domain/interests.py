"""Shared interests: mine (from my profile) against theirs, by words and by pastime topics.

"hill walking" is shared with "hiking" through the topic map; "running" with "run" through
the stemmer; "photograpy" with "photography" through a forgiven slip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brilliance.domain.matching import Matcher, plain

_DEFAULT = Matcher()


@dataclass(frozen=True)
class SharedInterest:
    mine: str
    theirs: str
    topic: str = ""
    """The pastime both are about, when no word is shared."""

    def describe(self) -> str:
        if plain(self.mine) == plain(self.theirs):
            return self.theirs
        return f"{self.theirs} (you: {self.mine})"


def shared_interests(
    mine: Sequence[str], theirs: Sequence[str], matcher: Matcher | None = None
) -> list[SharedInterest]:
    """Their interests that match one of mine, by a shared word or a shared pastime."""
    matcher = matcher or _DEFAULT
    found: list[SharedInterest] = []
    for their_interest in theirs:
        for my_interest in mine:
            link = matcher.link(my_interest, their_interest, loose=True)
            if link:
                topic = "" if link.words else link.topics[0]
                found.append(SharedInterest(my_interest, their_interest, topic))
                break
    return found
