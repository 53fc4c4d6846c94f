"""The weekly review shown three ways from one description: its sections (the Review mode),
Markdown (the export and ``brilliance review``), plain JSON (``brilliance review --json``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from brilliance.domain.cadence import describe_due
from brilliance.domain.introduction_log import describe_outcome
from brilliance.domain.journal import first_line
from brilliance.domain.models import ValueKind
from brilliance.domain.review import WeeklyReview, review_heading

VALUE_TITLES = {
    ValueKind.INFORMATION: "Information",
    ValueKind.CONNECTION: "Connections",
    ValueKind.ENTERTAINMENT: "Entertainment",
}


def _md(text: str) -> str:
    """User text inside Markdown: no headings, links or emphasis sneak in."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in " ".join(text.split()))


def _plain(text: str) -> str:
    """User text shown as it is (on one line), for the Review mode."""
    return " ".join(text.split())


@dataclass(frozen=True)
class ReviewSection:
    """One section of the review: a title, its rows, or a line saying there are none."""

    title: str
    rows: list[str]
    empty: str


def review_sections(
    review: WeeklyReview, names: Mapping[str, str], user_text: Callable[[str], str] = _plain
) -> list[ReviewSection]:
    """The review's sections, each user text passed through ``user_text`` (escaping for
    Markdown; by default shown as it is, on one line)."""
    esc = user_text
    sections = [
        ReviewSection(
            f"Meetings: {review.meetings_held} held "
            f"(the rhythm asks about {review.meetings_expected} a week)",
            [
                f"{esc(r.person.name)}: {r.held} held"
                + ("" if r.held else f", {describe_due(r.days_until_due)}")
                for r in review.rhythm
            ],
            "No one is on your list yet.",
        )
    ]
    for kind, title in VALUE_TITLES.items():
        rows = review.value[kind]
        sections.append(
            ReviewSection(
                f"Value given: {title} ({len(rows)})",
                [f"{esc(r.person.name)}" + (f": {esc(r.note)}" if r.note else "") for r in rows],
                "None this week.",
            )
        )
    promises = review.promises
    sections += [
        ReviewSection(
            f"Promises: {len(promises.made)} made, {len(promises.kept)} kept, "
            f"{len(promises.broken)} broken",
            [f"made: {esc(f.text)} (due {f.due})" for f in promises.made]
            + [f"kept: {esc(f.text)}" for f in promises.kept]
            + [
                f"broken: {esc(f.text)} (due {f.due}"
                + (f", done {f.done_on})" if f.done_on else ", still open)")
                for f in promises.broken
            ],
            "No promises made or due this week.",
        ),
        ReviewSection(
            "Introductions and what came of them",
            [
                f"{esc(names.get(i.person_id, '?'))} to {esc(names.get(i.other_id, '?'))} "
                f"({i.day:%d %b}): {esc(describe_outcome(i.outcome))}"
                for i in review.introductions
            ],
            "No introductions this week.",
        ),
        ReviewSection(
            "Got nothing from me this week",
            [esc(p.name) for p in review.nothing_given],
            "Everyone on your list received something.",
        ),
        ReviewSection(
            "Highlights from the journal (#highlight)",
            [f"{e.day:%a %d %b}: {esc(first_line(e.text, 120))}" for e in review.highlights],
            "No entry tagged #highlight this week.",
        ),
        ReviewSection("For the week ahead", [esc(p) for p in review.prompts], ""),
    ]
    return sections


def render_review_markdown(review: WeeklyReview, names: Mapping[str, str]) -> str:
    """The review as Markdown, for the export and ``brilliance review``."""
    lines = [f"# {review_heading(review.week)}", "", review.week.describe(), ""]
    for section in review_sections(review, names, _md):
        lines.extend([f"## {section.title}", ""])
        if section.rows:
            lines.extend(f"- {row}" for row in section.rows)
        else:
            lines.append(f"_{section.empty}_")
        lines.append("")
    for entry in review.written:
        body = [ln for ln in entry.text.strip().splitlines() if not ln.startswith("# Weekly")]
        lines.extend(["## What I wrote", "", "\n".join(body).strip(), ""])
    return "\n".join(lines).rstrip() + "\n"


def review_json(review: WeeklyReview, names: Mapping[str, str]) -> dict[str, Any]:
    """The review as plain data for ``brilliance review --json``."""
    return {
        "week": str(review.week),
        "start": review.week.start.isoformat(),
        "end": review.week.end.isoformat(),
        "meetings_held": review.meetings_held,
        "meetings_expected": review.meetings_expected,
        "rhythm": [
            {
                "person": r.person.name,
                "id": r.person.id,
                "held": r.held,
                "days_until_due": r.days_until_due,
            }
            for r in review.rhythm
        ],
        "value": {
            kind.value: [
                {"person": r.person.name, "id": r.person.id, "note": r.note, "day": str(r.day)}
                for r in rows
            ]
            for kind, rows in review.value.items()
        },
        "promises": {
            name: [
                {"text": f.text, "person_id": f.person_id, "due": str(f.due), "done": f.done}
                for f in items
            ]
            for name, items in (
                ("made", review.promises.made),
                ("kept", review.promises.kept),
                ("broken", review.promises.broken),
            )
        },
        "introductions": [
            {
                "day": str(i.day),
                "person": names.get(i.person_id, ""),
                "introduced_to": names.get(i.other_id, ""),
                "outcome": describe_outcome(i.outcome),
            }
            for i in review.introductions
        ],
        "nothing_given": [p.name for p in review.nothing_given],
        "highlights": [
            {"day": str(e.day), "text": first_line(e.text, 200)} for e in review.highlights
        ],
        "prompts": list(review.prompts),
        "written": bool(review.written),
    }
