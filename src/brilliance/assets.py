"""The content files in ``assets/``: question bank, prompts, ideas, venues, praise.

Installed from a wheel they live at ``brilliance/assets`` inside the package; in a source
checkout (an editable install) they are the repository's top-level ``assets/`` folder.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from brilliance.domain.content import (
    Idea,
    MeetingKind,
    PartnershipQuestion,
    PraisePrompts,
    Prompt,
    Question,
    parse_ideas,
    parse_kinds,
    parse_partnership,
    parse_praise,
    parse_prompts,
    parse_questions,
)
from brilliance.domain.matching import Matcher, TopicMap
from brilliance.domain.questions import QuestionTemplates

PACKAGE_DIR = Path(__file__).resolve().parent
USER_QUESTIONS_FILE = "questions.toml"
"""A file of this name in the data folder adds the user's own questions to the bank."""


@cache
def assets_dir() -> Path:
    """Where the content files are, installed or in a checkout."""
    for candidate in (PACKAGE_DIR / "assets", PACKAGE_DIR.parent.parent / "assets"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise FileNotFoundError(
        "Brilliance's assets folder is missing; reinstall the package (pip install brilliance)."
    )


def read_toml(name: str) -> dict[str, Any]:
    """One TOML content file, parsed afresh (for content parsed once into something else)."""
    with (assets_dir() / name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_toml(name: str) -> dict[str, Any]:
    """One TOML content file, parsed once per process."""
    return read_toml(name)


def questions() -> list[Question]:
    return parse_questions(load_toml("questions.toml"))


def user_questions(data_dir: Path) -> tuple[list[Question], str | None]:
    """The user's own questions from ``<data dir>/questions.toml``, and a problem if unreadable.

    The file uses the same format as the bank; ids may be omitted (they default to
    ``user-N``) and themes are optional.
    """
    path = data_dir / USER_QUESTIONS_FILE
    if not path.exists():
        return [], None
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        items = []
        for number, raw in enumerate(data.get("questions", []), start=1):
            raw = {"id": f"user-{number}", **raw}
            items.append(raw)
        return parse_questions({"questions": items}), None
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        return [], f"{path} could not be read ({exc}); using the built-in questions only"


def prompts() -> list[Prompt]:
    return parse_prompts(load_toml("prompts.toml"))


def ideas() -> list[Idea]:
    return parse_ideas(load_toml("ideas.toml"))


def meeting_kinds() -> list[MeetingKind]:
    return parse_kinds(load_toml("venues.toml"))


def praise() -> PraisePrompts:
    return parse_praise(load_toml("praise.toml"))


def partnership_questions() -> list[PartnershipQuestion]:
    return parse_partnership(load_toml("partnership.toml"))


@cache
def matcher() -> Matcher:
    """The matching engine with our topic map (``topics.toml``), read once per process.

    The file's parsed text is not kept (``read_toml``): the map holds all it needs of it.
    """
    return Matcher(TopicMap.parse(read_toml("topics.toml")))


@cache
def question_templates() -> QuestionTemplates:
    """Templates for questions made from the person (``question_templates.toml``)."""
    return QuestionTemplates.parse(load_toml("question_templates.toml"))
