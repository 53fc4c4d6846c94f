"""Reading other people's formats into a plan: what would be added, skipped and rejected.

Every importer checks the whole file first and returns an ``ImportPlan``; nothing is written
here. The ``import`` command writes a plan once, and only if it has no rejected rows (unless
the user says ``--skip-bad``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from brilliance.domain.errors import summary
from brilliance.domain.journal import with_text
from brilliance.domain.models import Event, JournalEntry, Person
from brilliance.portability.escaping import restore_cell
from brilliance.portability.journal_markdown import MarkdownJournalError, parse_markdown
from brilliance.store.limits import MAX_TEXT, brief, text_too_long


class ImportError_(ValueError):
    """The file as a whole can't be imported (wrong format, unreadable)."""


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str

    def describe(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


@dataclass
class ImportPlan:
    """What an import would do."""

    kind: str
    people: list[Person] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backup_tables: dict[str, dict[str, Any]] | None = None
    """For a JSON backup: the whole content to restore or merge."""
    records_added: int | None = None
    """Set once a backup is merged: how many of its records were new."""

    @property
    def added(self) -> int:
        if self.records_added is not None:
            return self.records_added
        if self.backup_tables is not None:
            return sum(
                len(t) for name, t in self.backup_tables.items() if name not in ("meta", "profile")
            )
        return len(self.people) + len(self.journal) + len(self.events)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class PeopleDeduper:
    """Skips people already in the network (same email, or same name) or earlier in the file."""

    def __init__(self, existing: Iterable[Person]) -> None:
        self.emails: set[str] = set()
        self.names: set[str] = set()
        for person in existing:
            self.remember(person)

    def remember(self, person: Person) -> None:
        if person.email:
            self.emails.add(person.email.casefold())
        self.names.add(_key(person.name))

    def duplicate(self, person: Person) -> str | None:
        if person.email and person.email.casefold() in self.emails:
            return f"{person.name}: someone with {person.email} is already in your network"
        if _key(person.name) in self.names:
            return f"{person.name}: already in your network"
        return None


# -- vCard ----------------------------------------------------------------------------------


def import_vcard(text: str, existing: Iterable[Person]) -> ImportPlan:
    """Contacts from a .vcf file join the wider network (name, email, phone, org, title,
    and the card's NOTE kept in their notes)."""
    import vobject

    plan = ImportPlan("vCard contacts")
    dedupe = PeopleDeduper(existing)
    cards = _split_vcards(text)
    if not cards:
        raise ImportError_("no BEGIN:VCARD ... END:VCARD block found: is this a vCard file?")
    for line, block in cards:
        try:
            card = vobject.readOne(block)
        except Exception as exc:  # vobject raises a variety of parse errors
            first_line = brief((str(exc).splitlines() or [""])[0])
            plan.rejected.append(Rejected(line, f"not a valid vCard ({first_line})"))
            continue
        name = _vcard_value(card, "fn") or _vcard_name(card)
        if not name:
            plan.rejected.append(Rejected(line, "a contact without a name"))
            continue
        try:
            person = Person(
                name=name,
                email=_vcard_value(card, "email"),
                phone=_vcard_value(card, "tel"),
                organisation=_vcard_org(card),
                headline=_vcard_value(card, "title"),
                notes=_vcard_notes(card),
            )
        except ValidationError as exc:
            plan.rejected.append(Rejected(line, f"{brief(name, 60)}: {summary(exc)}"))
            continue
        reason = dedupe.duplicate(person)
        if reason:
            plan.skipped.append(reason)
            continue
        dedupe.remember(person)
        plan.people.append(person)
    return plan


def _split_vcards(text: str) -> list[tuple[int, str]]:
    cards: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if upper == "END:VCARD":
                cards.append((start, "\n".join(current) + "\n"))
                current = None
    if current is not None:
        cards.append((start, "\n".join(current) + "\n"))  # unterminated: vobject will say so
    return cards


def _vcard_value(card: Any, name: str) -> str:
    item = getattr(card, name, None)
    if item is None:
        return ""
    value = item.value
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    return " ".join(str(value).split())


def _vcard_notes(card: Any) -> str:
    """Every NOTE of a card, line breaks kept, one paragraph each."""
    notes = []
    for item in card.contents.get("note", []):
        value = item.value
        text = "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
        text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
        if text.strip():
            notes.append(text.strip())
    return "\n\n".join(notes)


def _vcard_name(card: Any) -> str:
    item = getattr(card, "n", None)
    if item is None:
        return ""
    parts = item.value
    return " ".join(p for p in (parts.given, parts.additional, parts.family) if p).strip()


def _vcard_org(card: Any) -> str:
    item = getattr(card, "org", None)
    if item is None:
        return ""
    value = item.value
    return " ".join(str(v) for v in value if v) if isinstance(value, list) else str(value)


# -- CSV ------------------------------------------------------------------------------------

CSV_COLUMNS = {
    "name": "name",
    "headline": "headline",
    "title": "headline",
    "organisation": "organisation",
    "organization": "organisation",
    "company": "organisation",
    "email": "email",
    "phone": "phone",
    "skills": "skills",
    "interests": "interests",
    "goals": "goals",
    "aspirations": "aspirations",
    "how i can help": "how_i_can_help",
    "how_i_can_help": "how_i_can_help",
    "wins": "wins",
    "tags": "tags",
    "notes": "notes",
    "on list": "on_list",
    "on_list": "on_list",
    "cadence": "cadence_days",
    "cadence_days": "cadence_days",
    "last met": "last_met",
    "last_met": "last_met",
}
LIST_SEPARATOR = ";"
TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}


def import_csv(text: str, existing: Iterable[Person]) -> ImportPlan:
    """People from a CSV file with a header row. List fields are separated by ';'."""
    plan = ImportPlan("CSV people")
    dedupe = PeopleDeduper(existing)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT))  # long notes fit, no more
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportError_("the file is empty") from None
    except csv.Error as exc:
        raise ImportError_(f"line 1: {exc}") from None
    fields = [CSV_COLUMNS.get(column.strip().casefold()) for column in header]
    if "name" not in fields:
        raise ImportError_(
            "line 1: no 'name' column in the header row "
            f"(found: {', '.join(repr(c) for c in header) or 'nothing'})"
        )
    unknown = [column for column, f in zip(header, fields, strict=True) if f is None]
    if unknown:
        plan.notes.append(f"Columns not imported: {', '.join(unknown)}")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem = str(exc)
            if "field larger than field limit" in problem:
                problem = f"a cell is over the limit of {MAX_TEXT:,} characters"
            plan.rejected.append(Rejected(reader.line_num, problem))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            plan.rejected.append(Rejected(line, f"{len(row)} values for {len(header)} columns"))
            continue
        data: dict[str, Any] = {}
        for value, name in zip(row, fields, strict=True):
            if name is None:
                continue
            value = restore_cell(value).strip()  # undo the export's formula quoting
            if name in ("skills", "interests", "goals", "wins", "tags"):
                data[name] = [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
            elif name == "on_list":
                if value.casefold() not in TRUE | FALSE:
                    plan.rejected.append(
                        Rejected(line, f"on list must be yes or no, not {value!r}")
                    )
                    break
                data[name] = value.casefold() in TRUE
            elif name in ("last_met", "cadence_days") and not value:
                continue
            else:
                data[name] = value
        else:
            try:
                person = Person.model_validate(data)
            except ValidationError as exc:
                plan.rejected.append(Rejected(line, summary(exc)))
                continue
            reason = dedupe.duplicate(person)
            if reason:
                plan.skipped.append(reason)
                continue
            dedupe.remember(person)
            plan.people.append(person)
    return plan


# -- journals -------------------------------------------------------------------------------

_JRNL_HEADING = re.compile(
    r"^\[(\d{4}-\d{2}-\d{2})(?: (\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?)?\]\s?(.*)$"
)


def import_jrnl(text: str, people: Iterable[Person]) -> ImportPlan:
    """A jrnl plain-text journal: entries start with ``[YYYY-MM-DD HH:MM] title``."""
    plan = ImportPlan("jrnl journal")
    everyone = list(people)
    entries: list[tuple[int, datetime, list[str]]] = []
    preamble: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _JRNL_HEADING.match(line)
        if match:
            when = _jrnl_time(match)
            if when is None:
                plan.rejected.append(
                    Rejected(number, f"{brief(line, 40)!r} has no valid date and time")
                )
                entries.append((number, datetime.min, []))
                continue
            entries.append((number, when, [match.group(5)]))
        elif entries:
            entries[-1][2].append(line)
        elif line.strip():
            preamble.append(line)
    if preamble and not entries:
        raise ImportError_("no '[YYYY-MM-DD HH:MM] title' line found: is this a jrnl journal?")
    if preamble:
        plan.rejected.append(Rejected(1, "text before the first dated entry"))
    for number, when, lines in entries:
        if when == datetime.min:
            continue
        body = "\n".join(lines).strip("\n")
        if len(body) > MAX_TEXT:
            plan.rejected.append(Rejected(number, text_too_long(len(body), "the entry")))
            continue
        entry = JournalEntry(written_at=when, created_at=when, updated_at=when)
        plan.journal.append(with_text(entry, body, everyone))
        del number
    return plan


def _jrnl_time(match: re.Match[str]) -> datetime | None:
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError:
        return None
    hour = int(match.group(2) or 9)
    minute = int(match.group(3) or 0)
    meridian = (match.group(4) or "").casefold()
    if meridian == "pm" and hour < 12:
        hour += 12
    if meridian == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute)


def import_journal_markdown(text: str, people: Iterable[Person]) -> ImportPlan:
    """Our own Markdown journal export, read back."""
    plan = ImportPlan("Markdown journal")
    everyone = list(people)
    try:
        parsed = parse_markdown(text)
    except MarkdownJournalError as exc:
        raise ImportError_(str(exc)) from None
    if not parsed:
        raise ImportError_("no '## YYYY-MM-DD' and '### HH:MM' headings: not a journal export")
    for item in parsed:
        if len(item.text) > MAX_TEXT:
            plan.rejected.append(Rejected(item.line, text_too_long(len(item.text), "the entry")))
            continue
        entry = JournalEntry(
            written_at=item.written_at,
            prompt=item.prompt,
            created_at=item.written_at,
            updated_at=item.written_at,
        )
        plan.journal.append(with_text(entry, item.text, everyone))
    return plan


def skip_known_entries(plan: ImportPlan, existing: Iterable[JournalEntry]) -> None:
    """Don't import an entry twice: same minute and same text as one already there."""
    seen = {(e.written_at.replace(second=0), e.text.strip()) for e in existing}
    fresh = []
    for entry in plan.journal:
        key = (entry.written_at.replace(second=0), entry.text.strip())
        if key in seen:
            plan.skipped.append(f"the entry of {entry.written_at:%Y-%m-%d %H:%M} is already there")
            continue
        seen.add(key)
        fresh.append(entry)
    plan.journal = fresh


# -- calendars ------------------------------------------------------------------------------


def import_ics(data: bytes, existing: Iterable[Event]) -> ImportPlan:
    """Events from an iCalendar file (VEVENTs): title, date, place and categories as topics."""
    from icalendar import Calendar

    plan = ImportPlan("calendar events")
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        raise ImportError_(f"not a valid iCalendar file ({brief(str(exc))})") from None
    known = {(_key(e.title), e.day) for e in existing}
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        title = str(component.get("summary", "")).strip()
        start = component.get("dtstart")
        where = f"event {number}" + (f" ({brief(title, 60)})" if title else "")
        if start is None:
            plan.rejected.append(Rejected(0, f"{where}: no start date"))
            continue
        try:
            value = start.dt
        except ValueError:  # 20261399, T250000, an empty DTSTART... (issue 13.12)
            plan.rejected.append(Rejected(0, f"{where}: its start (DTSTART) is not a real date"))
            continue
        day = value.date() if isinstance(value, datetime) else value
        if not isinstance(day, date):
            plan.rejected.append(Rejected(0, f"{where}: its start (DTSTART) is not a date"))
            continue
        topics: list[str] = []
        categories = component.get("categories")
        for group in (
            categories if isinstance(categories, list) else [categories] if categories else []
        ):
            topics += [str(c) for c in getattr(group, "cats", [])]
        try:
            event = Event(
                title=title,
                day=day,
                place=str(component.get("location", "")),
                topics=topics,
                notes=str(component.get("description", "")),
            )
        except ValidationError as exc:
            plan.rejected.append(Rejected(0, f"{where}: {summary(exc)}"))
            continue
        if (_key(event.title), event.day) in known:
            plan.skipped.append(f"{event.title} on {event.day} is already in your events")
            continue
        known.add((_key(event.title), event.day))
        plan.events.append(event)
    if not plan.events and not plan.skipped and not plan.rejected:
        raise ImportError_("the calendar has no events (VEVENT)")
    return plan


def detect(path: Path, head: bytes) -> str:
    """Which importer fits a file: by extension, then by content."""
    suffix = path.suffix.casefold()
    text = head.decode("utf-8", "replace").lstrip("\ufeff \n\r\t")
    if suffix in (".vcf", ".vcard") or text.upper().startswith("BEGIN:VCARD"):
        return "vcard"
    if suffix in (".ics", ".ical") or text.upper().startswith("BEGIN:VCALENDAR"):
        return "ics"
    if suffix == ".json" or text.startswith("{"):
        return "json"
    if suffix == ".csv":
        return "csv"
    if suffix in (".md", ".markdown") or text.startswith("# Brilliance journal"):
        return "markdown"
    if _JRNL_HEADING.match(text.splitlines()[0] if text else ""):
        return "jrnl"
    if suffix in (".txt", ".jrnl"):
        return "jrnl"
    raise ImportError_(
        f"can't tell what {path.name} is. Brilliance imports vCard (.vcf), CSV (.csv), "
        "jrnl (.txt), its own Markdown journal (.md), calendars (.ics) and backups (.json)."
    )


def import_backup(path: Path, raw: bytes) -> ImportPlan:
    """A Brilliance JSON backup (or data file): checked completely before anything is written."""
    from brilliance.store.backups import ENTITY_TABLE_NAMES
    from brilliance.store.errors import StoreError
    from brilliance.store.fileformat import load_tables, parse_bytes
    from brilliance.store.limits import LimitError, check_record_count

    try:
        tables = parse_bytes(path, raw)
        # Counted before validating: a million records are refused in a moment (13.12).
        check_record_count(sum(len(tables.get(name, {})) for name in ENTITY_TABLE_NAMES))
        loaded = load_tables(path, tables)
    except LimitError as exc:
        raise ImportError_(str(exc)) from None
    except StoreError as exc:
        raise ImportError_(brief(str(exc).splitlines()[0], 300)) from None
    plan = ImportPlan("Brilliance backup")
    plan.backup_tables = loaded.tables
    return plan
