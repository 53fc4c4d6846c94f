"""Journal logic: mentions, tags, prompt of the day, streaks, search."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brilliance import assets
from brilliance.domain.content import Prompt
from brilliance.domain.journal import (
    JournalFilter,
    JournalIndex,
    first_line,
    journal_streak,
    mention_query,
    parse_mentions,
    parse_tags,
    prompt_of_the_day,
    snippet,
    suggest_names,
    with_text,
)
from brilliance.domain.models import JournalEntry, Person

ANA = Person(id="ana", name="Ana Lima", on_list=True)
ANABEL = Person(id="anabel", name="Anabel Souza")
ZOE = Person(id="zoe", name="Zoë Ångström")
JOSE = Person(id="jose", name="José María de la Cruz")
PEOPLE = [ANA, ANABEL, ZOE, JOSE]


@pytest.mark.parametrize(
    ("text", "people", "unknown"),
    [
        ("Lunch with @Ana Lima about her launch", ["ana"], []),
        ("@ana lima, then @ANABEL SOUZA.", ["ana", "anabel"], []),
        ("Walk with @Zoë Ångström", ["zoe"], []),
        ("Met @José María de la Cruz today", ["jose"], []),
        ("Coffee with @Anabel", ["anabel"], []),  # unique first name
        ("Coffee with @Zoë and @Zoë again", ["zoe"], []),
        ("Mail ana@lima.dev about it", [], []),  # an email, not a mention
        ("Nobody @ the end @", [], []),
        ("Ends with @", [], []),
        ("Lunch with @Ana", ["ana"], []),  # Ana is a unique first name; Anabel is another word
        ("@Anastasia was there", [], ["Anastasia"]),
        ("Call @Ana Lima.", ["ana"], []),
        ("Call @Ana Limaxyz", ["ana"], []),  # not "Ana Lima"; "Ana" is a unique first name
        ("Two lines\n@Ana Lima\nand @Bob.", ["ana"], ["Bob"]),
    ],
)
def test_parse_mentions(text: str, people: list[str], unknown: list[str]) -> None:
    found = parse_mentions(text, PEOPLE)
    assert found.people == people
    assert found.unknown == unknown


def test_longest_name_wins() -> None:
    short = Person(id="a", name="Ana")
    long = Person(id="b", name="Ana Lima")
    assert parse_mentions("with @Ana Lima", [short, long]).people == ["b"]
    assert parse_mentions("with @Ana Li", [short, long]).people == ["a"]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("about her #launch and #Launch", ["launch"]),
        ("# A heading\n## Another", []),
        ("issue #42 is not a tag but #q4-plan is", ["q4-plan"]),
        ("a#b is not a tag, &#39; neither", []),
        ("#café #naïve", ["café", "naïve"]),
    ],
)
def test_parse_tags(text: str, tags: list[str]) -> None:
    assert parse_tags(text) == tags


def test_mention_query() -> None:
    assert mention_query("lunch with @") == ""
    assert mention_query("lunch with @Ana L") == "Ana L"
    assert mention_query("mail ana@exa") is None
    assert mention_query("no at sign") is None
    assert mention_query("@Ana, and more") is None


def test_suggest_names_prefers_prefix_and_the_list() -> None:
    names = [p.name for p in suggest_names("an", PEOPLE)]
    assert names[:2] == ["Ana Lima", "Anabel Souza"]
    assert [p.name for p in suggest_names("lim", PEOPLE)] == ["Ana Lima"]
    assert [p.name for p in suggest_names("ngstr", PEOPLE)] == ["Zoë Ångström"]


def test_with_text_links_people_and_tags() -> None:
    entry = JournalEntry(written_at=datetime(2026, 11, 24, 9))
    linked = with_text(entry, "Lunch with @Ana Lima about her #launch", PEOPLE)
    assert linked.people == ["ana"]
    assert linked.tags == ["launch"]
    assert linked.id == entry.id


def test_prompt_of_the_day_is_stable_and_cycles() -> None:
    deck = assets.prompts()
    day = date(2026, 11, 24)
    assert prompt_of_the_day(deck, day) == prompt_of_the_day(list(reversed(deck)), day)
    cycle = {prompt_of_the_day(deck, day + timedelta(days=n)).id for n in range(len(deck))}
    assert len(cycle) == len(deck)  # every prompt once before any repeats
    with pytest.raises(ValueError):
        prompt_of_the_day([], day)
    small = [Prompt("a", "trust", "A"), Prompt("b", "trust", "B")]
    assert prompt_of_the_day(small, day) != prompt_of_the_day(small, day + timedelta(days=1))


@pytest.mark.parametrize(
    ("written", "today", "streak"),
    [
        ([], date(2026, 11, 24), 0),
        ([date(2026, 11, 24)], date(2026, 11, 24), 1),
        ([date(2026, 11, 23), date(2026, 11, 22)], date(2026, 11, 24), 2),  # today not yet
        ([date(2026, 11, 22)], date(2026, 11, 24), 0),  # a missed day breaks it
        ([date(2026, 12, 31), date(2027, 1, 1)], date(2027, 1, 1), 2),  # year end
        ([date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1)], date(2028, 3, 1), 3),
        ([date(2026, 10, 31), date(2026, 11, 1)], date(2026, 11, 1), 2),  # month end
    ],
)
def test_streak(written: list[date], today: date, streak: int) -> None:
    assert journal_streak(written, today) == streak


@given(st.integers(0, 400), st.integers(0, 400))
def test_streak_counts_an_unbroken_run(length: int, gap: int) -> None:
    today = date(2026, 11, 24)
    run = [today - timedelta(days=n) for n in range(length)]
    # Older entries after a gap of two days (one missed day would do, but with no run at all
    # yesterday still counts while today is unwritten).
    older = [today - timedelta(days=length + 2 + n) for n in range(gap)]
    assert journal_streak(run + older, today) == length


def entry(day: int, text: str, **kw: object) -> JournalEntry:
    return JournalEntry(id=f"e{day}", written_at=datetime(2026, 11, day, 8), text=text, **kw)


ENTRIES = [
    entry(1, "Coffee with Ana about the LAUNCH", tags=["launch"], people=["ana"]),
    entry(2, "Walked by the river. Thought about launch dates.", tags=["walk"]),
    entry(3, "Quiet day", people=["zoe"]),
]


def test_search_words_anywhere_any_case_newest_first() -> None:
    index = JournalIndex()
    assert [e.id for e in index.search(ENTRIES, JournalFilter("launch"))] == ["e2", "e1"]
    assert [e.id for e in index.search(ENTRIES, JournalFilter("ana LAUNCH"))] == ["e1"]
    assert [e.id for e in index.search(ENTRIES, JournalFilter("unch"))] == ["e2", "e1"]
    assert index.search(ENTRIES, JournalFilter("launch zebra")) == []
    assert len(index.search(ENTRIES, JournalFilter())) == 3


def test_filters() -> None:
    index = JournalIndex()

    def ids(wanted: JournalFilter) -> list[str]:
        return [e.id for e in index.search(ENTRIES, wanted)]

    assert ids(JournalFilter(tag="launch")) == ["e1"]
    assert ids(JournalFilter(person_id="zoe")) == ["e3"]
    assert ids(JournalFilter(start=date(2026, 11, 2))) == ["e3", "e2"]
    assert ids(JournalFilter(end=date(2026, 11, 2))) == ["e2", "e1"]
    assert ids(JournalFilter("launch", start=date(2026, 11, 2), end=date(2026, 11, 2))) == ["e2"]
    assert not JournalFilter().active
    assert JournalFilter(tag="x").active


def test_index_sees_edits() -> None:
    index = JournalIndex()
    first = entry(5, "old words")
    assert index.search([first], JournalFilter("old"))
    edited = first.model_copy(update={"text": "new words", "updated_at": datetime(2027, 1, 1)})
    assert not index.search([edited], JournalFilter("old"))
    assert index.search([edited], JournalFilter("new"))


def test_snippet_highlights_matches() -> None:
    text = "A long day. " * 20 + "Then lunch with Ana about the Launch plan."
    line, spans = snippet(text, "launch", 60)
    assert line.startswith("…")
    assert spans
    for start, end in spans:
        assert line[start:end].casefold() == "launch"
    assert first_line("\n\n# Title\nbody") == "Title"
    assert first_line("x" * 100, 10) == "xxxxxxxxx…"
