"""The Journal's search as you type (issue 19): each key searches again, but a query that only
adds to one searched a moment ago looks only through that one's matches, and a query searched
a moment ago (the key that erases a letter) is answered from memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from brilliance.domain.journal import JournalFilter, JournalIndex
from brilliance.domain.models import JournalEntry
from brilliance.domain.text import fold

WARM_CHUNK = 300
"""Entries folded in one step of the warm-up (about a millisecond)."""
KEPT_QUERIES = 24
"""Results kept (the last queries typed): a word typed then erased letter by letter is ~20."""

Query = tuple[tuple[str, ...], JournalFilter]
"""The folded words searched, and the filter without its words."""
Found = tuple[list[JournalEntry], list[str]]
"""Matching entries newest first, and their folded texts (side by side)."""


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
        self._results: dict[Query, Found] = {}

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
        kept = results.pop(query, None)
        if kept is None:
            base = self._narrowest(query)
            if base is None and wanted.active_besides_words:
                found = index.search(given, wanted)
                folded = index.folded
                kept = (found, [folded(entry) for entry in found])
            else:
                # The entries to look through with their folded texts, side by side: the
                # matches of a query this one narrows, or the whole journal.
                kept = matching(words, *(base or (ordered, index.texts(ordered))))
        results[query] = kept  # the newest last
        if len(results) > KEPT_QUERIES:
            del results[next(iter(results))]
        return kept[0]

    def warm_up(self, entries: Iterable[JournalEntry]) -> Iterator[None]:
        """Fold the entries' texts for the first search, a step (``WARM_CHUNK`` entries) at a
        time: the first letter typed then searches folded texts (3,650 entries: ~15 ms of
        folding done before it, in steps a key can come between)."""
        index = self.index
        ordered = index.newest_first(list(entries))
        folded = index.folded
        for start in range(0, len(ordered), WARM_CHUNK):
            for entry in ordered[start : start + WARM_CHUNK]:
                folded(entry)
            yield
        index.texts(ordered)

    def _narrowest(self, query: Query) -> Found | None:
        """The fewest matches of a kept query that ``query`` only narrows, if any."""
        words, rest = query
        best: Found | None = None
        for (earlier, earlier_rest), found in self._results.items():
            if (
                earlier_rest == rest
                and narrows(words, earlier)
                and (best is None or len(found[0]) < len(best[0]))
            ):
                best = found
        return best


def matching(words: tuple[str, ...], entries: list[JournalEntry], texts: list[str]) -> Found:
    """The entries (and their folded texts) whose folded text holds every word."""
    if len(words) == 1:
        word = words[0]  # the common case while typing: one plain comprehension
        pairs = [(entry, text) for entry, text in zip(entries, texts, strict=True) if word in text]
    else:
        pairs = [
            (entry, text)
            for entry, text in zip(entries, texts, strict=True)
            if all(word in text for word in words)
        ]
    return [entry for entry, _ in pairs], [text for _, text in pairs]
