"""The matching engine: whole words, real stems, slips forgiven, topics by meaning."""

from __future__ import annotations

import sys
from pathlib import Path

from brilliance import assets
from brilliance.domain.interests import shared_interests
from brilliance.domain.introductions import suggest_introductions, suggest_peers
from brilliance.domain.invitations import suggest_events
from brilliance.domain.matching import Matcher, TopicMap, stems_match
from brilliance.domain.models import Event, Person

MATCHER = assets.matcher()
ROOT = Path(__file__).resolve().parents[2]


def test_whole_words_only() -> None:
    plain = Matcher()
    assert not plain.link("sell more", "school counsellor")
    assert not plain.link("press coverage", "stage presence")
    assert not plain.link("meet investors", "organise meetups")
    assert not plain.link("climate tech", "find a technical co-founder")
    assert plain.link("investing in seed rounds", "seed round").words == ("seed", "round")


def test_the_wrong_suggestions_seen_in_issue_15_are_gone() -> None:
    goal = "find a technical co-founder"
    assert not MATCHER.link(goal, "Climate tech founder")
    assert not MATCHER.link(goal, "technical writing")
    assert MATCHER.link(goal, "CTO").topics
    assert not MATCHER.link("sell more", "school counsellor")
    assert not MATCHER.link("get press coverage", "stage presence")
    assert not MATCHER.link("meet investors", "meetups")
    assert MATCHER.link("got covered by the press", "press coverage")


def test_a_word_shared_by_phrases_of_different_meanings_is_no_link() -> None:
    # Seen in the demo: a public-sector adviser offered to someone who wants to speak better.
    goal = "get better at public speaking"
    assert not MATCHER.link(goal, "public sector")
    assert MATCHER.link(goal, "speaker selection").topics == ("public speaking",)
    assert MATCHER.link(goal, "public speaking").words == ("public", "speak")
    # Without the map, the shared word is all there is, and it still counts.
    assert Matcher().link(goal, "public sector").words == ("public",)


def test_slips_are_forgiven_in_long_words_only() -> None:
    assert stems_match("photographi", "photograpi")
    assert not stems_match("chess", "chees")


def test_topic_map_links_needs_to_the_people_who_serve_them() -> None:
    assert len(MATCHER.topic_map) >= 280
    cases = {
        "raise a seed round": "Angel investor",
        "protect our invention": "Patent attorney",
        "give employees stock options": "Finance lead",
        "build my own dining table": "Carpenter",
        "move to Canada for work": "Immigration adviser",
        "close bigger deals with companies": "Enterprise sales lead",
        "get our launch covered by the press": "Technology journalist",
    }
    for need, helper in cases.items():
        link = MATCHER.link(need, helper)
        assert link.topics and not link.words, (need, helper)


def test_topic_map_rejects_a_phrase_that_is_not_text() -> None:
    try:
        TopicMap.parse({"work": {"broken": ["not", "one", "string"]}})
    except ValueError as error:
        assert "broken" in str(error)
    else:
        raise AssertionError("a list of phrases should be refused")


def test_peers_are_not_helpers() -> None:
    ana = Person(id="ana", name="Ana", goals=["raise a seed round"])
    hugo = Person(
        id="hugo", name="Hugo", headline="Founder raising a seed round", goals=["raise seed"]
    )
    dana = Person(
        id="dana", name="Dana", headline="Angel investor", goals=["raise our second fund"]
    )
    intros = suggest_introductions(ana, [hugo, dana], set(), matcher=MATCHER)
    assert [i.person.id for i in intros] == ["dana"]
    peers = suggest_peers(ana, [hugo, dana], MATCHER)
    assert [p.person.id for p in peers] == ["hugo"]
    assert "raise seed" in peers[0].describe()


def test_community_builder_outranks_leadership_development() -> None:
    me = Person(id="me", name="Me", goals=["build a developer community"])
    coach = Person(id="c", name="Coach", skills=["leadership development"])
    host = Person(id="h", name="Host", headline="Community manager", skills=["devrel"])
    intros = suggest_introductions(me, [coach, host], set(), matcher=MATCHER)
    assert intros[0].person.id == "h"


def test_pastimes_meet_through_the_map() -> None:
    found = shared_interests(["hiking", "jazz"], ["hill walking", "piano"], MATCHER)
    assert [(s.mine, s.theirs) for s in found] == [("hiking", "hill walking"), ("jazz", "piano")]
    assert shared_interests(["running"], ["run"], MATCHER)


def test_event_fits_the_climate_founder_not_the_tools_engineer() -> None:
    from datetime import date

    demo = Event(id="d", title="Climate Founders Demo Day", day=date(2026, 12, 3))
    founder = Person(
        id="f", name="F", headline="Climate tech founder", goals=["raise a seed round"]
    )
    engineer = Person(id="e", name="E", headline="Developer tools engineer", skills=["CLI"])
    today = date(2026, 11, 24)
    assert suggest_events(founder, [demo], today, matcher=MATCHER)
    assert not suggest_events(engineer, [demo], today, matcher=MATCHER)


def test_labelled_set_floor() -> None:
    """The engine on our own labelled set (benchmarks/eval_matching.py prints the figures)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval_matching import engine_ranker, evaluate, load_set

    pool, every_case = load_set()
    cases = [c for c in every_case if not c.batch]  # later batches: floors below
    assert len(pool) >= 40 and len(cases) >= 80
    assert sum(not c.shares_word for c in cases) >= len(cases) / 2
    ranker = engine_ranker()
    scores = evaluate(ranker, pool, cases)
    assert scores["shares a word"].top1 >= 0.94
    assert scores["no shared word"].top1 >= 0.91
    assert scores["no shared word"].recall3 >= 0.95
    # The first held-out goals, written by someone else before the map was widened.
    held = evaluate(ranker, pool, [c for c in cases if c.held])
    assert held["no shared word"].top1 >= 0.88
    assert held["shares a word"].top1 >= 0.85
    # Batches 8 and 9 (issue 15b) and 14 to 18 (issue 15m): each measured once when fresh, then
    # studied for the map's families (eval_matching.py --batch N).
    later = evaluate(ranker, pool, [c for c in every_case if c.batch in (8, 9)])
    assert later["no shared word"].top1 >= 0.90
    assert later["shares a word"].top1 >= 0.85
    studied = evaluate(ranker, pool, [c for c in every_case if c.batch in (14, 15, 16, 17, 18)])
    assert studied["no shared word"].top1 >= 0.83
    assert studied["shares a word"].top1 >= 0.95
    # Batch 13 (issue 15m): written before that round's changes and never studied (0.88 and 0.94
    # at the end of the round; written by the map's own author, so not an unbiased figure).
    unseen = evaluate(ranker, pool, [c for c in every_case if c.batch == 13])
    assert unseen["no shared word"].top1 >= 0.80
    assert unseen["shares a word"].top1 >= 0.80


def test_blind_set_19_floor() -> None:
    """Set 19 carries its own pool (32 people, 130 goals), written blind by a helper who never saw
    the engine: 0.52 on first sight with no shared word (0.71 sharing one), then studied."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval_matching import DATA, engine_ranker, evaluate, load_set, own_pool_sets

    path = DATA / "introductions-19.toml"
    assert path in own_pool_sets()
    pool, cases = load_set(path)
    assert len(pool) == 32 and len(cases) == 130
    assert {c.batch for c in cases} == {19}
    scores = evaluate(engine_ranker(), pool, cases)
    assert scores["no shared word"].count >= 85
    assert scores["no shared word"].top1 >= 0.87
    assert scores["no shared word"].recall3 >= 0.95
    assert scores["shares a word"].top1 >= 0.85


def test_everyday_needs_find_their_topic() -> None:
    """Common ways of phrasing a need, each with the topic it belongs to (a coverage floor)."""
    lines = (Path(__file__).parent / "data" / "topic_needs.txt").read_text().splitlines()
    pairs = [line.split("|") for line in lines if line and not line.startswith("#")]
    labels = {topic.label for topic in MATCHER.topic_map.topics}
    assert {topic for _need, topic in pairs} <= labels
    found = [topic in MATCHER.analyse(need).topics for need, topic in pairs]
    assert len(pairs) >= 150
    assert sum(found) >= 0.95 * len(pairs)


def test_remembered_rankings_follow_changes_to_people() -> None:
    ana = Person(id="ana", name="Ana", goals=["raise a seed round"])
    dana = Person(id="dana", name="Dana", headline="Chef")
    assert suggest_introductions(ana, [dana], set(), matcher=MATCHER) == []
    investor = dana.model_copy(update={"headline": "Angel investor"})
    found = suggest_introductions(ana, [investor], set(), matcher=MATCHER)
    assert [i.person.headline for i in found] == ["Angel investor"]
    renamed = investor.model_copy(update={"email": "dana@example.com"})
    again = suggest_introductions(ana, [renamed], set(), matcher=MATCHER)
    assert again[0].person is renamed  # the person as they are now, not as remembered
