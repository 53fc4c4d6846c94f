"""The summary of Today kept beside the data file, so the next start draws its first frame
without loading the data (issue 19).

The app writes it when it closes, after its last save: what the Today screen shows for today
and for tomorrow (``TodayPicture``), keyed to the exact data file it was made from (its size
and SHA-256) and to the version of Brilliance that made it. At the next start the data file is
read once and hashed; only a summary made from those very bytes, by this version, for the
day it is, is shown, and the data file is then loaded in the background as usual. Anything
else (another file, a copy a sync tool brought from another device, another day, a damaged or
missing summary, one whose own SHA-256 does not match, a shape this version would not draw,
notes or conflict copies the open would merge first) is ignored and the app starts the
normal way. It is a cache: deleting it is always safe. It is not a secret, nor signed: whoever
can write it can write the data file too, and the data file, loaded a moment later, redraws
Today and is the only thing any key acts on.

An encrypted folder never gets one (it would be plain text beside the encrypted file).

Reading needs only the standard library and ``domain.today_view``: no pydantic, no models.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from brilliance import __version__
from brilliance.domain.content import Idea
from brilliance.domain.today_view import (
    ROLES,
    SECTION_KEYS,
    Blank,
    GridRow,
    Row,
    Section,
    TodayPicture,
    TodayView,
)
from brilliance.store.paths import DATA_FILE_NAME, FILE_MODE, has_notes, is_conflict_copy

SUMMARY_NAME = "brilliance.today"
"""Beside the data file. Not ``*.json``: never taken for a copy of the data (backups, doctor)."""
SUMMARY_FORMAT = 2
"""2: the SHA-256 of the summary on its first line."""
DAYS_AHEAD = 2
"""Today and tomorrow: the first start of the next day is quick too."""
MAX_SUMMARY_BYTES = 1 << 20
"""A bigger file is not ours (Today's summary is a few KiB)."""


@dataclass(frozen=True)
class TodayStart:
    """What a matching summary gives the first frame."""

    picture: TodayPicture
    theme: str


def summary_path(data_dir: Path) -> Path:
    return data_dir / SUMMARY_NAME


def data_key(data: bytes) -> dict[str, Any]:
    """What ties a summary to one data file: its size and its SHA-256 (about 5 ms a 7 MiB)."""
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


# -- reading, at the start ------------------------------------------------------------------


def read_summary(data_dir: Path, today: date) -> TodayStart | None:
    """Today's picture from the summary, if it was made from the data file as it is now, by
    this version, for ``today``, and nothing waits to change it at the open (a note from the
    shell, a sync tool's conflict copy); otherwise None (never raises for a bad or missing
    file)."""
    try:
        raw = _read_own_file(summary_path(data_dir))
        if raw is None:
            return None
        check, _, body = raw.partition(b"\n")
        if check != hashlib.sha256(body).hexdigest().encode():
            return None  # damaged (cut short, a bit flipped...) or not ours
        summary = json.loads(body)
        if not isinstance(summary, dict):
            return None
        if summary.get("format") != SUMMARY_FORMAT or summary.get("app") != __version__:
            return None
        key = summary.get("data")
        if not isinstance(key, dict) or not isinstance(key.get("bytes"), int):
            return None
        data_file = data_dir / DATA_FILE_NAME
        if os.stat(data_file).st_size != key["bytes"]:
            return None  # changed: no need to read it
        if data_key(data_file.read_bytes()) != key:
            return None
        if news_waiting(data_dir):
            return None
        days = summary.get("days")
        theme = summary.get("theme")
        if not isinstance(days, dict) or not isinstance(theme, str):
            return None
        picture = days.get(today.isoformat())
        if picture is None:
            return None
        drawn = picture_from_json(picture)
        return TodayStart(drawn, theme) if is_drawable(drawn, today) else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _read_own_file(path: Path) -> bytes | None:
    """The summary's bytes: a regular file of at most MAX_SUMMARY_BYTES, never through a
    symbolic link (one to /dev/zero or to a huge file must not hang the start)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SUMMARY_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_SUMMARY_BYTES + 1)
        return raw if len(raw) <= MAX_SUMMARY_BYTES else None
    finally:
        os.close(fd)


def news_waiting(data_dir: Path) -> bool:
    """Whether the open will change the data before Today is drawn from it: notes from the
    shell in the inbox, or a sync tool's conflict copy to merge. The summary is then not
    today's truth, and the start is the normal one."""
    if has_notes(data_dir):
        return True
    with os.scandir(data_dir) as entries:
        return any(is_conflict_copy(entry.name) for entry in entries)


def is_drawable(picture: TodayPicture, today: date) -> bool:
    """Whether the picture is one this version draws for ``today``: its date line, the six
    sections in order, known roles, one id per row, counts that are counts, a grid as wide as
    its weeks. (A picture of another shape would fail to draw, or draw something untrue.)"""
    view = picture.view
    if view.date_line != f"{today:%A %d %B %Y}":
        return False
    if tuple(section.key for section in view.sections) != SECTION_KEYS:
        return False
    for section in view.sections:
        if len({row.target for row in section.rows}) != len(section.rows):
            return False
        if any(role not in ROLES for row in section.rows for _, role in row.spans):
            return False
    counts = [*picture.weekly, picture.month_held, picture.month_target]
    counts += [n for row in picture.grid for n in row.counts]
    if any(n < 0 for n in counts):
        return False
    if len({row.person_id for row in picture.grid}) != len(picture.grid):
        return False
    weeks = len(picture.week_starts)
    return all(len(row.counts) == weeks for row in picture.grid)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not a count")
    return value


def _row(raw: Any) -> Row:
    spans, target = raw
    return Row(tuple((_text(text), _text(role)) for text, role in spans), _text(target))


def _section(raw: dict[str, Any]) -> Section:
    return Section(
        key=_text(raw["key"]),
        title=_text(raw["title"]),
        rows=tuple(_row(row) for row in raw["rows"]),
        blank=Blank(_text(raw["blank"][0]), _text(raw["blank"][1])),
    )


def picture_from_json(raw: dict[str, Any]) -> TodayPicture:
    """The picture written by :func:`picture_to_json`. Raises (TypeError, ValueError,
    KeyError...) on anything not exactly of that shape."""
    view = raw["view"]
    idea = view["idea"]
    return TodayPicture(
        view=TodayView(
            date_line=_text(view["date_line"]),
            idea_title=_text(view["idea_title"]),
            idea=Idea(*(_text(idea[k]) for k in ("id", "practice", "title", "text", "question"))),
            sections=tuple(_section(s) for s in view["sections"]),
            journal_written=bool(view["journal_written"]),
            journal_hint=_text(view["journal_hint"]),
            streak=_text(view["streak"]),
            prompt=_text(view["prompt"]),
            month_line=_text(view["month_line"]),
            weekly_label=_text(view["weekly_label"]),
            grid_title=_text(view["grid_title"]),
            review=_text(view["review"]),
            review_hint=_text(view["review_hint"]),
        ),
        review_week=_text(raw["review_week"]),
        month_held=_count(raw["month_held"]),
        month_target=_count(raw["month_target"]),
        weekly=tuple(_count(n) for n in raw["weekly"]),
        week_starts=tuple(date.fromisoformat(_text(d)) for d in raw["week_starts"]),
        grid=tuple(
            GridRow(_text(pid), _text(name), tuple(_count(n) for n in counts))
            for pid, name, counts in raw["grid"]
        ),
    )


# -- writing, when the app closes -----------------------------------------------------------


def picture_to_json(picture: TodayPicture) -> dict[str, Any]:
    view = picture.view
    idea = view.idea
    return {
        "view": {
            "date_line": view.date_line,
            "idea_title": view.idea_title,
            "idea": {
                "id": idea.id,
                "practice": idea.practice,
                "title": idea.title,
                "text": idea.text,
                "question": idea.question,
            },
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "rows": [[[list(span) for span in r.spans], r.target] for r in s.rows],
                    "blank": [s.blank.text, s.blank.hint],
                }
                for s in view.sections
            ],
            "journal_written": view.journal_written,
            "journal_hint": view.journal_hint,
            "streak": view.streak,
            "prompt": view.prompt,
            "month_line": view.month_line,
            "weekly_label": view.weekly_label,
            "grid_title": view.grid_title,
            "review": view.review,
            "review_hint": view.review_hint,
        },
        "review_week": picture.review_week,
        "month_held": picture.month_held,
        "month_target": picture.month_target,
        "weekly": list(picture.weekly),
        "week_starts": [d.isoformat() for d in picture.week_starts],
        "grid": [[g.person_id, g.name, list(g.counts)] for g in picture.grid],
    }


def summary_bytes(data: bytes, pictures: dict[date, TodayPicture], theme: str) -> bytes:
    """The summary for the data file holding ``data``: the SHA-256 of what follows, on a line
    of its own (a damaged summary is never drawn), then the summary as JSON."""
    summary = {
        "format": SUMMARY_FORMAT,
        "app": __version__,
        "data": data_key(data),
        "theme": theme,
        "days": {day.isoformat(): picture_to_json(p) for day, p in pictures.items()},
    }
    body = json.dumps(summary, ensure_ascii=False).encode()
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def write_summary(data_dir: Path, summary: bytes) -> None:
    """Replace the summary with ``summary`` atomically: a temporary file in the folder, synced,
    then renamed over it. Unlike the data file's ``atomic_write`` it never writes through a
    symbolic link: a link planted in its place is replaced, its target left alone."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{SUMMARY_NAME}.", suffix=".tmp", dir=data_dir)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            with os.fdopen(os.dup(fd), "wb") as handle:
                handle.write(summary)
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            os.close(fd)
        os.replace(tmp_name, summary_path(data_dir))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def forget_summary(data_dir: Path) -> None:
    """Remove the summary (an encrypted folder must not keep one; a failed check). Never raises."""
    with contextlib.suppress(OSError):
        summary_path(data_dir).unlink(missing_ok=True)
