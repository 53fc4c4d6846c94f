"""The content in assets/ is complete, well-formed and varied enough to use for years."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from brilliance import assets
from brilliance.domain.content import QUESTION_THEMES

PROMPT_THEMES = {
    "trust",
    "integrity",
    "empathy",
    "praise",
    "criticism",
    "value",
    "listening",
    "future-brilliance",
    "cadence",
    "routine",
    "shared-interests",
    "partners",
    "relationships",
    "collaboration",
    "equality",
    "conversation",
    "coaching",
    "leverage",
    "consistency",
}
PRACTICES = {
    "future-brilliance",
    "value-first",
    "no-shortcuts",
    "right-questions",
    "shared-interests",
    "switch-routine",
    "valued-partners",
    "praise",
    "relational-power",
    "leverage",
}


def test_question_bank() -> None:
    bank = assets.questions()
    assert len(bank) >= 80
    assert len({q.id for q in bank}) == len(bank)
    assert len({q.text.casefold() for q in bank}) == len(bank)
    counts = Counter(theme for q in bank for theme in q.themes)
    assert set(counts) == set(QUESTION_THEMES)
    assert min(counts.values()) >= 8
    assert all(q.text.endswith("?") for q in bank)


def test_prompt_deck() -> None:
    deck = assets.prompts()
    assert len(deck) >= 60
    assert len({p.id for p in deck}) == len(deck)
    assert {p.theme for p in deck} == PROMPT_THEMES
    assert any("appreciate" in p.text for p in deck)


def test_ideas_cover_every_practice() -> None:
    ideas = assets.ideas()
    assert len(ideas) >= 30
    counts = Counter(i.practice for i in ideas)
    assert set(counts) == PRACTICES
    assert min(counts.values()) >= 3
    assert all(i.question.endswith("?") for i in ideas)


def test_venues_praise_and_partnership() -> None:
    kinds = {k.id: k for k in assets.meeting_kinds()}
    assert {"coffee", "lunch", "walk", "call", "event", "gallery", "talk", "class"} <= set(kinds)
    assert all(len(k.venues) >= 3 for k in kinds.values())
    praise = assets.praise()
    assert all(p.count("{win}") == 1 for p in praise.with_win)
    assert all(p.count("{note}") == 1 for p in praise.with_note)
    assert all("{" not in p for p in praise.generic)
    keys = [q.key for q in assets.partnership_questions()]
    assert keys == [
        "priorities",
        "strengths",
        "competition",
        "open-network",
        "valued-network",
        "multiply",
        "exit",
    ]


def test_user_questions_are_added(tmp_path: Path) -> None:
    (tmp_path / "questions.toml").write_text(
        '[[questions]]\ntext = "What is your favourite river?"\nthemes = ["outside-work"]\n'
    )
    extra, problem = assets.user_questions(tmp_path)
    assert problem is None
    assert [q.text for q in extra] == ["What is your favourite river?"]
    assert extra[0].id == "user-1"


def test_unreadable_user_questions_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "questions.toml").write_text("[[questions]\nbroken")
    extra, problem = assets.user_questions(tmp_path)
    assert extra == []
    assert problem is not None and "questions.toml" in problem
