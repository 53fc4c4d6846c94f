"""Exports in the formats people already use: CSV, Markdown pages, iCalendar."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from brilliance.domain.models import MeetingStatus, Person
from brilliance.portability.escaping import markdown_block, markdown_line, neutralise_cell
from brilliance.portability.importers import LIST_SEPARATOR
from brilliance.store.safe_files import file_slug
from brilliance.store.store import Store

CSV_HEADER = [
    "name",
    "headline",
    "organisation",
    "email",
    "phone",
    "on list",
    "cadence",
    "last met",
    "skills",
    "interests",
    "goals",
    "aspirations",
    "how i can help",
    "wins",
    "tags",
    "notes",
]
MEETING_LENGTH = timedelta(hours=1)


def people_csv(store: Store) -> bytes:
    """One row per person, readable back by the CSV import (lists separated by ';')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_HEADER)
    for person in sorted(store.people.all(), key=lambda p: (p.name.casefold(), p.id)):
        join = LIST_SEPARATOR.join
        row = [
            person.name,
            person.headline,
            person.organisation,
            person.email,
            person.phone,
            "yes" if person.on_list else "no",
            person.cadence_days,
            person.last_met.isoformat() if person.last_met else "",
            join(person.skills),
            join(person.interests),
            join(person.goals),
            person.aspirations,
            person.how_i_can_help,
            join(person.wins),
            join(person.tags),
            person.notes,
        ]
        writer.writerow([neutralise_cell(str(cell)) for cell in row])
    return out.getvalue().encode("utf-8")


def person_markdown(store: Store, person: Person) -> str:
    """One person's page: who they are, then every meeting and open promise."""
    md = markdown_line
    lines = [f"# {md(person.name)}", ""]
    about = " · ".join(md(p) for p in (person.headline, person.organisation) if p)
    if about:
        lines += [f"*{about}*", ""]
    facts = [
        ("On my list", f"yes, every {person.cadence_days} days" if person.on_list else "no"),
        ("Last met", person.last_met.isoformat() if person.last_met else "never"),
        ("Email", md(person.email)),
        ("Phone", md(person.phone)),
        ("Skills", ", ".join(map(md, person.skills))),
        ("Interests", ", ".join(map(md, person.interests))),
        ("Goals", "; ".join(map(md, person.goals))),
        ("Recent wins", "; ".join(map(md, person.wins))),
        ("Tags", ", ".join(map(md, person.tags))),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    for title, body in (
        ("Aspirations", person.aspirations),
        ("How I can help", person.how_i_can_help),
        ("Notes", person.notes),
    ):
        if body.strip():
            lines += ["", f"## {title}", "", markdown_block(body.strip())]
    meetings = store.meetings.for_person(person.id)
    lines += ["", "## Meetings", ""]
    if not meetings:
        lines.append("_None yet._")
    for meeting in reversed(meetings):
        place = f" at {md(meeting.place)}" if meeting.place else ""
        lines += [
            f"### {meeting.when:%Y-%m-%d %H:%M} · {md(meeting.kind)}{place} "
            f"({meeting.status.value})"
        ]
        if meeting.notes.strip():
            lines += ["", markdown_block(meeting.notes.strip())]
        for value in meeting.value_given:
            lines.append(f"- Gave {value.kind.value}: {md(value.note)}".rstrip(": "))
        for question in meeting.questions_asked:
            lines.append(f"- Asked: {md(question)}")
        lines.append("")
    open_promises = [f for f in store.followups.for_person(person.id) if not f.done]
    if open_promises:
        lines += ["## Promises", ""]
        lines += [f"- [ ] {md(f.text)} (due {f.due.isoformat()})" for f in open_promises]
    return "\n".join(lines).rstrip() + "\n"


def people_markdown(store: Store) -> dict[str, bytes]:
    """A Markdown page per person, named after them."""
    pages: dict[str, bytes] = {}
    for person in sorted(store.people.all(), key=lambda p: (p.name.casefold(), p.id)):
        name = f"{file_slug(person.name)}.md"
        if name in pages:
            name = f"{file_slug(person.name)}-{person.id}.md"
        pages[name] = person_markdown(store, person).encode("utf-8")
    return pages


def calendar_ics(store: Store) -> bytes:
    """Planned meetings as events and open promises as to-dos, for any calendar app."""
    from icalendar import Calendar, Todo
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Brilliance//brilliance//EN")
    calendar.add("version", "2.0")
    names = {p.id: p.name for p in store.people}
    stamp = store.clock.now()
    for meeting in sorted(store.meetings.all(), key=lambda m: (m.when, m.id)):
        if meeting.status is not MeetingStatus.PLANNED:
            continue
        event = CalendarEvent()
        event.add("uid", f"meeting-{meeting.id}@brilliance")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.when)
        event.add("dtend", meeting.when + MEETING_LENGTH)
        event.add(
            "summary", f"{meeting.kind.capitalize()} with {names.get(meeting.person_id, '?')}"
        )
        if meeting.place:
            event.add("location", meeting.place)
        calendar.add_component(event)
    for followup in sorted(store.followups.all(), key=lambda f: (f.due, f.id)):
        if followup.done:
            continue
        todo = Todo()
        todo.add("uid", f"followup-{followup.id}@brilliance")
        todo.add("dtstamp", stamp)
        todo.add("due", followup.due)
        todo.add("summary", f"{followup.text} (for {names.get(followup.person_id, '?')})")
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
