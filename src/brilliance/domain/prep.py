"""Meeting prep: everything on the checklist for one person and one meeting.

Plain functions over plain inputs. Every suggestion is deterministic for the same data and
day (a stable hash replaces randomness), so the sheet never flickers between renders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from brilliance.domain.content import (
    MeetingKind,
    PartnershipQuestion,
    PraisePrompts,
    Question,
)
from brilliance.domain.matching import common_keywords, keywords, plain
from brilliance.domain.models import (
    Event,
    FollowUp,
    Meeting,
    MeetingStatus,
    PartnershipAnswer,
    Person,
    Profile,
)

QUESTION_COUNT = 4
INTRO_LIMIT = 5
EVENT_LIMIT = 5
RECENT_MEETINGS = 3


def stable_rank(*parts: str) -> str:
    """A repeatable pseudo-random sort key: the same inputs always sort the same way."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def normalise_question(text: str) -> str:
    """Questions compare by their words, not case or punctuation."""
    return " ".join(plain(text).replace("?", " ").replace("’", "'").split())


# -- questions ------------------------------------------------------------------------------

THEME_HINTS: dict[str, tuple[str, ...]] = {
    "learning": ("learn", "course", "study", "skill", "degree", "certif", "phd", "master"),
    "collaboration": ("team", "partner", "together", "collaborat", "cofound", "community"),
    "coaching": ("lead", "manag", "mentor", "coach", "promot", "senior", "head"),
    "challenges": ("raise", "fund", "launch", "hire", "grow", "scale", "ship", "change"),
    "years-ahead": ("career", "future", "next", "move", "switch", "found", "start", "become"),
    "proudest-work": ("publish", "write", "book", "talk", "build", "design", "portfolio"),
}


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


def asked_questions(meetings: Iterable[Meeting]) -> set[str]:
    """Normalised texts of every question already asked in these meetings."""
    return {normalise_question(q) for m in meetings for q in m.questions_asked}


def rank_questions(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    day: date,
    *,
    met_before: bool,
    shares_interests: bool,
) -> list[Question]:
    """Every question not yet asked of this person, best fitting first, themes mixed."""
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


def suggest_questions(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    day: date,
    *,
    met_before: bool = True,
    shares_interests: bool = True,
    count: int = QUESTION_COUNT,
) -> list[Question]:
    """``count`` questions for the next meeting, never one already asked of this person."""
    return rank_questions(
        person, bank, asked, day, met_before=met_before, shares_interests=shares_interests
    )[:count]


def swap_question(
    person: Person,
    bank: Sequence[Question],
    asked: set[str],
    shown: Sequence[str],
    day: date,
) -> Question | None:
    """The best question not asked and not already on the sheet, or None if the bank is spent."""
    on_sheet = {normalise_question(text) for text in shown}
    for question in rank_questions(
        person, bank, asked | on_sheet, day, met_before=True, shares_interests=True
    ):
        return question
    return None


# -- shared interests -----------------------------------------------------------------------


@dataclass(frozen=True)
class SharedInterest:
    mine: str
    theirs: str

    def describe(self) -> str:
        if plain(self.mine) == plain(self.theirs):
            return self.theirs
        return f"{self.theirs} (you: {self.mine})"


def shared_interests(mine: Sequence[str], theirs: Sequence[str]) -> list[SharedInterest]:
    """Their interests that match one of mine, ignoring case, plurals and small misspellings."""
    found: list[SharedInterest] = []
    for their_interest in theirs:
        for my_interest in mine:
            if common_keywords(my_interest, their_interest):
                found.append(SharedInterest(my_interest, their_interest))
                break
    return found


# -- introductions and events ---------------------------------------------------------------


@dataclass(frozen=True)
class Introduction:
    """Someone in my network who could help this person, and why."""

    person: Person
    reasons: tuple[str, ...]
    score: int

    def describe(self) -> str:
        return f"{self.person.name}: {'; '.join(self.reasons)}"


def introductions_made(person_id: str, meetings: Iterable[Meeting]) -> set[str]:
    """Ids of people already introduced to (or from) this person, in any meeting."""
    made: set[str] = set()
    for meeting in meetings:
        if meeting.person_id == person_id:
            made.update(meeting.introductions)
        elif person_id in meeting.introductions:
            made.add(meeting.person_id)
    return made


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _aims(person: Person) -> list[tuple[str, str]]:
    aims = [("goal", goal) for goal in person.goals]
    if person.aspirations.strip():
        aims.append(("aspiration", shorten(" ".join(person.aspirations.split()), 48)))
    return aims


def suggest_introductions(
    person: Person,
    network: Iterable[Person],
    already_made: set[str],
    limit: int = INTRO_LIMIT,
) -> list[Introduction]:
    """People whose skills, headline or organisation fit this person's goals, best first.

    A rare word counts for more than a common one: in a network full of designers, "design"
    says little, while "seed investing" against "raise a seed round" says a lot.
    """
    aims = _aims(person)
    if not aims:
        return []
    candidates = [c for c in network if c.id != person.id and c.id not in already_made]
    profile_words = {
        c.id: set(keywords(" ".join([*c.skills, c.headline, c.organisation]))) for c in candidates
    }
    frequency: dict[str, int] = {}
    for words in profile_words.values():
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1

    def rarity(words: list[str]) -> float:
        return sum(1 / frequency.get(word, 1) for word in words)

    found: list[Introduction] = []
    for candidate in candidates:
        reasons: list[str] = []
        score = 0.0
        sources = [(skill, 3) for skill in candidate.skills]
        sources += [(candidate.headline, 2), (candidate.organisation, 1)]
        for kind, aim in aims:
            # The strongest thing about them that fits this aim: one reason per aim.
            best: tuple[float, str] | None = None
            for text, weight in sources:
                if not text:
                    continue
                matched = common_keywords(text, aim)
                if matched and (best is None or weight * rarity(matched) > best[0]):
                    best = (weight * rarity(matched), text)
            if best is not None:
                # A stated goal is firmer ground than a sentence of aspirations.
                score += best[0] * (1.0 if kind == "goal" else 0.5)
                reasons.append(f"{best[1]} -> {kind} '{aim}'")
        if reasons:
            found.append(Introduction(candidate, tuple(reasons[:2]), round(score * 100)))
    found.sort(key=lambda i: (-i.score, i.person.name.casefold(), i.person.id))
    return found[:limit]


@dataclass(frozen=True)
class EventSuggestion:
    event: Event
    reasons: tuple[str, ...]
    invited: bool

    def describe(self) -> str:
        place = f", {self.event.place}" if self.event.place else ""
        invited = " (invited)" if self.invited else ""
        reasons = "; ".join(self.reasons)
        return f"{self.event.title}, {self.event.day:%a %d %b}{place}{invited}: {reasons}"


def suggest_events(
    person: Person, events: Iterable[Event], today: date, limit: int = EVENT_LIMIT
) -> list[EventSuggestion]:
    """Upcoming events whose topics fit their interests or goals, soonest first."""
    wants = [("interest", i) for i in person.interests] + _aims(person)
    found: list[EventSuggestion] = []
    for event in events:
        if event.day < today:
            continue
        reasons: list[str] = []
        for kind, want in wants:
            for topic in [*event.topics, event.title]:
                if common_keywords(topic, want):
                    reasons.append(f"{topic} -> {kind} '{want}'")
                    break
        if reasons:
            found.append(EventSuggestion(event, tuple(reasons[:2]), person.id in event.invited))
    found.sort(key=lambda s: (s.event.day, s.event.title.casefold(), s.event.id))
    return found[:limit]


# -- where to meet --------------------------------------------------------------------------


@dataclass(frozen=True)
class VenueSuggestion:
    kind: MeetingKind
    venue: str
    recent: tuple[str, ...]
    """How the last meetings went, for the reason ("last three: coffee, coffee, lunch")."""

    def describe(self) -> str:
        if self.recent:
            return f"{self.kind.label}: {self.venue} (last: {', '.join(self.recent)})"
        return f"{self.kind.label}: {self.venue}"


def suggest_venue(
    person: Person,
    past_meetings: Sequence[Meeting],
    kinds: Sequence[MeetingKind],
    day: date,
) -> VenueSuggestion | None:
    """A kind of meeting and a place unlike the last three with this person."""
    if not kinds:
        return None
    held = [m for m in past_meetings if m.status != MeetingStatus.CANCELLED]
    held.sort(key=lambda m: (m.when, m.id))
    recent = held[-RECENT_MEETINGS:]
    recent_kinds = {plain(m.kind) for m in recent}
    recent_places = {plain(m.place) for m in recent if m.place}
    fresh = [
        k for k in kinds if plain(k.id) not in recent_kinds and plain(k.label) not in recent_kinds
    ]
    pool = fresh or list(kinds)
    pool.sort(key=lambda k: stable_rank(person.id, day.isoformat(), k.id))
    kind = pool[0]
    venues = [v for v in kind.venues if plain(v) not in recent_places] or list(kind.venues)
    venues.sort(key=lambda v: stable_rank(person.id, day.isoformat(), v))
    described = tuple(f"{m.kind}{' at ' + m.place if m.place else ''}" for m in reversed(recent))
    return VenueSuggestion(kind, venues[0], described)


# -- praise ---------------------------------------------------------------------------------


def latest_note(meetings: Sequence[Meeting]) -> str:
    """The first sentence of my notes from the latest held meeting, shortened."""
    for meeting in sorted(meetings, key=lambda m: (m.when, m.id), reverse=True):
        if meeting.status == MeetingStatus.DONE and meeting.notes.strip():
            text = " ".join(meeting.notes.split())
            sentence = text.split(". ")[0].rstrip(".")
            return sentence if len(sentence) <= 70 else sentence[:69].rstrip() + "…"
    return ""


def suggest_praise(
    person: Person, meetings: Sequence[Meeting], prompts: PraisePrompts, day: date
) -> str:
    """Something sincere to praise: from their latest win, else my latest notes, else general."""

    def pick(options: Sequence[str]) -> str:
        return min(options, key=lambda o: stable_rank(person.id, day.isoformat(), o))

    if person.wins and prompts.with_win:
        return pick(prompts.with_win).replace("{win}", person.wins[-1])
    note = latest_note(meetings)
    if note and prompts.with_note:
        return pick(prompts.with_note).replace("{note}", note)
    return pick(prompts.generic) if prompts.generic else ""


# -- the sheet ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One line of the checklist. ``key`` is what is saved when it is ticked."""

    key: str
    text: str
    detail: str = ""
    ref: str = ""
    """An id the screen can act on: a person to introduce, an event, a follow-up."""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    empty: str = ""
    """What to say when there is nothing in this section."""


@dataclass(frozen=True)
class PrepSheet:
    person: Person
    meeting: Meeting | None
    sections: tuple[Section, ...]
    checked: frozenset[str] = field(default_factory=frozenset)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def questions(self) -> list[str]:
        return [item.text for item in self.section("questions").items]


@dataclass(frozen=True)
class PrepInputs:
    """Everything the sheet is built from, gathered by the caller from the store."""

    person: Person
    meeting: Meeting | None
    profile: Profile
    people: Sequence[Person]
    meetings: Sequence[Meeting]
    """All meetings (introductions are checked across everyone)."""
    followups: Sequence[FollowUp]
    events: Sequence[Event]
    bank: Sequence[Question]
    kinds: Sequence[MeetingKind]
    praise: PraisePrompts
    partnership: Sequence[PartnershipQuestion]
    today: date
    chosen_questions: Sequence[str] | None = None
    """Questions chosen for a meeting not planned yet (swapped or added on the sheet)."""


def question_key(text: str) -> str:
    return "q:" + hashlib.sha256(normalise_question(text).encode()).hexdigest()[:10]


def sheet_questions(data: PrepInputs, shares: bool) -> list[str]:
    """The meeting's chosen questions if it has them, else fresh suggestions."""
    if data.chosen_questions:
        return list(data.chosen_questions)
    if data.meeting is not None and data.meeting.prep.questions:
        return list(data.meeting.prep.questions)
    theirs = [m for m in data.meetings if m.person_id == data.person.id]
    met_before = (
        any(m.status == MeetingStatus.DONE for m in theirs) or data.person.last_met is not None
    )
    return [
        q.text
        for q in suggest_questions(
            data.person,
            data.bank,
            asked_questions(theirs),
            data.today,
            met_before=met_before,
            shares_interests=shares,
        )
    ]


def interest_question(data: PrepInputs, on_sheet: Sequence[str]) -> str | None:
    """A question about their interests, for when we share none: not asked, not on the sheet."""
    theirs = [m for m in data.meetings if m.person_id == data.person.id]
    taken = asked_questions(theirs) | {normalise_question(q) for q in on_sheet}
    options = [
        q
        for q in data.bank
        if "outside-work" in q.themes and normalise_question(q.text) not in taken
    ]
    if not options:
        return None
    options.sort(key=lambda q: stable_rank(data.person.id, data.today.isoformat(), q.id))
    return options[0].text


def build_sheet(data: PrepInputs) -> PrepSheet:
    """The whole checklist for one person and (optionally) one planned meeting."""
    person = data.person
    theirs = sorted(
        (m for m in data.meetings if m.person_id == person.id), key=lambda m: (m.when, m.id)
    )
    shared = shared_interests(data.profile.interests, person.interests)
    sections: list[Section] = []

    questions = sheet_questions(data, bool(shared))
    sections.append(
        Section(
            "questions",
            "Questions to ask",
            tuple(Item(question_key(q), q) for q in questions),
            "Every question in the bank has been asked; add your own with a.",
        )
    )

    if shared:
        interest_items = tuple(Item(f"interest:{plain(s.theirs)}", s.describe()) for s in shared)
        empty = ""
    else:
        if not data.profile.interests:
            reason = "Add your own interests to your profile (ctrl+o) to find common ground."
        elif not person.interests:
            reason = f"You don't know {person.name}'s interests yet."
        else:
            reason = "Nothing in common on paper yet."
        empty = reason
        interest_items = ()
        ask = interest_question(data, questions)
        if ask is not None:
            interest_items = (Item("interest-question", f"{reason} Ask: \u201c{ask}\u201d"),)
    sections.append(Section("interests", "Shared interests", interest_items, empty))

    aims = [Item(f"goal:{plain(g)}", g, "goal") for g in person.goals]
    if person.aspirations.strip():
        aims.append(Item("aspirations", " ".join(person.aspirations.split()), "aspirations"))
    if person.how_i_can_help.strip():
        aims.append(Item("help", " ".join(person.how_i_can_help.split()), "how I can help"))
    sections.append(
        Section(
            "aims",
            "Their goals, aspirations and how I can help",
            tuple(aims),
            "Nothing noted yet: ask about their goals, and note them (e on the List).",
        )
    )

    owed = sorted(
        (f for f in data.followups if f.person_id == person.id and not f.done),
        key=lambda f: (f.due, f.created_at, f.id),
    )
    sections.append(
        Section(
            "followups",
            "Promises I owe them (oldest first)",
            tuple(
                Item(
                    f"followup:{f.id}",
                    f.text,
                    f"due {f.due.isoformat()}" + (" - OVERDUE" if f.due < data.today else ""),
                    f.id,
                )
                for f in owed
            ),
            "No open promises.",
        )
    )

    made = introductions_made(person.id, data.meetings)
    intros = suggest_introductions(person, data.people, made)
    sections.append(
        Section(
            "introductions",
            "Introductions I could make",
            tuple(Item(f"intro:{i.person.id}", i.describe(), ref=i.person.id) for i in intros),
            "No one in your network matches their goals yet."
            if _aims(person)
            else "Note their goals to see who you could introduce them to.",
        )
    )

    events = suggest_events(person, data.events, data.today)
    sections.append(
        Section(
            "events",
            "Events to invite them to",
            tuple(Item(f"event:{e.event.id}", e.describe(), ref=e.event.id) for e in events),
            "No upcoming event fits their interests or goals (v manages events).",
        )
    )

    venue = suggest_venue(person, theirs, data.kinds, data.today)
    sections.append(
        Section(
            "venue",
            "Where to meet",
            (Item("venue", venue.describe()),) if venue else (),
            "",
        )
    )

    praise = suggest_praise(person, theirs, data.praise, data.today)
    sections.append(
        Section(
            "praise", "Something sincere to praise", (Item("praise", praise),) if praise else ()
        )
    )

    if person.partnership_prospect:
        review = person.partnership_review
        items = []
        for question in data.partnership:
            answer = review.get(question.key, PartnershipAnswer())
            detail = answer.answer.value or "not answered"
            if answer.note:
                detail += f" - {answer.note}"
            items.append(Item(f"partner:{question.key}", question.text, detail))
        sections.append(Section("partnership", "Before partnering: seven questions", tuple(items)))

    # Issue 17's sections (dates, introduction outcomes, unpraised wins) live in their own
    # module, which imports this one: hence the import here.
    from brilliance.domain.prep_practice import practice_sections

    sections = practice_sections(data, sections)
    checked = frozenset(data.meeting.prep.checked) if data.meeting else frozenset()
    return PrepSheet(person, data.meeting, tuple(sections), checked)


def render_markdown(sheet: PrepSheet, today: date) -> str:
    """The sheet as Markdown, for `x` and `brilliance prep NAME`."""
    person = sheet.person
    lines = [f"# Prep: {person.name}"]
    about = " · ".join(part for part in (person.headline, person.organisation) if part)
    if about:
        lines.append(f"*{about}*")
    lines.append("")
    if sheet.meeting is not None:
        meeting = sheet.meeting
        place = f" at {meeting.place}" if meeting.place else ""
        lines.append(f"Meeting: {meeting.kind}{place}, {meeting.when:%A %d %B %Y, %H:%M}")
    else:
        lines.append("Meeting: not planned yet")
    if person.last_met:
        lines.append(f"Last met: {person.last_met.isoformat()}")
    lines.append(f"Prepared: {today.isoformat()}")
    for section in sheet.sections:
        lines += ["", f"## {section.title}", ""]
        if not section.items:
            lines.append(f"_{section.empty or 'Nothing here yet.'}_")
        for item in section.items:
            box = "x" if item.key in sheet.checked else " "
            detail = f" ({item.detail})" if item.detail else ""
            lines.append(f"- [{box}] {item.text}{detail}")
    return "\n".join(lines) + "\n"
