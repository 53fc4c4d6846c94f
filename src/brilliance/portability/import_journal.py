"""Journals from jrnl's text format and from Markdown (ours, or hand-written)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from brilliance.domain.journal import with_text
from brilliance.domain.models import JournalEntry, Person
from brilliance.portability.import_plan import (
    ImportError_,
    ImportPlan,
    Rejected,
)
from brilliance.portability.journal_markdown import MarkdownJournalError, parse_markdown
from brilliance.store.limits import MAX_TEXT, brief, text_too_long

# -- journals -------------------------------------------------------------------------------

JRNL_HEADING = re.compile(
    r"^\[(\d{4}-\d{2}-\d{2})(?: (\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?)?\]\s?(.*)$"
)


def import_jrnl(text: str, people: Iterable[Person]) -> ImportPlan:
    """A jrnl plain-text journal: entries start with ``[YYYY-MM-DD HH:MM] title``."""
    plan = ImportPlan("jrnl journal")
    everyone = list(people)
    entries: list[tuple[int, datetime, list[str]]] = []
    preamble: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = JRNL_HEADING.match(line)
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
