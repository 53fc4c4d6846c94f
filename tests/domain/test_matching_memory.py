"""The matching engine keeps one copy of what it needs (issue 19, memory) and reads the same."""

from __future__ import annotations

import Stemmer  # type: ignore[import-not-found,unused-ignore]

from brilliance import assets
from brilliance.domain import stems
from brilliance.domain.matching import Matcher, TopicMap
from brilliance.domain.stems import plain, plain_once, stem, words, words_once

MAP = {
    "work": {
        "Hospitality": "Cafés, crème brûlée, front-end of house, Café owners' guild",
        "Funding": "seed round, angel investors, raising capital",
    }
}


def test_reading_the_map_leaves_the_phrase_cache_as_it_was() -> None:
    before = plain.cache_info().currsize
    TopicMap.parse({"work": {"Gardening": "Pruning roses, Compost heaps, allotment"}})
    assert plain.cache_info().currsize == before


def test_read_once_and_remembered_words_are_the_same() -> None:
    for text in ("Crème brûlée, Café", "co-founder's FRONT-END", "  ", "Zoë’s hiking"):
        assert plain_once(text) == plain(text)
        assert words_once(text) == words(text)


def test_stems_are_the_stemmers_own_without_its_cache() -> None:
    cached = Stemmer.Stemmer("english")  # its default cache of 10,000 words
    for word in ("investing", "investors", "hiking", "nationality", "running", "studies"):
        assert stem(word) == cached.stemWord(word)
    assert stems._stemmer is not None


def test_a_map_read_once_finds_accented_and_hyphenated_phrases() -> None:
    matcher = Matcher(TopicMap.parse(MAP))
    assert matcher.link("we run a cafe", "creme brulee maker").topics == ("Hospitality",)
    assert matcher.link("frontend of house staff", "cafes").topics == ("Hospitality",)
    assert matcher.link("raise our first seed round", "angel investor").topics == ("Funding",)
    assert not matcher.link("front of the queue", "Funding news")


def test_the_engines_tables_are_read_only_tuples() -> None:
    topic_map = assets.matcher().topic_map
    assert all(isinstance(v, tuple) for v in topic_map._by_pair.values())
    assert all(isinstance(v, tuple) for v in topic_map._singles.values())
