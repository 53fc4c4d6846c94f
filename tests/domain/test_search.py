"""The Journal's search as you type (issue 19): from the last results where it can, always the
answer a fresh index gives."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from brilliance.domain import journal as journal_module
from brilliance.domain import search
from brilliance.domain.journal import JournalFilter, JournalIndex
from brilliance.domain.models import JournalEntry, updated
from brilliance.domain.search import WARM_CHUNK, Found, TypedSearch, matching, narrows

WORDS = ["tide", "tidal", "calm", "Sourdough", "sour", "launch", "ana", "Ångström"]


def fresh(entries: list[JournalEntry], wanted: JournalFilter) -> list[str]:
    return [e.id for e in JournalIndex().search(entries, wanted)]


def journal(rng: random.Random, count: int = 150) -> list[JournalEntry]:
    start = datetime(2026, 1, 1, 8)
    return [
        JournalEntry(
            id=f"e{n}",
            written_at=start + timedelta(hours=rng.randrange(2000)),
            text=" ".join(rng.choices(WORDS, k=4)),
            tags=rng.sample(["work", "home"], k=rng.randrange(3)),
        )
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("words", "earlier", "expected"),
    [
        (("sourdough",), ("sour",), True),
        (("sourdough",), ("dough",), True),
        (("sour", "tide"), ("tide",), True),
        (("sour",), ("sourdough",), False),  # erasing widens
        (("sour",), ("sour", "tide"), False),  # a word dropped widens
        (("sour",), (), True),
        (("sourtide",), ("sour", "tide"), True),
    ],
)
def test_narrows(words: tuple[str, ...], earlier: tuple[str, ...], expected: bool) -> None:
    assert narrows(words, earlier) is expected


def test_typing_and_erasing_answers_as_a_fresh_index_through_changes() -> None:
    rng = random.Random(19)
    entries = journal(rng)
    finder = TypedSearch()
    filters = [
        JournalFilter(),
        JournalFilter(tag="work"),
        JournalFilter(start=date(2026, 1, 20), end=date(2026, 2, 20)),
    ]
    for step in range(40):
        base = rng.choice(filters)
        phrase = rng.choice(["sourdough tide", "ångström", "tidal calm", "launch", "tide sour"])
        typed = [phrase[:n] for n in range(1, len(phrase) + 1)]
        for text in typed + typed[::-1]:  # typed a letter at a time, then erased
            wanted = JournalFilter(text, base.tag, base.person_id, base.start, base.end)
            got = [e.id for e in finder.search(entries, wanted)]
            assert got == fresh(entries, wanted), (step, text, base)
        if step % 4 != 3:  # the same journal searched again, from the results kept
            continue
        n = rng.randrange(len(entries))
        if step % 8 == 3:  # an edit: the text changes under the same id
            entries[n] = updated(
                entries[n],
                text=rng.choice(WORDS),
                updated_at=entries[n].updated_at + timedelta(minutes=1 + step),
            )
        else:
            del entries[n]


def test_a_word_typed_letter_by_letter_searches_the_whole_journal_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = journal(random.Random(7))
    finder = TypedSearch()
    looked: list[tuple[tuple[str, ...], int]] = []  # the words, how many entries looked at

    def counted(words: tuple[str, ...], among: list[JournalEntry], texts: list[str]) -> Found:
        looked.append((words, len(among)))
        return matching(words, among, texts)

    monkeypatch.setattr(search, "matching", counted)
    sizes = {}
    for n in range(1, len("sourdough") + 1):
        sizes["sourdough"[:n]] = len(finder.search(entries, JournalFilter("sourdough"[:n])))
    for n in range(len("sourdough") - 1, 0, -1):  # erased: each seen a moment ago
        finder.search(entries, JournalFilter("sourdough"[:n]))
    finder.search(entries, JournalFilter("sourdough tide"))  # a second word narrows too
    assert looked[0] == (("s",), len(entries))  # the whole journal once
    assert looked[1:] == [
        *((("sourdough"[:n],), sizes["sourdough"[: n - 1]]) for n in range(2, 10)),
        (("sourdough", "tide"), sizes["sourdough"]),
    ]
    finder.search(entries, JournalFilter("tide"))  # a new word: the whole journal
    assert looked[-1] == (("tide",), len(entries))


def test_a_changed_journal_is_searched_again() -> None:
    entries = journal(random.Random(3))
    finder = TypedSearch()
    before = finder.search(entries, JournalFilter("tide"))
    entries.append(JournalEntry(id="new", written_at=datetime(2030, 1, 1), text="tide"))
    after = finder.search(entries, JournalFilter("tide"))
    assert [e.id for e in after] == ["new", *(e.id for e in before)]


def test_the_warm_up_folds_every_text_a_step_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = journal(random.Random(5), count=2 * WARM_CHUNK + 1)
    finder = TypedSearch()
    steps = finder.warm_up(entries)
    assert sum(1 for _ in steps) == 3  # a key typed meanwhile is handled between two steps

    def no_more_folding(text: str) -> str:
        raise AssertionError("folded again")

    wanted = JournalFilter("tide")
    expected = fresh(entries, wanted)
    monkeypatch.setattr(journal_module, "fold", no_more_folding)
    assert [e.id for e in finder.search(entries, wanted)] == expected
