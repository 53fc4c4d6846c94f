"""Reading other people's formats into a plan: what would be added, skipped and rejected.

Every importer checks the whole file first and returns an ``ImportPlan``; nothing is written
here. The ``import`` command writes a plan once, and only if it has no rejected rows (unless
the user says ``--skip-bad``).

The formats live beside this module: ``import_people`` (vCard, CSV), ``import_journal`` (jrnl,
Markdown); calendars and backups are here, with ``detect``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError

from brilliance.domain.errors import summary
from brilliance.domain.models import Event
from brilliance.portability.import_journal import (
    JRNL_HEADING,
    import_journal_markdown,
    import_jrnl,
    skip_known_entries,
)
from brilliance.portability.import_people import LIST_SEPARATOR, import_csv, import_vcard
from brilliance.portability.import_plan import ImportError_, ImportPlan, Rejected, match_key
from brilliance.store.limits import brief

# One place to reach every format from (the import command, services.imports, the tests).
__all__ = [
    "LIST_SEPARATOR",
    "ImportError_",
    "ImportPlan",
    "Rejected",
    "detect",
    "import_backup",
    "import_csv",
    "import_ics",
    "import_journal_markdown",
    "import_jrnl",
    "import_vcard",
    "skip_known_entries",
]


# -- calendars ------------------------------------------------------------------------------


DATE_UID_PREFIX = "date-"


def import_ics(data: bytes, existing: Iterable[Event]) -> ImportPlan:
    """Events from an iCalendar file (VEVENTs): title, date, place and categories as topics."""
    from icalendar import Calendar

    plan = ImportPlan("calendar events")
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        raise ImportError_(f"not a valid iCalendar file ({brief(str(exc))})") from None
    known = {(match_key(e.title), e.day) for e in existing}
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        title = str(component.get("summary", "")).strip()
        if str(component.get("uid", "")).startswith(DATE_UID_PREFIX):
            continue  # a person's important date from our own export, not an event
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
        if (match_key(event.title), event.day) in known:
            plan.skipped.append(f"{event.title} on {event.day} is already in your events")
            continue
        known.add((match_key(event.title), event.day))
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
    if JRNL_HEADING.match(text.splitlines()[0] if text else ""):
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
