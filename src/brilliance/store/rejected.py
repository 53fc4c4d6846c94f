"""Bringing back notes that were set aside in ``inbox-rejected.jsonl`` (issue 13.2).

A note lands there when it could not join the journal: over the length limit, or with a
field the journal does not accept. Whatever of it can be read is put back into the inbox as
fresh notes (text over the limit split into several, at line breaks where it can), to be
merged as usual; lines that are not notes at all (half a line left by a full disk) stay set
aside, as they were, for a person to read.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from brilliance.domain.text_limits import split_to_fit
from brilliance.store.inbox import REJECTED_NAME, _append_private, inbox_lock, inbox_path
from brilliance.store.limits import MAX_TEXT
from brilliance.store.storage import atomic_write


@dataclass(frozen=True)
class BroughtBack:
    notes: int
    """Notes put back into the inbox (a long one counts once per piece)."""
    left: int
    """Lines left set aside: not readable as a note."""


def _moment(value: Any, fallback: str) -> str:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).replace(microsecond=0).isoformat()
        except ValueError:
            pass
    return fallback


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def as_notes(record: dict[str, Any]) -> list[dict[str, Any]]:
    """A set-aside record as clean inbox notes (several if its text is over the limit)."""
    now = datetime.now().replace(microsecond=0).isoformat()
    written = _moment(record.get("written_at"), now)
    pieces = split_to_fit(str(record.get("text", "")), MAX_TEXT)
    first_id = record.get("id")
    notes = []
    for number, piece in enumerate(pieces):
        keep_id = number == 0 and isinstance(first_id, str) and 0 < len(first_id) <= 64
        notes.append(
            {
                "id": first_id if keep_id else secrets.token_hex(6),
                "written_at": written,
                "created_at": _moment(record.get("created_at"), written),
                "updated_at": now,
                "text": piece,
                "tags": _strings(record.get("tags")),
                "people": _strings(record.get("people")),
                "prompt": "" if number == 0 else f"(continued, part {number + 1})",
            }
        )
    return notes


def bring_back(data_dir: Path) -> BroughtBack:
    """Move every readable set-aside note back into the inbox. Raises OSError.

    The inbox gets the notes (durably) before the set-aside file loses them, so a crash in
    between can only leave a note in both places (its id keeps it from joining twice).
    """
    source = data_dir / REJECTED_NAME
    with inbox_lock(data_dir):
        try:
            raw = source.read_bytes()
        except FileNotFoundError:
            return BroughtBack(0, 0)
        notes: list[dict[str, Any]] = []
        left: list[bytes] = []
        for line in raw.split(b"\n"):
            if not line.strip():
                continue
            try:
                value = orjson.loads(line)
            except orjson.JSONDecodeError:
                left.append(line)
                continue
            if not isinstance(value, dict) or not str(value.get("text", "")).strip():
                left.append(line)
                continue
            notes += as_notes(value)
        if notes:
            lines = b"".join(orjson.dumps(n, option=orjson.OPT_SORT_KEYS) + b"\n" for n in notes)
            _append_private(inbox_path(data_dir), lines)
        if left:
            atomic_write(source, b"".join(line + b"\n" for line in left))
        else:
            source.unlink()
    return BroughtBack(len(notes), len(left))
