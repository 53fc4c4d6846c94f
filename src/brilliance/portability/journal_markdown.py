"""The journal as Markdown: one heading per day, one per entry, mentions and tags kept as typed.

The format reads back (``parse_markdown``): a body line starting with ``#`` or ``\\`` is
written with a ``\\`` in front so it cannot be mistaken for a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from brilliance.domain.models import JournalEntry

TITLE = "# Brilliance journal"
PROMPT_PREFIX = "> Prompt: "
_DAY = re.compile(r"^## (\d{4}-\d{2}-\d{2})\s*$")
_TIME = re.compile(r"^### (\d{2}):(\d{2})\s*$")


def _escape(line: str) -> str:
    return "\\" + line if line.startswith(("#", "\\")) else line


def split_lines(text: str) -> list[str]:
    """Lines split at ``\n`` only (a ``\r\n`` counts as one break): a ``\r``, form feed or
    U+2028 inside a line stays in it, instead of silently becoming a line break."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def trim_blank_lines(text: str) -> str:
    """``text`` without blank (or whitespace-only) lines at its start and end."""
    lines = split_lines(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def render_markdown(entries: Iterable[JournalEntry]) -> str:
    """The whole journal, oldest day first."""
    lines = [TITLE, ""]
    current: date | None = None
    for entry in sorted(entries, key=lambda e: (e.written_at, e.id)):
        if entry.day != current:
            current = entry.day
            lines += [f"## {current.isoformat()}", ""]
        lines += [f"### {entry.written_at:%H:%M}", ""]
        if entry.prompt:
            lines += [PROMPT_PREFIX + " ".join(entry.prompt.split()), ""]
        body = [_escape(line) for line in split_lines(trim_blank_lines(entry.text))]
        if body and body[0].startswith(PROMPT_PREFIX):
            body[0] = "\\" + body[0]  # text that looks like a prompt line stays text
        lines += body
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass(frozen=True)
class ParsedEntry:
    """One entry read back from Markdown."""

    written_at: datetime
    text: str
    prompt: str
    line: int
    """Line number of its heading, for error messages."""


class MarkdownJournalError(ValueError):
    """The file is not a journal in this format; says which line and why."""


def parse_markdown(text: str) -> list[ParsedEntry]:
    """Read entries back from :func:`render_markdown`'s format."""
    entries: list[ParsedEntry] = []
    day: date | None = None
    heading: tuple[datetime, int] | None = None
    body: list[str] = []
    prompt = ""

    def finish() -> None:
        nonlocal heading, body, prompt
        if heading is not None:
            content = trim_blank_lines("\n".join(body))
            entries.append(ParsedEntry(heading[0], content, prompt, heading[1]))
        heading, body, prompt = None, [], ""

    for number, line in enumerate(split_lines(text), start=1):
        if day_match := _DAY.match(line):
            finish()
            try:
                day = date.fromisoformat(day_match.group(1))
            except ValueError as exc:
                raise MarkdownJournalError(f"line {number}: {exc}") from exc
        elif time_match := _TIME.match(line):
            finish()
            if day is None:
                raise MarkdownJournalError(f"line {number}: an entry before any '## date' heading")
            hour, minute = int(time_match.group(1)), int(time_match.group(2))
            if hour > 23 or minute > 59:
                raise MarkdownJournalError(f"line {number}: {hour:02}:{minute:02} is not a time")
            heading = (
                datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute),
                number,
            )
        elif heading is not None:
            if not body and not line.strip():
                continue  # blank lines between the heading, the prompt and the text
            if not body and not prompt and line.startswith(PROMPT_PREFIX):
                prompt = line[len(PROMPT_PREFIX) :]
            else:
                body.append(line[1:] if line.startswith("\\") else line)
    finish()
    return entries


def export_journal(store: object) -> bytes:
    """The export command's entry point: the store's journal as Markdown bytes."""
    from brilliance.store.store import Store

    assert isinstance(store, Store)
    return render_markdown(store.journal.all()).encode("utf-8")
