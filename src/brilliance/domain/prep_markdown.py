"""The prep sheet as Markdown, for export (x) and ``brilliance prep NAME``.

It speaks to a reader, not to the app: no key hints, only what the sheet says.
"""

from __future__ import annotations

from datetime import date

from brilliance.domain.prep import PrepSheet


def render_markdown(sheet: PrepSheet, today: date) -> str:
    """The sheet as Markdown, for `x` and `brilliance prep NAME`."""
    person = sheet.person
    lines = [f"# Prep: {person.name}"]
    about = " · ".join(part for part in (person.headline, person.organisation) if part)
    if about:
        lines.append(f"*{about}*")
    lines.append("")
    if sheet.meeting is not None:
        meeting = sheet.meeting
        place = f" at {meeting.place}" if meeting.place else ""
        lines.append(f"Meeting: {meeting.kind}{place}, {meeting.when:%A %d %B %Y, %H:%M}")
    else:
        lines.append("Meeting: not planned yet")
    if person.last_met:
        lines.append(f"Last met: {person.last_met.isoformat()}")
    lines.append(f"Prepared: {today.isoformat()}")
    for section in sheet.sections:
        lines += ["", f"## {section.title}", ""]
        if not section.items:
            lines.append(f"_{section.empty or 'Nothing here yet.'}_")
        for item in section.items:
            box = "x" if item.key in sheet.checked else " "
            detail = f" ({item.detail})" if item.detail else ""
            lines.append(f"- [{box}] {item.text}{detail}")
    return "\n".join(lines) + "\n"
