"""The Journal's search as you type (issue 19): each key searches again, but a query that only
adds to one searched a moment ago looks only through that one's matches, and a query searched
a moment ago (the key that erases a letter) is answered from memory."""

from __future__ import annotations

from collections.abc import Iterable

from brilliance.domain.journal import JournalFilter, JournalIndex
from brilliance.domain.models import JournalEntry
from brilliance.domain.text import fold

KEPT_QUERIES = 24
"""Results kept (the last queries typed): a word typed then erased letter by letter is ~20."""

Query = tuple[tuple[str, ...], JournalFilter]
"""The folded words searched, and the filter without its words."""


def narrows(words: tuple[str, ...], earlier: tuple[str, ...]) -> bool:
    """Whether every entry holding all of ``words`` holds all of ``earlier``: each earlier
    word is part of a word now searched ("sour" of "sourdough")."""
    return all(any(old in new for new in words) for old in earlier)


class TypedSearch:
    """``JournalIndex.search``'s answers, found from the last ones where they can be."""

    def __init__(self, index: JournalIndex | None = None) -> None:
        self.index = index if index is not None else JournalIndex()
        self._ordered: list[JournalEntry] | None = None
        """The journal (newest first) the kept results are of."""
        self._results: dict[Query, list[JournalEntry]] = {}

    def search(self, entries: Iterable[JournalEntry], wanted: JournalFilter) -> list[JournalEntry]:
        """Entries matching every word (anywhere, any case) and every filter, newest first, as
        ``JournalIndex.search`` gives them. The list may be given again: do not change it."""
        index = self.index
        given = list(entries)
        ordered = index.newest_first(given)
        if ordered is not self._ordered:  # the journal changed: nothing kept holds
            self._ordered, self._results = ordered, {}
        words = tuple(fold(wanted.words).split())
        query = (words, JournalFilter("", wanted.tag, wanted.person_id, wanted.start, wanted.end))
        results = self._results
        found = results.pop(query, None)
        if found is None:
            base = self._narrowest(query)
            if base is None:
                found = index.search(given, wanted)
            else:
                folded = index.folded
                if len(words) == 1:
                    word = words[0]
                    found = [entry for entry in base if word in folded(entry)]
                else:
                    found = [e for e in base if all(word in folded(e) for word in words)]
        results[query] = found  # the newest last
        if len(results) > KEPT_QUERIES:
            del results[next(iter(results))]
        return found

    def _narrowest(self, query: Query) -> list[JournalEntry] | None:
        """The fewest matches of a kept query that ``query`` only narrows, if any."""
        words, rest = query
        best: list[JournalEntry] | None = None
        for (earlier, earlier_rest), found in self._results.items():
            if (
                earlier_rest == rest
                and narrows(words, earlier)
                and (best is None or len(found) < len(best))
            ):
                best = found
        return best
