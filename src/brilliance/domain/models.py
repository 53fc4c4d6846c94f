"""The domain model: every kind of record Brilliance keeps, as pydantic v2 models.

These models define the file format. Adding a field with a default is backwards compatible;
renaming or removing one needs a schema migration (see ``store.migrations``).

Datetimes are naive local times: this is a personal, single-machine app and the user thinks in
their own wall-clock time.
"""

from __future__ import annotations

import re
import secrets
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 2
"""The version of the data file format written by this code (2: change stamps, tombstones)."""

DEFAULT_CADENCE_DAYS = 14
"""Twice a month: the rhythm the practice asks for with everyone on the list."""

LIST_SIZE_GOAL = 12
"""The future-brilliance list is about a dozen people."""

MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 200_000


def new_id() -> str:
    """A short random identifier, unique enough for one person's data and friendly to sync tools."""
    return secrets.token_hex(6)


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _clean_list(value: Any) -> Any:
    """Accept a list or a comma-separated string; strip items, drop empties and repeats."""
    if isinstance(value, str):
        value = split_list(value)
    if isinstance(value, list | tuple):
        seen: set[str] = set()
        cleaned: list[Any] = []
        for item in value:
            if isinstance(item, str):
                item = item.strip()
                if not item or item.casefold() in seen:
                    continue
                seen.add(item.casefold())
            cleaned.append(item)
        return cleaned
    return value


def split_list(text: str) -> list[str]:
    """Split a comma-separated field as typed in a form into its items."""
    return [part.strip() for part in text.split(",") if part.strip()]


def join_list(items: list[str]) -> str:
    """The inverse of :func:`split_list`, for showing a list in a form field."""
    return ", ".join(items)


def _not_empty(label: str) -> AfterValidator:
    def check(value: str) -> str:
        if not value:
            raise ValueError(f"{label} can't be empty")
        return value

    return AfterValidator(check)


ShortText = Annotated[str, BeforeValidator(_strip), Field(max_length=MAX_SHORT_TEXT)]
LongText = Annotated[str, Field(max_length=MAX_LONG_TEXT)]
TextList = Annotated[list[ShortText], BeforeValidator(_clean_list)]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-./ ]{3,40}$")


def scrub_text(value: str) -> str:
    """Replace lone surrogates (no file format can hold them) with U+FFFD; keep the rest."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


VALID_UTF8 = "valid_utf8"
"""Validation context key: the input's text is known to be valid UTF-8 (no scrubbing needed)."""


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, list):
        return [scrub_text(item) if isinstance(item, str) else item for item in value]
    return value


class Record(BaseModel):
    """Base for every stored record.

    Records are frozen: a record held by a repository is never changed in place, so the
    in-memory copy always matches what was saved. Change one with :func:`updated`.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", str_max_length=MAX_LONG_TEXT)

    @model_validator(mode="before")
    @classmethod
    def _scrub_lone_surrogates(cls, data: Any, info: ValidationInfo) -> Any:
        # One call per record rather than one per field: loading ten years of data validates
        # some 100,000 fields. Text parsed from the data file is valid UTF-8 already (orjson
        # refuses lone surrogates), so the store skips this step with the VALID_UTF8 context.
        if not isinstance(data, dict) or (info.context and info.context.get(VALID_UTF8)):
            return data
        return {key: _scrub_value(value) for key, value in data.items()}


class Entity(Record):
    """A record with its own identity and timestamps."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    created_at: datetime = Field(default_factory=lambda: datetime.now().replace(microsecond=0))
    updated_at: datetime = Field(default_factory=lambda: datetime.now().replace(microsecond=0))


class Answer(StrEnum):
    """An answer to one of the seven partnership questions."""

    UNANSWERED = ""
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class PartnershipAnswer(Record):
    """My answer and note for one partnership question about a person or organisation."""

    answer: Answer = Answer.UNANSWERED
    note: LongText = ""


class DateKind(StrEnum):
    """What an important date marks."""

    BIRTHDAY = "birthday"
    ANNIVERSARY = "work anniversary"
    OTHER = "big day"


class ImportantDate(Record):
    """A day that matters to someone: a birthday (with or without the year), a work
    anniversary, or their own big day (a launch, a defence, a wedding).

    A yearly date comes round every year (``year`` is then the first one, or unknown); a
    one-off date happens once, in ``year``. See ``domain.important_dates``.
    """

    kind: DateKind = DateKind.OTHER
    label: ShortText = ""
    """What the day is, in my words ("thesis defence"); empty for a plain birthday."""
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    year: int | None = Field(default=None, ge=1, le=9999)
    yearly: bool = True

    @model_validator(mode="after")
    def _a_real_day(self) -> ImportantDate:
        try:
            # 2000 is a leap year, so February 29 is allowed without a year.
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            raise ValueError(f"{self.month:02}-{self.day:02} is not a day of the year") from None
        if not self.yearly and self.year is None:
            raise ValueError("A one-off date needs its year")
        return self


class GoalChange(Record):
    """Goals added or dropped on a day: the person's timeline shows how their aims moved."""

    day: date
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class PrepState(Record):
    """What I ticked and chose on the prep sheet for one meeting."""

    checked: list[str] = Field(default_factory=list)
    """Keys of checklist items ticked (see ``domain.prep``)."""
    questions: list[str] = Field(default_factory=list)
    """The questions chosen for this meeting (suggested or my own), in order."""


class Person(Entity):
    """Anyone in my network; ``on_list`` marks the dozen on the future-brilliance list."""

    name: Annotated[ShortText, _not_empty("Name")]
    headline: ShortText = ""
    organisation: ShortText = ""
    skills: TextList = Field(default_factory=list)
    aspirations: LongText = ""
    goals: TextList = Field(default_factory=list)
    interests: TextList = Field(default_factory=list)
    how_i_can_help: LongText = ""
    wins: TextList = Field(default_factory=list)
    on_list: bool = False
    cadence_days: int = Field(default=DEFAULT_CADENCE_DAYS)
    last_met: date | None = None
    tags: TextList = Field(default_factory=list)
    notes: LongText = ""
    email: ShortText = ""
    phone: ShortText = ""
    partnership_prospect: bool = False
    partnership_review: dict[str, PartnershipAnswer] = Field(default_factory=dict)
    important_dates: list[ImportantDate] = Field(default_factory=list)
    introduced_by: str = ""
    """The id of the person who introduced them to me, if anyone."""
    knows: list[str] = Field(default_factory=list)
    """Ids of the people in my network they know (kept on both sides)."""
    goal_changes: list[GoalChange] = Field(default_factory=list)
    """How their goals changed over time, oldest first (kept by ``with_goal_change``)."""
    next_prep: PrepState | None = None
    """The prep sheet for a next meeting not planned yet: what I ticked and the questions I
    chose. It goes with the meeting when that is planned or logged (issue 14.9)."""

    @field_validator("cadence_days", mode="before")
    @classmethod
    def _cadence_is_whole_days(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            # isdigit alone accepts "²"; more than three digits can't be in range anyway.
            if not (value.isascii() and value.isdigit()):
                raise ValueError("Cadence must be a whole number of days, such as 14")
            value = int(value) if len(value) <= 3 else 10**6
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("Cadence must be a whole number of days, such as 14")
        if not 1 <= value <= 365:
            raise ValueError("Cadence must be between 1 and 365 days")
        return value

    @field_validator("email")
    @classmethod
    def _email_looks_right(cls, value: str) -> str:
        if value and not _EMAIL.match(value):
            raise ValueError("Email doesn't look right (expected name@example.com)")
        return value

    @field_validator("phone")
    @classmethod
    def _phone_looks_right(cls, value: str) -> str:
        if value and not _PHONE.match(value):
            raise ValueError("Phone can hold digits, spaces, +, -, ( and ) only")
        return value


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class ValueKind(StrEnum):
    """The three kinds of value that keep me in someone's network."""

    INFORMATION = "information"
    CONNECTION = "connection"
    ENTERTAINMENT = "entertainment"


class ValueItem(Record):
    """One act of value given to someone: an article, an introduction, an experience."""

    kind: ValueKind
    note: LongText = ""


class IntroductionOutcome(Record):
    """Whether an introduction I made helped, asked two weeks after it."""

    other_id: Annotated[str, Field(min_length=1)]
    """The person they were introduced to (listed in the meeting's ``introductions``)."""
    helped: Answer = Answer.UNANSWERED
    note: LongText = ""
    answered_on: date | None = None


class Meeting(Entity):
    """A planned or held meeting with one person."""

    person_id: Annotated[str, Field(min_length=1)]
    when: datetime
    place: ShortText = ""
    kind: ShortText = "coffee"
    status: MeetingStatus = MeetingStatus.PLANNED
    prep: PrepState = Field(default_factory=PrepState)
    notes: LongText = ""
    questions_asked: list[LongText] = Field(default_factory=list)
    value_given: list[ValueItem] = Field(default_factory=list)
    introductions: list[str] = Field(default_factory=list)
    """Ids of the people I introduced this person to at or after this meeting."""
    introduction_outcomes: list[IntroductionOutcome] = Field(default_factory=list)
    """What came of those introductions (see ``domain.introductions``)."""
    praised: LongText = ""
    """What I praised them for, sincerely, at this meeting."""

    @property
    def day(self) -> date:
        return self.when.date()


class FollowUp(Entity):
    """Something I promised to do for someone, by a date."""

    person_id: Annotated[str, Field(min_length=1)]
    text: Annotated[ShortText, _not_empty("The promise")]
    due: date
    done: bool = False
    done_on: date | None = None
    meeting_id: str | None = None


class Event(Entity):
    """An event I could invite people to."""

    title: Annotated[ShortText, _not_empty("Title")]
    day: date
    place: ShortText = ""
    topics: TextList = Field(default_factory=list)
    invited: list[str] = Field(default_factory=list)
    """Ids of the people invited."""
    notes: LongText = ""


class JournalEntry(Entity):
    """One private journal entry."""

    written_at: datetime
    text: LongText = ""
    tags: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    """Ids of the people mentioned with @name."""
    prompt: LongText = ""
    """The reflection prompt shown when the entry was written."""

    @property
    def day(self) -> date:
        return self.written_at.date()


class Profile(Record):
    """Me: what shared interests are matched against, and my preferences."""

    name: ShortText = ""
    interests: TextList = Field(default_factory=list)
    offers: LongText = ""
    """What I can offer people: skills, access, time."""
    theme: ShortText = "textual-dark"
    hemisphere: Literal["north", "south"] = "north"
    """Where I live, so that venue ideas fit the season."""
    welcomed: bool = False
    """True once the first-run welcome has been seen."""
    review_day: int = Field(default=6, ge=0, le=6)
    """The weekday of my weekly review (0 is Monday, 6 Sunday, as ``date.weekday``)."""


R = TypeVar("R", bound=Record)


def updated(record: R, **changes: Any) -> R:
    """A validated copy of ``record`` with ``changes`` applied (``model_copy`` skips validation)."""
    return type(record).model_validate({**record.model_dump(), **changes})
