"""A vCard's BDAY and ANNIVERSARY as important dates (kept apart from importers.py, which is
long enough)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from brilliance.domain.important_dates import parse_vcard_date
from brilliance.domain.models import DateKind, ImportantDate

VCARD_DATES = (
    ("bday", DateKind.BIRTHDAY, ""),
    ("anniversary", DateKind.OTHER, "anniversary"),
    ("x-anniversary", DateKind.OTHER, "anniversary"),
)


def vcard_dates(card: Any, value: Callable[[Any, str], str]) -> dict[str, Any]:
    """BDAY and ANNIVERSARY as yearly important dates (with or without the year).

    A value that is not a date is kept in the person's notes rather than dropped.
    """
    dates: list[ImportantDate] = []
    unreadable: list[str] = []
    for prop, kind, label in VCARD_DATES:
        raw = value(card, prop.replace("-", "_"))
        if not raw:
            continue
        parsed = parse_vcard_date(raw)
        if parsed is None:
            unreadable.append(f"{prop.upper()} from the vCard, not understood as a date: {raw}")
            continue
        year, month, day = parsed
        important = ImportantDate(kind=kind, label=label, month=month, day=day, year=year)
        if important not in dates:
            dates.append(important)
    fields: dict[str, Any] = {"important_dates": dates}
    if unreadable:
        fields["notes"] = "\n".join(unreadable)
    return fields
