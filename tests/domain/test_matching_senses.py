"""How the topic map reads a phrase: one sense a word, the longest phrase first, hints, weight."""

from __future__ import annotations

from brilliance.domain.introductions import suggest_introductions
from brilliance.domain.matching import Matcher, TopicMap, word_key
from brilliance.domain.models import Person


def matcher(**topics: str) -> Matcher:
    """A matcher over a small map of our own: label=phrases (underscores read as spaces)."""
    return Matcher(TopicMap.parse({"work": {k.replace("_", " "): v for k, v in topics.items()}}))


def test_word_key_joins_inflections_only() -> None:
    assert word_key("investing") == word_key("invest") == word_key("invests")
    assert word_key("hiking") == word_key("hike")
    assert word_key("running") == word_key("run")
    assert word_key("communities") == word_key("community")
    assert word_key("nationality") != word_key("national")
    assert word_key("musicals") != word_key("music")


def test_a_one_word_phrase_does_not_reach_its_stem_family() -> None:
    found = matcher(immigration="nationality, visa", theatre="musicals")
    assert found.analyse("get a new nationality").topics == {"immigration"}
    assert not found.analyse("tell our story in a national newspaper").topics
    assert not found.analyse("music lessons").topics


def test_a_word_inside_a_longer_phrase_takes_that_phrase_s_sense() -> None:
    found = matcher(investment="cap table", furniture="tables", property="property")
    found_ip = matcher(patents="intellectual property", property="property")
    assert found.analyse("cap tables").topics == {"investment"}
    assert found.analyse("two dining tables").topics == {"furniture"}
    assert found_ip.analyse("intellectual property").topics == {"patents"}
    assert found_ip.analyse("buy a property").topics == {"property"}


def test_a_phrase_found_word_for_word_wins_over_one_with_gaps() -> None:
    found = matcher(support="help desk", furniture="make a desk")
    assert found.analyse("make our help desk faster").topics == {"support"}
    assert found.analyse("make a sturdy oak desk").topics == {"furniture"}


def test_words_of_the_map_s_phrases_hint_when_no_phrase_is_found() -> None:
    found = matcher(injuries="neck pain, back pain", cooking="bake bread")
    sore = found.analyse("treat a sore neck")
    assert sore.topics == {"injuries"}
    assert dict(sore.topic_words) == {"injuries": 0}
    # A phrase found: no hints on top of it.
    assert found.analyse("bake bread for my neck").topics == {"cooking"}
    # "pain" is in two topics' phrases; a word in too many topics hints at none.
    crowded = matcher(a="x pain", b="y pain", c="z pain", d="w pain")
    assert not crowded.analyse("pain").topics


def test_a_topic_found_by_a_longer_phrase_weighs_more() -> None:
    found = matcher(sustainability="zero waste", logistics="factory")
    assert dict(found.analyse("get our factory to zero waste").topic_words) == {
        "sustainability": 2,
        "logistics": 1,
    }
    me = Person(id="me", name="Me", goals=["get our factory to zero waste"])
    # Alphabetical order would put Aaron first on a tie: the phrase must decide.
    aaron = Person(id="a", name="Aaron", skills=["factory"])
    zed = Person(id="z", name="Zed", skills=["zero waste"])
    intros = suggest_introductions(me, [aaron, zed], set(), matcher=found)
    assert [i.person.id for i in intros] == ["z", "a"]
