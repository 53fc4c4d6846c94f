"""People from contacts (.vcf) and spreadsheets (.csv), into the wider network or the list."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from brilliance.domain.errors import summary
from brilliance.domain.models import Person
from brilliance.portability.escaping import restore_cell
from brilliance.portability.import_plan import (
    ImportError_,
    ImportPlan,
    PeopleDeduper,
    Rejected,
)
from brilliance.portability.vcard_dates import vcard_dates
from brilliance.store.limits import MAX_TEXT, brief

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
        dates = vcard_dates(card, _vcard_value)
        # The card's NOTE (issue 14), then any BDAY/ANNIVERSARY not understood (issue 17).
        notes = "\n\n".join(n for n in (_vcard_notes(card), dates.pop("notes", "")) if n)
        try:
            person = Person(
                name=name,
                email=_vcard_value(card, "email"),
                phone=_vcard_value(card, "tel"),
                organisation=_vcard_org(card),
                headline=_vcard_value(card, "title"),
                notes=notes,
                **dates,
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
