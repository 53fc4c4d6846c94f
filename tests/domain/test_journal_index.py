"""JournalIndex keeps the entries' order and folded texts between searches (issue 19) and
still answers as a fresh index would once the entries change."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from brilliance.domain.journal import JournalFilter, JournalIndex
from brilliance.domain.models import JournalEntry, updated

WORDS = ["tide", "calm", "Sourdough", "launch", "ana"]


def fresh(entries: list[JournalEntry], wanted: JournalFilter) -> list[str]:
    return [e.id for e in JournalIndex().search(entries, wanted)]


def test_a_kept_index_answers_as_a_fresh_one_through_changes() -> None:
    rng = random.Random(19)
    start = datetime(2026, 1, 1, 8)
    entries = [
        JournalEntry(
            id=f"e{n}",
            written_at=start + timedelta(hours=rng.randrange(2000)),
            text=" ".join(rng.choices(WORDS, k=3)),
        )
        for n in range(200)
    ]
    index = JournalIndex()
    queries = [JournalFilter(w) for w in ["", "tide", "sourdough calm", "x"]]
    for step in range(60):
        for wanted in queries:
            got = [e.id for e in index.search(entries, wanted)]
            assert got == fresh(entries, wanted), (step, wanted)
        n = rng.randrange(len(entries))
        change = rng.randrange(3)
        if change == 0:  # an edit: new text and a later time, so the order changes too
            entries[n] = updated(
                entries[n],
                text=" ".join(rng.choices(WORDS, k=2)),
                written_at=start + timedelta(hours=rng.randrange(2000)),
                updated_at=entries[n].updated_at + timedelta(minutes=1 + step),
            )
        elif change == 1:
            del entries[n]
        else:
            entries.append(JournalEntry(id=f"new{step}", written_at=start, text=rng.choice(WORDS)))
