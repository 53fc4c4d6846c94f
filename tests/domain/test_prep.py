"""Prep suggestions, each rule checked on small hand-made networks."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from brilliance import assets
from brilliance.domain.content import Question
from brilliance.domain.interests import shared_interests
from brilliance.domain.introductions import introductions_made, suggest_introductions
from brilliance.domain.invitations import suggest_events
from brilliance.domain.matching import phrases_match
from brilliance.domain.meetings import last_met_after_logging, next_planned
from brilliance.domain.models import (
    Event,
    FollowUp,
    Meeting,
    MeetingStatus,
    Person,
    PrepState,
    Profile,
)
from brilliance.domain.prep import PrepInputs, build_sheet
from brilliance.domain.prep_markdown import render_markdown
from brilliance.domain.questions import (
    asked_questions,
    latest_note,
    normalise_question,
    substantial_sentence,
    suggest_questions,
    swap_question,
)
from brilliance.domain.venues import suggest_praise, suggest_venue

TODAY = date(2026, 11, 24)
BANK = assets.questions()
MATCHER = assets.matcher()
ANA = Person(
    id="ana",
    name="Ana Lima",
    goals=["raise a seed round", "hire a design lead"],
    interests=["Hike", "photographs"],
    on_list=True,
)
DANA = Person(id="dana", name="Dana Fischer", skills=["fundraising"], headline="Angel investor")
ELI = Person(id="eli", name="Eli Moss", headline="Design hiring lead")
FAY = Person(id="fay", name="Fay Okafor", skills=["cooking"], headline="Chef")


def meeting(**kw: object) -> Meeting:
    defaults: dict[str, object] = {"person_id": "ana", "when": datetime(2026, 11, 1, 9)}
    return Meeting(**(defaults | kw))


def test_interests_match_case_plurals_and_spelling() -> None:
    found = shared_interests(["hiking", "photography", "chess"], ["Hike", "photographs", "Cheese"])
    assert [(s.mine, s.theirs) for s in found] == [
        ("hiking", "Hike"),
        ("photography", "photographs"),
    ]
    assert shared_interests(["jazz"], ["Jazz music"])[0].describe() == "Jazz music (you: jazz)"
    assert shared_interests(["photography"], ["photograpy"])  # a small misspelling
    assert shared_interests(["running"], ["run"])
    assert not shared_interests(["cooking"], ["books"])
    assert not shared_interests([], ["x"])


def test_questions_never_repeat_and_fit_goals() -> None:
    asked = {normalise_question(q.text) for q in BANK[:50]}
    picked = suggest_questions(ANA, BANK, asked, TODAY)
    assert 3 <= len(picked) <= 5
    assert all(normalise_question(q.text) not in asked for q in picked)
    # Ana's goals (raise, hire) lean toward challenges and aspirations.
    themes = {t for q in picked for t in q.themes}
    assert themes & {"challenges", "aspirations", "years-ahead"}


def test_first_meeting_and_no_shared_interests_bring_icebreakers() -> None:
    picked = suggest_questions(
        Person(name="New"), BANK, set(), TODAY, met_before=False, shares_interests=False
    )
    themes = {t for q in picked for t in q.themes}
    assert themes & {"ice-breaker", "outside-work"}


def test_asked_questions_ignore_case_and_punctuation() -> None:
    asked = asked_questions([meeting(questions_asked=["what are you LEARNING at the moment"])])
    assert normalise_question("What are you learning at the moment?") in asked


def test_swap_gives_a_new_question() -> None:
    shown = [q.text for q in suggest_questions(ANA, BANK, set(), TODAY)]
    fresh = swap_question(ANA, BANK, set(), shown, TODAY)
    assert fresh is not None and fresh.text not in shown
    tiny = [Question("a", "A?", ("values",)), Question("b", "B?", ("values",))]
    assert swap_question(ANA, tiny, set(), ["A?", "B?"], TODAY) is None


def test_introductions_best_first_with_reasons() -> None:
    intros = suggest_introductions(ANA, [ANA, DANA, ELI, FAY], set(), matcher=MATCHER)
    assert {i.person.id for i in intros} == {"eli", "dana"}
    reasons = {i.person.id: i.describe() for i in intros}
    assert reasons["eli"] == "Eli Moss: Design hiring lead -> goal 'hire a design lead'"
    # No word in common: the topic map links them, and the reason says through what.
    assert reasons["dana"] == (
        "Dana Fischer: fundraising -> goal 'raise a seed round' (both about raising investment)"
    )


def test_rare_words_outweigh_common_ones() -> None:
    designers = [Person(id=f"d{n}", name=f"Designer {n}", skills=["design"]) for n in range(6)]
    investor = Person(id="inv", name="Ivy", skills=["seed investing"])
    founder = Person(id="f", name="F", goals=["raise a seed round for a design studio"])
    intros = suggest_introductions(founder, [*designers, investor], set())
    assert intros[0].person.id == "inv"


def test_everyday_words_never_make_an_introduction() -> None:
    lender = Person(id="l", name="L", skills=["small business loans"])
    dreamer = Person(id="d", name="D", aspirations="Start a small studio")
    assert suggest_introductions(dreamer, [lender], set()) == []
    assert suggest_introductions(ANA, [DANA], {"dana"}) == []
    assert suggest_introductions(Person(name="No goals"), [DANA], set()) == []


def test_introductions_already_made_count_both_ways() -> None:
    meetings = [
        meeting(introductions=["dana"]),
        meeting(person_id="eli", introductions=["ana"]),
    ]
    assert introductions_made("ana", meetings) == {"dana", "eli"}


def test_events_upcoming_and_matching() -> None:
    events = [
        Event(id="past", title="Old fundraising night", day=date(2026, 11, 1)),
        Event(id="later", title="Hiking club", day=date(2026, 12, 10)),
        Event(
            id="soon",
            title="Founders breakfast",
            day=date(2026, 12, 1),
            topics=["fundraising"],
            invited=["ana"],
        ),
        Event(id="other", title="Knitting circle", day=date(2026, 12, 2)),
    ]
    found = suggest_events(ANA, events, TODAY, matcher=MATCHER)
    # A goal outweighs a pastime; past events and events that fit nothing are left out.
    assert [s.event.id for s in found] == ["soon", "later"]
    assert found[0].invited
    assert "(invited)" in found[0].describe()


def test_venue_differs_from_the_last_three() -> None:
    kinds = assets.meeting_kinds()
    past = [
        meeting(kind=k, when=datetime(2026, 11, d, 9))
        for d, k in ((1, "coffee"), (5, "lunch"), (9, "walk"))
    ]
    venue = suggest_venue(ANA, past, kinds, TODAY)
    assert venue is not None
    assert venue.kind.id not in {"coffee", "lunch", "walk"}
    assert venue.recent == ("walk", "lunch", "coffee")
    # An old meeting beyond the last three does not count.
    older = [meeting(kind="gallery", when=datetime(2026, 10, 1, 9)), *past]
    assert suggest_venue(ANA, older, kinds, TODAY).kind.id not in {"coffee", "lunch", "walk"}  # type: ignore[union-attr]


def test_praise_from_wins_then_notes_then_general() -> None:
    prompts = assets.praise()
    winner = Person(name="W", wins=["shipped v2"])
    assert "shipped v2" in suggest_praise(winner, [], prompts, TODAY)
    noted = [meeting(status=MeetingStatus.DONE, notes="She led the retro. Great energy.")]
    assert "She led the retro" in suggest_praise(Person(name="N"), noted, prompts, TODAY)
    assert suggest_praise(Person(name="G"), [], prompts, TODAY) in prompts.generic


def inputs(**kw: object) -> PrepInputs:
    defaults: dict[str, object] = {
        "person": ANA,
        "meeting": None,
        "profile": Profile(interests=["hiking"]),
        "people": [ANA, DANA, ELI],
        "meetings": [],
        "followups": [],
        "events": [],
        "bank": BANK,
        "kinds": assets.meeting_kinds(),
        "praise": assets.praise(),
        "partnership": assets.partnership_questions(),
        "today": TODAY,
    }
    return PrepInputs(**(defaults | kw))  # type: ignore[arg-type]


def test_sheet_sections_and_followups_oldest_first() -> None:
    followups = [
        FollowUp(id="f2", person_id="ana", text="Second", due=date(2026, 12, 1)),
        FollowUp(id="f1", person_id="ana", text="First", due=date(2026, 11, 20)),
        FollowUp(id="f3", person_id="ana", text="Done", due=date(2026, 11, 1), done=True),
        FollowUp(id="f4", person_id="eli", text="Not hers", due=date(2026, 11, 1)),
    ]
    sheet = build_sheet(inputs(followups=followups))
    keys = [s.key for s in sheet.sections]
    assert keys == [
        "questions",
        "interests",
        "aims",
        "followups",
        "introductions",
        "events",
        "venue",
        "praise",
    ]
    owed = sheet.section("followups").items
    assert [i.text for i in owed] == ["First", "Second"]
    assert "OVERDUE" in owed[0].detail
    prospect = build_sheet(inputs(person=ANA.model_copy(update={"partnership_prospect": True})))
    assert len(prospect.section("partnership").items) == 7


def test_no_shared_interests_says_so() -> None:
    sheet = build_sheet(inputs(profile=Profile(interests=["chess"])))
    (item,) = sheet.section("interests").items
    assert item.text.startswith("Nothing in common on paper yet. Ask: ")
    asked = item.text.split("Ask: ")[1].strip("\u201c\u201d")
    question = next(q for q in BANK if q.text == asked)
    assert "outside-work" in question.themes
    assert asked not in sheet.questions


def test_sheet_keeps_a_meetings_chosen_questions_and_ticks() -> None:
    planned = meeting(prep=PrepState(questions=["Mine?"], checked=["venue"]))
    sheet = build_sheet(inputs(meeting=planned))
    assert sheet.questions == ["Mine?"]
    assert "- [x] " in render_markdown(sheet, TODAY)


def test_last_met_moves_with_logging() -> None:
    person = Person(name="A", last_met=date(2026, 11, 1))
    done = meeting(status=MeetingStatus.DONE, when=datetime(2026, 11, 20, 9))
    assert last_met_after_logging(person, done, None, [done]) == date(2026, 11, 20)
    older = meeting(status=MeetingStatus.DONE, when=datetime(2026, 10, 1, 9))
    assert last_met_after_logging(person, older, None, [older]) == date(2026, 11, 1)
    moved = person.model_copy(update={"last_met": date(2026, 11, 20)})
    cancelled = done.model_copy(update={"status": MeetingStatus.CANCELLED})
    assert last_met_after_logging(moved, cancelled, done, [cancelled, older]) == date(2026, 10, 1)


def test_next_planned() -> None:
    plans = [
        meeting(id="old", when=datetime(2026, 11, 1, 9)),
        meeting(id="soon", when=datetime(2026, 11, 26, 9)),
        meeting(id="later", when=datetime(2026, 12, 26, 9)),
        meeting(id="held", when=datetime(2026, 11, 25, 9), status=MeetingStatus.DONE),
    ]
    assert next_planned(plans, TODAY).id == "soon"  # type: ignore[union-attr]
    assert next_planned(plans[:1], TODAY).id == "old"  # type: ignore[union-attr]
    assert next_planned([], TODAY) is None


names = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool)
phrases = st.lists(
    st.sampled_from(
        [
            "fundraising",
            "design",
            "hiring",
            "chess",
            "jazz",
            "data",
            "seed round",
            "teaching",
            "climbing",
            "writing",
        ]
    ),
    max_size=3,
)


@settings(max_examples=60)
@given(
    asked=st.sets(st.integers(0, len(BANK) - 1), max_size=len(BANK)),
    day=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1)),
)
def test_never_a_question_already_asked_and_stable(asked: set[int], day: date) -> None:
    asked_texts = {normalise_question(BANK[i].text) for i in asked}
    first = suggest_questions(ANA, BANK, asked_texts, day)
    assert all(normalise_question(q.text) not in asked_texts for q in first)
    assert len(first) == min(4, len(BANK) - len(asked))
    assert suggest_questions(ANA, BANK, asked_texts, day) == first  # no flicker


@settings(max_examples=60)
@given(
    goals=phrases,
    network=st.lists(st.tuples(names, phrases), max_size=8),
)
def test_never_introduces_someone_to_themself(
    goals: list[str], network: list[tuple[str, list[str]]]
) -> None:
    person = Person(id="me", name="Me", goals=goals, skills=goals)
    others = [
        Person(id=f"p{n}", name=name, skills=skills) for n, (name, skills) in enumerate(network)
    ]
    intros = suggest_introductions(person, [person, *others], set())
    assert all(i.person.id != "me" for i in intros)
    for intro in intros:
        assert any(phrases_match(s, g) for s in intro.person.skills for g in goals)
    assert suggest_introductions(person, [person, *others], set()) == intros


def test_two_questions_look_ahead_and_one_comes_from_the_person() -> None:
    from brilliance.domain.questions import looks_ahead, person_questions

    templates = assets.question_templates()
    held = meeting(status=MeetingStatus.DONE, notes="Hiring a design lead. Also moving.")
    mine = person_questions(ANA, [held], templates, set(), TODAY)
    assert mine and "Hiring a design lead" in mine[0].text
    picked = suggest_questions(ANA, BANK, set(), TODAY, from_person=mine)
    assert len(picked) == 4
    assert sum(looks_ahead(q) for q in picked) >= 2
    assert mine[0] in picked


def test_swapping_walks_every_unasked_question_before_repeating() -> None:
    shown = [q.text for q in suggest_questions(ANA, BANK, set(), TODAY)]
    current = shown[0]
    seen: list[str] = []
    for _ in range(len(BANK) - 3):
        fresh = swap_question(ANA, BANK, set(), shown, TODAY, current=current)
        assert fresh is not None
        seen.append(fresh.text)
        shown = [fresh.text if q == current else q for q in shown]
        current = fresh.text
    assert len(set(seen)) == len(seen)  # no repeat until the bank is walked through
    assert set(seen) | set(shown) == {q.text for q in BANK}


def test_printed_sheet_has_no_key_hints() -> None:
    bare = Person(id="b", name="Bea", on_list=True)
    data = PrepInputs(
        person=bare,
        meeting=None,
        profile=Profile(),
        people=[bare],
        meetings=[],
        followups=[],
        events=[],
        bank=[],
        kinds=[],
        praise=assets.praise(),
        partnership=[],
        today=TODAY,
        matcher=MATCHER,
    )
    text = render_markdown(build_sheet(data), TODAY)
    for hint in ("ctrl+o", "e on the List", "v manages", "(a ", " with a."):
        assert hint not in text
    assert "Every question in the bank has been asked." in text


def test_a_question_from_my_notes_draws_on_a_sentence_with_something_in_it() -> None:
    """A note that opens with "Good energy." says how it felt; the next sentence has the topic."""
    notes = "Good energy. Ana is close to a decision and wanted a sounding board."
    meeting = Meeting(
        person_id="a", when=datetime(2026, 11, 7, 18), status=MeetingStatus.DONE, notes=notes
    )
    assert latest_note([meeting]) == "Ana is close to a decision and wanted a sounding board"
    assert substantial_sentence(["Fine.", "Short one."]) == "Short one"
    assert substantial_sentence([]) == ""
