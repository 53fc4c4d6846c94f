"""The shapes of the content in ``assets/``: questions, prompts, ideas, venues, praise.

Parsing takes plain dicts (as read from TOML) so the domain stays free of file access;
``brilliance.assets`` does the reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUESTION_THEMES = (
    "years-ahead",
    "aspirations",
    "proudest-work",
    "learning",
    "outside-work",
    "values",
    "challenges",
    "people",
    "ice-breaker",
    "collaboration",
    "coaching",
)


@dataclass(frozen=True)
class Question:
    """A personal, forward-looking question to ask in a meeting."""

    id: str
    text: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Prompt:
    """A journal reflection prompt."""

    id: str
    theme: str
    text: str


@dataclass(frozen=True)
class Idea:
    """An idea of the day: one practice, a short idea and a reflection question."""

    id: str
    practice: str
    title: str
    text: str
    question: str


@dataclass(frozen=True)
class MeetingKind:
    """A kind of meeting (coffee, walk...) with venue ideas."""

    id: str
    label: str
    venues: tuple[str, ...]


@dataclass(frozen=True)
class PraisePrompts:
    with_win: tuple[str, ...]
    with_note: tuple[str, ...]
    generic: tuple[str, ...]


@dataclass(frozen=True)
class PartnershipQuestion:
    key: str
    text: str
    hint: str


def parse_questions(data: dict[str, Any]) -> list[Question]:
    return [
        Question(str(q["id"]), str(q["text"]), tuple(str(t) for t in q.get("themes", ())))
        for q in data.get("questions", [])
    ]


def parse_prompts(data: dict[str, Any]) -> list[Prompt]:
    return [Prompt(str(p["id"]), str(p["theme"]), str(p["text"])) for p in data["prompts"]]


def parse_ideas(data: dict[str, Any]) -> list[Idea]:
    return [
        Idea(str(i["id"]), str(i["practice"]), str(i["title"]), str(i["text"]), str(i["question"]))
        for i in data["ideas"]
    ]


def parse_kinds(data: dict[str, Any]) -> list[MeetingKind]:
    return [
        MeetingKind(str(k["id"]), str(k["label"]), tuple(str(v) for v in k["venues"]))
        for k in data["kinds"]
    ]


def parse_praise(data: dict[str, Any]) -> PraisePrompts:
    return PraisePrompts(tuple(data["with_win"]), tuple(data["with_note"]), tuple(data["generic"]))


def parse_partnership(data: dict[str, Any]) -> list[PartnershipQuestion]:
    return [
        PartnershipQuestion(str(q["key"]), str(q["text"]), str(q.get("hint", "")))
        for q in data["questions"]
    ]
