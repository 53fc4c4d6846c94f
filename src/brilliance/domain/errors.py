"""Turn pydantic validation errors into sentences a person understands."""

from __future__ import annotations

from pydantic import ValidationError

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "headline": "Headline",
    "organisation": "Organisation",
    "skills": "Skills",
    "aspirations": "Aspirations",
    "goals": "Goals",
    "interests": "Interests",
    "how_i_can_help": "How I can help",
    "wins": "Recent wins",
    "cadence_days": "Cadence",
    "last_met": "Last met",
    "tags": "Tags",
    "notes": "Notes",
    "email": "Email",
    "phone": "Phone",
    "when": "Date and time",
    "place": "Place",
    "kind": "Kind",
    "text": "Text",
    "due": "Due date",
    "title": "Title",
    "day": "Date",
    "topics": "Topics",
    "offers": "What I offer",
}


def label_for(field: str) -> str:
    """The label a person sees for a model field."""
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def _sentence(error: dict[str, object], label: str) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx")
    ctx = ctx if isinstance(ctx, dict) else {}
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind == "missing":
        return f"{label} is required"
    if kind in ("string_too_long", "too_long"):
        return f"{label} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_too_short":
        return f"{label} can't be empty"
    if kind.startswith("date") or kind.startswith("datetime"):
        if kind.startswith("datetime"):
            return f"{label} must be a date and time like 2026-11-24 18:30"
        return f"{label} must be a date like 2026-11-24"
    if kind.startswith("int"):
        return f"{label} must be a whole number"
    if kind.startswith("bool"):
        return f"{label} must be yes or no"
    if kind == "enum" and "expected" in ctx:
        return f"{label} must be one of {ctx['expected']}"
    message = str(error.get("msg", "is not valid"))
    return f"{label}: {message[:1].lower()}{message[1:]}"


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map each top-level field that failed to one readable sentence (the first problem found).

    >>> from brilliance.domain.models import Person
    >>> try:
    ...     Person(name="  ")
    ... except ValidationError as e:
    ...     field_errors(e)
    {'name': "Name can't be empty"}
    """
    messages: dict[str, str] = {}
    for error in exc.errors():
        loc = error.get("loc", ())
        field = str(loc[0]) if loc else ""
        if field in messages:
            continue
        label = label_for(field) if field else "This record"
        if len(loc) > 1 and isinstance(loc[1], int):  # one item of a list field
            label = f"{label}, item {loc[1] + 1},"
        messages[field] = _sentence(dict(error), label)
    return messages


def summary(exc: ValidationError) -> str:
    """All problems as one line, for the command line and notifications."""
    return "; ".join(field_errors(exc).values())
