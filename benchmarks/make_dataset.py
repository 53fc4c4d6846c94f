"""Write a realistic Brilliance data file: years of daily use, the same bytes for the same seed.

    python benchmarks/make_dataset.py --years 10 --data-dir benchmarks/data/10y

At ten years: 300 people (12 on the list), 3,650 journal entries of about 150 words with
@mentions and #tags, 3,000 meetings with notes, questions asked and value given, 1,500
follow-ups and 200 events. Every count grows linearly with ``--years`` (the dozen on the list
stays a dozen), so 1 and 20 years show how costs grow. ``--years 0.1`` makes a tiny file for
the CI smoke test.

Everything goes through the project's own models and ``Store`` in one batch, so the file is
always one the app accepts. Dates end at ``--today`` (default: the real today), so the data is
"current" whenever it is generated. The journal's words come from a small vocabulary written
for this script.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    Answer,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    PartnershipAnswer,
    Person,
    Profile,
    ValueItem,
    ValueKind,
)
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

DEFAULT_SEED = 20_26

PER_YEAR = {
    "people": 30,
    "journal": 365,
    "meetings": 300,
    "followups": 150,
    "events": 20,
}
"""Records per year of use. The list itself is always a dozen."""
ON_LIST = 12

SEARCH_QUERIES = ("sourdough", "roadmap feedback", "zzzz-no-such-word")
"""What the benchmark searches for: a word in about 6% of the entries, two words that are
both in about 40%, and a word in none (every entry scanned, nothing to show)."""


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def phrases(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(","))


# -- a vocabulary of our own ------------------------------------------------------------------

FIRST_NAMES = words(
    "Ada Amir Anouk Aris Bea Bram Cai Carmen Dario Dilnoza Eamon Edda Femi Freya "
    "Gideon Greta Hamid Hedda Ines Ivo Jonas Juno Kasia Kenji Lale Luca Mara Mateo "
    "Nadia Nils Odile Omar Priya Pavel Quinn Rosa Rafael Saskia Tariq Thea Uma "
    "Viktor Wren Yara Yusuf Zita"
)
SURNAMES = words(
    "Abara Brenner Castell Dunmore Eskola Farrow Galvez Holt Ibarra Jansen Kovac "
    "Lindqvist Moreau Nakamura Okafor Petrov Quist Rahman Sandoval Tamm Ulloa Varga "
    "Whitcombe Xavier Yilmaz Zoltan Achebe Bianchi Cordero Dahl Egan Fontaine Gallo "
    "Haddad Ivers Jovanovic"
)
HEADLINES = (
    "Product designer",
    "Data engineer",
    "Founder of a small studio",
    "Staff engineer",
    "Research scientist",
    "Community lead",
    "Product manager",
    "Marketing lead",
    "Climate analyst",
    "Mobile developer",
    "PhD student",
    "Head of operations",
    "Illustrator",
    "Policy advisor",
    "Sales engineer",
)
ORGANISATIONS = (
    "Lumen Works",
    "Tideline",
    "North Quay Labs",
    "Brightfield",
    "Copperleaf",
    "Harbour Analytics",
    "Fernhill Studio",
    "Open Orchard",
    "",
)
SKILLS = phrases(
    "python, data modelling, sql, user research, pricing, writing, public speaking, "
    "hiring, fundraising, design systems, accessibility, machine learning, "
    "negotiation, mentoring, product strategy, community building, illustration, "
    "sales, operations, analytics"
)
GOALS = (
    "lead a team within two years",
    "publish a book on their field",
    "raise a first funding round",
    "speak at a large conference",
    "move into product management",
    "finish the doctorate",
    "start a consultancy",
    "grow the community to a thousand members",
    "learn to manage managers",
    "ship an accessible design system",
    "find a mentor in pricing",
    "write for a wider audience",
)
INTERESTS = phrases(
    "climbing, cycling, jazz, sourdough, chess, photography, trail running, "
    "board games, gardening, sailing, poetry, film, cooking, birdwatching, pottery, "
    "swimming"
)
HELP_IDEAS = (
    "Introduce them to someone who has done it before",
    "Invite them to the next meetup",
    "Share my notes on pricing",
    "Review their talk draft",
    "Recommend them for a speaker slot",
    "Lend them the book on negotiation",
    "Connect them with the grants panel",
)
WINS = (
    "shipped the redesign",
    "gave a well received talk",
    "closed a hard hire",
    "got the paper accepted",
    "launched the beta",
    "grew the newsletter",
)
PLACES = (
    "the corner café",
    "the park by the river",
    "their office",
    "the market hall",
    "a bookshop café",
    "the climbing gym",
    "a ramen bar",
    "the museum café",
)
EVENT_TITLES = (
    "Data meetup",
    "Design systems evening",
    "Founders breakfast",
    "Climate tech talks",
    "Open studio night",
    "Pricing workshop",
    "Writers circle",
    "Product leaders dinner",
)
TAGS = (
    "mentoring",
    "gratitude",
    "followup",
    "ideas",
    "introductions",
    "career",
    "events",
    "reflection",
    "listening",
    "partners",
)
FOLLOW_UP_TEXTS = (
    "Send the article on {topic}",
    "Introduce them to {name}",
    "Share my notes on {topic}",
    "Invite them to the {event}",
    "Review their draft on {topic}",
    "Ask {name} about an opening for them",
)
TOPICS = (
    "pricing",
    "hiring",
    "roadmaps",
    "fundraising",
    "public speaking",
    "design critique",
    "team rituals",
    "feedback",
    "writing",
    "career moves",
)

# Journal sentences: slots are filled from the word lists below. {who} is an @mention.
JOURNAL_SENTENCES = (
    "Met {who} for {meal} and we talked about {topic} for most of the hour.",
    "{who} is thinking about {goal}, and I want to help with that.",
    "I listened more than I spoke today, which felt {feeling}.",
    "The {thing} I shared with {who} seemed to land well.",
    "Tomorrow I should follow up on the {topic} idea before it goes stale.",
    "I noticed that {who} lights up when the conversation turns to {interest}.",
    "A quiet day, mostly {work}, but I kept the practice going.",
    "I owe {who} a short note about {topic} and a thank you for the time.",
    "It was {feeling} to hear how the {project} is going.",
    "Next time I want to ask about {goal} rather than about numbers.",
    "I could introduce {who} to someone who knows {topic} well.",
    "We walked to {place} and the change of scene helped.",
    "The {event} is coming up and {who} would enjoy it.",
    "I gave some feedback on the {project} and tried to start with what works.",
    "Praise for {who}: the way they handled the {project} was {feeling}.",
    "I am still learning to ask, then wait, then ask again.",
    "Spent the evening on {work} and thinking about {topic}.",
    "Small promise kept today: sent the {thing} I mentioned last week.",
    "The conversation drifted to {interest}, which we both enjoy.",
    "I want to spend more time with people who are still on their way up.",
)
FILLS = {
    "meal": ("coffee", "lunch", "breakfast", "a walk", "dinner", "tea"),
    "topic": TOPICS,
    "goal": GOALS,
    "feeling": ("good", "odd", "useful", "humbling", "encouraging", "clarifying", "warm"),
    "thing": ("article", "reading list", "introduction", "talk recording", "template"),
    "interest": INTERESTS,
    "work": ("planning", "email", "writing", "reviews", "roadmap feedback", "admin"),
    "project": ("launch", "rewrite", "research project", "migration", "workshop", "roadmap"),
    "place": PLACES,
    "event": EVENT_TITLES,
}
MEETING_NOTES = (
    "Talked about {topic}. They are weighing {goal}.",
    "Good energy. Asked about what they look forward to; answer was about {interest}.",
    "Mostly listened. The {project} is hard going but they are learning a lot.",
    "They asked for advice on {topic}; I suggested a short experiment first.",
    "Shared the {thing}. They want to {goal}.",
)
VALUE_NOTES = {
    ValueKind.INFORMATION: ("Sent the article on {topic}", "Shared my notes on {topic}"),
    ValueKind.CONNECTION: ("Introduced them to {name}", "Put them in touch with {name}"),
    ValueKind.ENTERTAINMENT: ("Took them to the {event}", "Tickets to the {event}"),
}
FALLBACK_QUESTIONS = (
    "What are you most looking forward to in the next few years?",
    "What would make next year a great year for you?",
    "Who has shaped the way you work?",
    "What are you learning at the moment?",
)
FALLBACK_PROMPTS = ("Who did I help today, and how?",)


def project_questions() -> list[str]:
    """The app's own question bank (so 'not asked before' has real work to do)."""
    try:
        from brilliance import assets

        return [q.text for q in assets.questions()] or list(FALLBACK_QUESTIONS)
    except (ImportError, AttributeError, FileNotFoundError):
        return list(FALLBACK_QUESTIONS)


def project_prompts() -> list[str]:
    try:
        from brilliance import assets

        return [p.text for p in assets.prompts()] or list(FALLBACK_PROMPTS)
    except (ImportError, AttributeError, FileNotFoundError):
        return list(FALLBACK_PROMPTS)


def partnership_keys() -> list[str]:
    try:
        from brilliance import assets

        return [q.key for q in assets.partnership_questions()]
    except (ImportError, AttributeError, FileNotFoundError):
        return ["priorities", "strengths", "exit"]


# -- generation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    people: int
    on_list: int
    journal: int
    meetings: int
    followups: int
    events: int

    @classmethod
    def for_years(cls, years: float) -> Counts:
        def scaled(kind: str, floor: int = 1) -> int:
            return max(floor, round(PER_YEAR[kind] * years))

        people = scaled("people", floor=ON_LIST)
        return cls(
            people=people,
            on_list=ON_LIST,
            journal=scaled("journal"),
            meetings=scaled("meetings"),
            followups=scaled("followups"),
            events=scaled("events"),
        )


class Generator:
    """Builds every record from one random stream, so one seed gives one file."""

    def __init__(self, seed: int, today: date, years: float) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.now = datetime.combine(today, datetime.min.time()).replace(hour=21)
        self.counts = Counts.for_years(years)
        self.start = today - timedelta(days=self.counts.journal - 1)
        self._ids: set[str] = set()
        self.questions = project_questions()
        self.prompts = project_prompts()

    # small helpers

    def new_id(self) -> str:
        while True:
            candidate = f"{self.rng.getrandbits(48):012x}"
            if candidate not in self._ids:
                self._ids.add(candidate)
                return candidate

    def day_between(self, first: date, last: date) -> date:
        span = max(0, (last - first).days)
        return first + timedelta(days=self.rng.randint(0, span))

    def moment(self, day: date, hour_from: int = 8, hour_to: int = 20) -> datetime:
        return datetime.combine(day, datetime.min.time()).replace(
            hour=self.rng.randint(hour_from, hour_to), minute=self.rng.choice((0, 15, 30, 45))
        )

    def pick(self, items: tuple[str, ...] | list[str], low: int, high: int) -> list[str]:
        return self.rng.sample(list(items), k=min(len(items), self.rng.randint(low, high)))

    def fill(self, template: str, **known: str) -> str:
        values = {slot: self.rng.choice(words) for slot, words in FILLS.items()}
        values["name"] = known.get("name", "a friend in design")
        values.update(known)
        return template.format(**values)

    # records

    def names(self) -> list[str]:
        combos = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        if self.counts.people > len(combos):
            raise SystemExit(f"make_dataset: at most {len(combos)} people (asked for more)")
        chosen = self.rng.sample(combos, k=self.counts.people)
        # An @mention must resolve to exactly one person: no name may start another.
        folded = sorted(n.casefold() for n in chosen)
        for a, b in itertools.pairwise(folded):
            assert not b.startswith(a + " ") and a != b, (a, b)
        return chosen

    def people(self) -> list[Person]:
        people = []
        names = self.names()
        keys = partnership_keys()
        for index, name in enumerate(names):
            on_list = index < ON_LIST
            # The dozen were there from the start; the wider network grew over the years.
            created_day = self.start if on_list else self.day_between(self.start, self.today)
            created = self.moment(created_day)
            prospect = self.rng.random() < 0.05
            review = (
                {
                    key: PartnershipAnswer(
                        answer=self.rng.choice(list(Answer)), note=self.fill("Talked about {topic}")
                    )
                    for key in self.pick(keys, 1, len(keys))
                }
                if prospect
                else {}
            )
            first, last = name.split(" ", 1)
            people.append(
                Person(
                    id=self.new_id(),
                    name=name,
                    headline=self.rng.choice(HEADLINES),
                    organisation=self.rng.choice(ORGANISATIONS),
                    skills=self.pick(SKILLS, 2, 5),
                    aspirations=self.fill("Wants to {goal} and to get better at {topic}."),
                    goals=self.pick(GOALS, 1, 3),
                    interests=self.pick(INTERESTS, 1, 4),
                    how_i_can_help=self.rng.choice(HELP_IDEAS) if on_list else "",
                    wins=self.pick(WINS, 0, 2),
                    on_list=on_list,
                    cadence_days=self.rng.choice((14, 14, 14, 7, 21, 30)) if on_list else 60,
                    tags=self.pick(TAGS, 0, 2),
                    notes=self.fill("Met through the {event}. Likes {interest}."),
                    email=f"{first.casefold()}.{last.casefold()}@example.com",
                    phone=f"+44 20 7{self.rng.randint(100, 999)} {self.rng.randint(1000, 9999)}",
                    partnership_prospect=prospect,
                    partnership_review=review,
                    created_at=created,
                    updated_at=created,
                )
            )
        return people

    def meetings(self, people: list[Person]) -> list[Meeting]:
        dozen = [p for p in people if p.on_list]
        wider = [p for p in people if not p.on_list] or dozen
        meetings = []
        asked: dict[str, list[str]] = {}
        for _ in range(self.counts.meetings):
            person = self.rng.choice(dozen if self.rng.random() < 0.85 else wider)
            roll = self.rng.random()
            if roll < 0.02:  # planned, in the next three weeks
                day = self.today + timedelta(days=self.rng.randint(1, 21))
                status = MeetingStatus.PLANNED
            else:
                day = self.day_between(person.created_at.date(), self.today - timedelta(days=1))
                status = MeetingStatus.CANCELLED if roll < 0.07 else MeetingStatus.DONE
            when = self.moment(day)
            done = status is MeetingStatus.DONE
            fresh = [q for q in self.questions if q not in asked.get(person.id, [])]
            questions = self.rng.sample(fresh, k=min(len(fresh), 2)) if done else []
            asked.setdefault(person.id, []).extend(questions)
            values = []
            if done:
                for _ in range(self.rng.choice((0, 1, 1, 1, 2))):
                    kind = self.rng.choice(list(ValueKind))
                    other = self.rng.choice(people).name
                    values.append(
                        ValueItem(
                            kind=kind,
                            note=self.fill(self.rng.choice(VALUE_NOTES[kind]), name=other),
                        )
                    )
            logged = when + timedelta(hours=2) if done else when - timedelta(days=3)
            meetings.append(
                Meeting(
                    id=self.new_id(),
                    person_id=person.id,
                    when=when,
                    place=self.rng.choice(PLACES),
                    kind=self.rng.choice(("coffee", "lunch", "walk", "breakfast", "dinner")),
                    status=status,
                    notes=" ".join(self.fill(t) for t in self.pick(MEETING_NOTES, 2, 4))
                    if done
                    else "",
                    questions_asked=questions,
                    value_given=values,
                    created_at=min(logged, self.now),
                    updated_at=min(logged, self.now),
                )
            )
        return meetings

    def with_last_met(self, people: list[Person], meetings: list[Meeting]) -> list[Person]:
        last: dict[str, date] = {}
        for meeting in meetings:
            if meeting.status is MeetingStatus.DONE:
                last[meeting.person_id] = max(meeting.day, last.get(meeting.person_id, date.min))
        return [p.model_copy(update={"last_met": last.get(p.id)}) for p in people]

    def followups(self, people: list[Person], meetings: list[Meeting]) -> list[FollowUp]:
        held = [m for m in meetings if m.status is MeetingStatus.DONE]
        names = [p.name for p in people]
        followups = []
        for _ in range(self.counts.followups):
            meeting = self.rng.choice(held) if held else None
            person_id = meeting.person_id if meeting else self.rng.choice(people).id
            start = meeting.day if meeting else self.start
            due = start + timedelta(days=self.rng.randint(3, 21))
            done = due < self.today - timedelta(days=7) and self.rng.random() < 0.9
            created = self.moment(start)
            text = self.fill(
                self.rng.choice(FOLLOW_UP_TEXTS),
                name=self.rng.choice(names),
                topic=self.rng.choice(TOPICS),
                event=self.rng.choice(EVENT_TITLES),
            )
            followups.append(
                FollowUp(
                    id=self.new_id(),
                    person_id=person_id,
                    text=text,
                    due=due,
                    done=done,
                    done_on=due - timedelta(days=self.rng.randint(0, 3)) if done else None,
                    meeting_id=meeting.id if meeting else None,
                    created_at=min(created, self.now),
                    updated_at=min(created, self.now),
                )
            )
        return followups

    def events(self, people: list[Person]) -> list[Event]:
        events = []
        for _ in range(self.counts.events):
            day = self.day_between(self.start, self.today + timedelta(days=60))
            created = self.moment(min(day, self.today))
            invited = [p.id for p in self.rng.sample(people, k=self.rng.randint(0, 4))]
            events.append(
                Event(
                    id=self.new_id(),
                    title=self.rng.choice(EVENT_TITLES),
                    day=day,
                    place=self.rng.choice(PLACES),
                    topics=self.pick(TOPICS, 1, 3),
                    invited=invited,
                    notes=self.fill("Good for anyone into {topic}."),
                    created_at=created,
                    updated_at=created,
                )
            )
        return events

    def journal_text(self, mentions: list[Person], tags: list[str]) -> str:
        """About 150 words in two or three paragraphs, with @mentions and #tags."""
        target = self.rng.randint(120, 180)
        sentences: list[str] = []
        words = 0
        unused = list(mentions)
        while words < target:
            template = self.rng.choice(JOURNAL_SENTENCES)
            if "{who}" in template:
                if unused:
                    who = f"@{unused.pop(0).name}"
                elif mentions:
                    who = f"@{self.rng.choice(mentions).name}"
                else:
                    who = "a friend"
                sentence = self.fill(template, who=who)
            else:
                sentence = self.fill(template)
            sentences.append(sentence)
            words += len(sentence.split())
        for person in unused:  # every chosen person is mentioned at least once
            sentences.append(f"Thinking of @{person.name} too.")
        sentences.append(" ".join(f"#{tag}" for tag in tags))
        cut = sorted(self.rng.sample(range(1, len(sentences)), k=min(2, len(sentences) - 1)))
        paragraphs = [
            " ".join(sentences[a:b]) for a, b in zip([0, *cut], [*cut, len(sentences)], strict=True)
        ]
        return "\n\n".join(paragraphs)

    def journal(self, people: list[Person]) -> list[JournalEntry]:
        dozen = [p for p in people if p.on_list]
        entries = []
        for offset in range(self.counts.journal):
            day = self.start + timedelta(days=offset)
            known = [p for p in people if p.created_at.date() <= day]
            count = self.rng.choice((0, 1, 1, 2, 2, 3))
            mentions: list[Person] = []
            for _ in range(count):
                pool = dozen if self.rng.random() < 0.7 else known
                person = self.rng.choice(pool)
                if person not in mentions:
                    mentions.append(person)
            tags = self.pick(TAGS, 1, 3)
            written = self.moment(day, 19, 22)
            if day == self.today:
                written = min(written, self.now)
            entries.append(
                JournalEntry(
                    id=self.new_id(),
                    written_at=written,
                    text=self.journal_text(mentions, tags),
                    tags=tags,
                    people=[p.id for p in mentions],
                    prompt=self.rng.choice(self.prompts),
                    created_at=written,
                    updated_at=written,
                )
            )
        return entries

    def profile(self) -> Profile:
        return Profile(
            name="Sam Example",
            interests=self.pick(INTERESTS, 4, 6),
            offers="Introductions in product and data; feedback on talks and writing.",
            welcomed=True,
        )


def generate(data_dir: Path, *, years: float, seed: int = DEFAULT_SEED, today: date) -> Counts:
    """Write a fresh data file into ``data_dir`` (which must not hold one yet)."""
    generator = Generator(seed, today, years)
    people = generator.people()
    meetings = generator.meetings(people)
    people = generator.with_last_met(people, meetings)
    followups = generator.followups(people, meetings)
    events = generator.events(people)
    journal = generator.journal(people)
    # A fixed device id, so that the same seed gives the same bytes (stamps name the device).
    store = Store.open(data_dir, clock=FixedClock(generator.now), device="da7a5e7d")
    with store, store.batch():
        store.save_profile(generator.profile())
        store.people.save_many(people)
        store.meetings.save_many(meetings)
        store.followups.save_many(followups)
        store.events.save_many(events)
        store.journal.save_many(journal)
    return generator.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=float, default=10.0, help="years of daily use (10)")
    parser.add_argument("--data-dir", required=True, type=Path, help="folder to write into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="the day the data ends, YYYY-MM-DD (default: today)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing data file")
    args = parser.parse_args(argv)
    if args.years <= 0:
        parser.error("--years must be more than 0")
    path = args.data_dir / DATA_FILE_NAME
    if path.exists():
        if not args.force:
            print(f"make_dataset: {path} exists; --force replaces it", file=sys.stderr)
            return 1
        path.unlink()
    started = time.perf_counter()
    counts = generate(args.data_dir, years=args.years, seed=args.seed, today=args.today)
    took = time.perf_counter() - started
    size = path.stat().st_size / 2**20
    print(
        f"{path}: {args.years:g} years, {counts.people} people ({counts.on_list} on the list), "
        f"{counts.journal} journal entries, {counts.meetings} meetings, "
        f"{counts.followups} follow-ups, {counts.events} events; {size:.1f} MiB in {took:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
