"""Combinations of the topic map (a word of need with a word of context, anywhere in a text)
and the weight of what comes first in an aim."""

from __future__ import annotations

from pathlib import Path

import pytest

from brilliance import assets
from brilliance.domain.introductions import suggest_introductions
from brilliance.domain.matching import Matcher, TopicMap
from brilliance.domain.models import Person


def combined(topics: dict[str, str], combinations: dict[str, list[str]]) -> Matcher:
    return Matcher(TopicMap.parse({"work": topics, "combinations": combinations}))


def test_a_need_with_a_context_anywhere_means_the_topic() -> None:
    found = combined(
        {"investment": "seed round", "grants": "grant writing"},
        {"investment": ["money cash | prototype startup"], "grants": ["money | choir charity"]},
    )
    assert found.analyse("some early money to build the prototype").topics == {"investment"}
    assert found.analyse("a prototype that needs cash").topics == {"investment"}
    assert found.analyse("find money for our community choir").topics == {"grants"}
    # One family alone is not enough.
    assert not found.analyse("save money").topics
    assert not found.analyse("a prototype of the app").topics
    # A combination counts as a phrase of two words.
    assert dict(found.analyse("money for my startup").topic_words) == {"investment": 2}


def test_a_word_inside_a_longer_phrase_starts_no_combination() -> None:
    found = combined(
        {"investment": "cap table", "furniture": "coffee table"},
        {"furniture": ["cap | oak"]},
    )
    assert found.analyse("an oak cap table").topics == {"investment"}


def test_combinations_must_name_a_topic_and_hold_two_families() -> None:
    with pytest.raises(ValueError, match="no topic"):
        combined({"a": "x y"}, {"b": ["money | startup"]})
    with pytest.raises(ValueError, match="no '\\|'"):
        combined({"a": "x y"}, {"a": ["money startup"]})
    with pytest.raises(ValueError, match="list"):
        TopicMap.parse({"work": {"a": "x y"}, "combinations": {"a": "money | startup"}})


def test_what_comes_first_in_an_aim_weighs_more_than_its_circumstances() -> None:
    found = Matcher(TopicMap.parse({"work": {"photos": "take photos", "food": "new menu"}}))
    weights = found.analyse("take photos of our new menu").topic_weights
    assert weights["photos"] > weights["food"]
    me = Person(id="me", name="Me", goals=["take photos of our new menu"])
    # Alphabetical order would put Aaron (the chef) first on a tie.
    chef = Person(id="a", name="Aaron", skills=["new menu"])
    photographer = Person(id="z", name="Zed", skills=["take photos"])
    intros = suggest_introductions(me, [chef, photographer], set(), matcher=found)
    assert [i.person.id for i in intros] == ["z", "a"]


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("get some early money to build the prototype", "raising investment"),
        ("find money for our community choir", "grants and philanthropy"),
        ("change staff hours without breaking the law", "employment law"),
        ("make our servers cope when traffic spikes", "cloud and infrastructure"),
        ("find out what our house would fetch", "property and real estate"),
    ],
)
def test_the_map_s_combinations_read_everyday_needs(goal: str, topic: str) -> None:
    assert topic in assets.matcher().analyse(goal).topics


def test_series_a_is_a_round_not_a_series() -> None:
    found = Matcher(TopicMap.parse({"work": {"vc": "series a", "talks": "talk series"}}))
    assert dict(found.analyse("raise our Series A").topic_words) == {"vc": 2}
    # Only a hint of a word of the map's phrases, no phrase found.
    assert set(found.analyse("a series of lessons").topic_words.values()) == {0}


def test_a_job_title_is_no_combination() -> None:
    # "staff" with "engineer" once read as hiring: a staff engineer is not a recruiter.
    assert "hiring and recruiting" not in assets.matcher().analyse("Staff engineer").topics


def test_everyday_needs_weigh_their_own_topic_most() -> None:
    """A coverage floor: for most needs, the right topic is the one that weighs most."""
    text = (Path(__file__).parent / "data" / "topic_needs_first.txt").read_text()
    pairs = [line.split("|") for line in text.splitlines() if line and not line.startswith("#")]
    matcher = assets.matcher()
    labels = {topic.label for topic in matcher.topic_map.topics}
    assert {topic for _need, topic in pairs} <= labels
    first = 0
    for need, topic in pairs:
        weights = matcher.analyse(need).topic_weights
        first += bool(weights) and weights.get(topic, 0.0) == max(weights.values())
    assert len(pairs) >= 830
    assert first >= 0.85 * len(pairs)


def test_an_aim_s_first_word_alone_does_not_push_back_what_it_names() -> None:
    found = Matcher(TopicMap.parse({"work": {"design": "design", "food": "menu", "pubs": "pub"}}))
    weights = found.analyse("design a menu for our pub").topic_weights
    assert weights["design"] == weights["food"] > weights["pubs"]


def test_kindred_topics_of_one_line_are_one_reason() -> None:
    found = Matcher(
        TopicMap.parse({"work": {"music": "gig", "music hobby": "gig", "design": "poster"}})
    )
    me = Person(id="me", name="Me", goals=["make a poster for our gig"])
    # Alphabetical order would put Aaron (the musician) first on a tie.
    musician = Person(id="a", name="Aaron", skills=["gig"])
    designer = Person(id="z", name="Zed", skills=["poster"])
    intros = suggest_introductions(me, [musician, designer], set(), matcher=found)
    assert [i.person.id for i in intros] == ["z", "a"]
