"""Questions for the next meeting: personal and forward-looking first, never one already asked.

Four on a sheet: at least two look ahead (the years-ahead and aspiration themes) and, when
there is something to draw on, one comes from the person (the last meeting's notes, their
latest win or a goal), made from templates in ``assets/question_templates.toml``. Swapping a
question (r) walks through every question not yet asked before any comes round again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from brilliance.domain.content import Question
from brilliance.domain.matching import plain
from brilliance.domain.models import Meeting, MeetingStatus, Person
from brilliance.domain.ranking import stable_rank

QUESTION_COUNT = 4
LOOK_AHEAD = frozenset({"years-ahead", "aspirations"})
LOOK_AHEAD_MIN = 2
FROM_PERSON = "from-the-person"
"""The theme of a question made from what I know of the person."""

THEME_HINTS: dict[str, tuple[str, ...]] = {
    "learning": ("learn", "course", "study", "skill", "degree", "certif", "phd", "master"),
    "collaboration": ("team", "partner", "together", "collaborat", "cofound", "community"),
    "coaching": ("lead", "manag", "mentor", "coach", "promot", "senior", "head"),
    "challenges": ("raise", "fund", "launch", "hire", "grow", "scale", "ship", "change"),
    "years-ahead": ("career", "future", "next", "move", "switch", "found", "start", "become"),
    "proudest-work": ("publish", "write", "book", "talk", "build", "design", "portfolio"),
}


def normalise_question(text: str) -> str:
    """Questions compare by their words, not case or punctuation."""
    return " ".join(plain(text).replace("?", " ").replace("’", "'").split())


def question_key(text: str) -> str:
    """What a question's tick is saved under."""
    return "q:" + hashlib.sha256(normalise_question(text).encode()).hexdigest()[:10]


def asked_questions(meetings: Iterable[Meeting]) -> set[str]:
    """Normalised texts of every question already asked in these meetings."""
    return {normalise_question(q) for m in meetings for q in m.questions_asked}


@dataclass(frozen=True)
class QuestionTemplates:
    """Ways to ask about the person's notes, wins and goals (``{note}``, ``{win}``, ``{goal}``)."""

    from_note: tuple[str, ...] = ()
    from_win: tuple[str, ...] = ()
    from_goal: tuple[str, ...] = ()

    @classmethod
    def parse(cls, data: Mapping[str, object]) -> QuestionTemplates:
        def texts(key: str, field: str) -> tuple[str, ...]:
            raw = data.get(key, [])
            if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
                raise ValueError(f"question templates: {key} must be a list of texts")
            if any(field not in t for t in raw):
                raise ValueError(f"question templates: every {key} text needs {field}")
            return tuple(raw)

        return cls(
            texts("from_note", "{note}"), texts("from_win", "{win}"), texts("from_goal", "{goal}")
        )


def latest_note(meetings: Sequence[Meeting]) -> str:
    """The first sentence of my notes from the latest held meeting, shortened."""
    for meeting in sorted(meetings, key=lambda m: (m.when, m.id), reverse=True):
        if meeting.status == MeetingStatus.DONE and meeting.notes.strip():
            text = " ".join(meeting.notes.split())
            sentence = substantial_sentence(text.split(". "))
            return sentence if len(sentence) <= 70 else sentence[:69].rstrip() + "…"
    return ""


NOTE_WORDS = 3
"""A sentence of my notes worth asking about has at least this many words: "Good energy."
says how it felt, not what was talked about."""


def substantial_sentence(sentences: Sequence[str]) -> str:
    """The first sentence with something in it to ask about, else the longest one."""
    cleaned = [s.strip().rstrip(".") for s in sentences if s.strip()]
    for sentence in cleaned:
        if len(sentence.split()) >= NOTE_WORDS:
            return sentence
    return max(cleaned, key=len, default="")


def person_questions(
    person: Person,
    meetings: Sequence[Meeting],
    templates: QuestionTemplates,
    asked: set[str],
    day: date,
) -> list[Question]:
    """Questions made from the person, best first: last notes, then latest win, then goals."""
    note = latest_note(meetings)
    groups: list[list[tuple[str, str, str]]] = []
    if note:
        groups.append([(t, "{note}", note) for t in templates.from_note])
    if person.wins:
        groups.append([(t, "{win}", person.wins[-1]) for t in templates.from_win])
    groups.append([(t, "{goal}", goal) for goal in person.goals for t in templates.from_goal])
    made: list[Question] = []
    for group in groups:
        # Within one kind, which template leads varies from day to day.
        group.sort(key=lambda s: stable_rank(person.id, day.isoformat(), s[0], s[2]))
        for template, field, value in group:
            text = template.replace(field, value.strip().rstrip(".?!"))
            if normalise_question(text) not in asked:
                key = hashlib.sha256(normalise_question(text).encode()).hexdigest()[:8]
                made.append(Question(f"person-{key}", text, (FROM_PERSON,)))
    return made


def preferred_themes(person: Person, met_before: bool, shares_interests: bool) -> dict[str, int]:
    """How much each question theme fits this person now (higher fits better)."""
    weights = {"aspirations": 2, "years-ahead": 2}
    aims = " ".join([*person.goals, person.aspirations]).casefold()
    if aims.strip():
        weights["aspirations"] += 1
        for theme, hints in THEME_HINTS.items():
            if any(hint in aims for hint in hints):
                weights[theme] = weights.get(theme, 0) + 3
    if not met_before:
        weights["ice-breaker"] = weights.get("ice-breaker", 0) + 2
    if not shares_interests:
        weights["outside-work"] = weights.get("outside-work", 0) + 2
    return weights


def rank_questions(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    day: date,
    *,
    met_before: bool,
    shares_interests: bool,
) -> list[Question]:
    """Every question of the bank not yet asked of this person, best fitting first, mixed."""
    weights = preferred_themes(person, met_before, shares_interests)
    fresh = [q for q in bank if normalise_question(q.text) not in asked]
    fresh.sort(
        key=lambda q: (
            -max((weights.get(t, 0) for t in q.themes), default=0),
            stable_rank(person.id, day.isoformat(), q.id),
        )
    )
    # Interleave themes so four suggestions are not four variations of one question.
    ranked: list[Question] = []
    used_themes: set[str] = set()
    pending = list(fresh)
    while pending:
        pick = next((q for q in pending if not used_themes & set(q.themes)), pending[0])
        ranked.append(pick)
        pending.remove(pick)
        used_themes.update(pick.themes)
        if len(used_themes) >= 8:
            used_themes.clear()
    return ranked


def looks_ahead(question: Question) -> bool:
    return bool(LOOK_AHEAD & set(question.themes))


def suggest_questions(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    day: date,
    *,
    met_before: bool = True,
    shares_interests: bool = True,
    count: int = QUESTION_COUNT,
    from_person: Sequence[Question] = (),
) -> list[Question]:
    """``count`` questions for the next meeting, never one already asked of this person.

    At least two look ahead; the first of ``from_person`` (if any) takes one place.
    """
    ranked = rank_questions(
        person, bank, asked, day, met_before=met_before, shares_interests=shares_interests
    )
    ahead = [q for q in ranked if looks_ahead(q)][:LOOK_AHEAD_MIN]
    chosen = list(ahead)
    chosen += list(from_person[:1])
    chosen += [q for q in ranked if q not in chosen][: max(0, count - len(chosen))]
    return chosen[:count]


def swap_question(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    shown: Sequence[str],
    day: date,
    *,
    current: str | None = None,
    from_person: Sequence[Question] = (),
) -> Question | None:
    """The question after ``current`` in a fixed order, skipping those asked or on the sheet.

    Pressing swap again and again on one line walks through every question not yet asked
    before any comes round again. None when the bank is spent.
    """
    on_sheet = {normalise_question(text) for text in shown}
    order = list(from_person) + rank_questions(
        person, bank, asked, day, met_before=True, shares_interests=True
    )
    texts = [normalise_question(q.text) for q in order]
    here = normalise_question(current) if current else ""
    start = texts.index(here) + 1 if here in texts else 0
    for step in range(len(order)):
        index = (start + step) % len(order)
        if texts[index] not in on_sheet:
            return order[index]
    return None
