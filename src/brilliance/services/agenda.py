"""The day's agenda, gathered once and shown two ways: the Today screen and ``brilliance today``.

No Textual here: the command line prints the agenda without loading the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from brilliance import assets
from brilliance.domain.cadence import days_until_due, describe_due
from brilliance.domain.content import Idea
from brilliance.domain.journal import prompt_of_the_day
from brilliance.domain.models import FollowUp, Meeting, Person
from brilliance.domain.today import (
    JournalStatus,
    MonthProgress,
    attention_grid,
    coming_up,
    due_people,
    idea_of_the_day,
    journal_status,
    meetings_per_week,
    month_progress,
    promises_due,
    promises_soon,
    sparkline,
    week_starts,
    without_value,
)
from brilliance.store.store import Store


@dataclass(frozen=True)
class Agenda:
    today: date
    idea: Idea
    prompt: str
    due: list[Person]
    coming: list[tuple[Meeting, Person]]
    promises: list[tuple[FollowUp, Person]]
    promises_soon: list[tuple[FollowUp, Person]]
    no_value: list[tuple[Person, date | None]]
    journal: JournalStatus
    month: MonthProgress
    weekly: list[int]
    grid: list[tuple[Person, list[int]]]
    week_starts: list[date]
    list_size: int


def build_agenda(store: Store) -> Agenda:
    """Everything Today shows, from the store as it is now."""
    today = store.clock.today()
    people = store.people.all()
    meetings = store.meetings.all()
    by_id = {p.id: p for p in people}
    return Agenda(
        today=today,
        idea=idea_of_the_day(assets.ideas(), today),
        prompt=prompt_of_the_day(assets.prompts(), today).text,
        due=due_people(people, today),
        coming=[
            (m, by_id[m.person_id]) for m in coming_up(meetings, today) if m.person_id in by_id
        ],
        promises=[
            (f, by_id[f.person_id])
            for f in promises_due(store.followups.all(), today)
            if f.person_id in by_id
        ],
        promises_soon=[
            (f, by_id[f.person_id])
            for f in promises_soon(store.followups.all(), today)
            if f.person_id in by_id
        ],
        no_value=without_value(people, meetings, today),
        journal=journal_status(store.journal.all(), today),
        month=month_progress(people, meetings, today),
        weekly=meetings_per_week(meetings, today),
        grid=attention_grid(people, meetings, today),
        week_starts=week_starts(today),
        list_size=sum(1 for p in people if p.on_list),
    )


def describe_promise_due(followup: FollowUp, today: date) -> str:
    """``due today``, ``overdue since 20 Nov`` or ``due Fri 27 Nov``."""
    if followup.due == today:
        return "due today"
    if followup.due < today:
        return f"overdue since {followup.due:%d %b}"
    return f"due {followup.due:%a %d %b}"


def describe_value_gap(last: date | None, today: date) -> str:
    return "nothing given yet" if last is None else f"last value {(today - last).days} days ago"


def render_text(agenda: Agenda) -> str:
    """The agenda as plain text, for a shell login or a cron mail."""
    today = agenda.today
    lines = [f"Brilliance · {today:%A %d %B %Y}", ""]
    lines += [
        f"Idea of the day: {agenda.idea.title}",
        f"  {agenda.idea.text}",
        f"  {agenda.idea.question}",
        "",
    ]

    def section(title: str, rows: list[str], empty: str) -> None:
        lines.append(f"{title}")
        lines.extend(f"  - {row}" for row in rows) if rows else lines.append(f"  {empty}")
        lines.append("")

    section(
        "Due and overdue",
        [f"{p.name}: {describe_due(days_until_due(p, today))}" for p in agenda.due],
        "No one is due. Well kept.",
    )
    section(
        "Coming up (7 days)",
        [
            f"{m.when:%a %d %b %H:%M} {p.name}, {m.kind}{' at ' + m.place if m.place else ''}"
            for m, p in agenda.coming
        ],
        "Nothing planned this week.",
    )
    section(
        "Promises due and overdue",
        [f"{f.text} (for {p.name}, {describe_promise_due(f, today)})" for f, p in agenda.promises],
        "No promise is due.",
    )
    section(
        "Promises in the next 7 days",
        [
            f"{f.text} (for {p.name}, {describe_promise_due(f, today)})"
            for f, p in agenda.promises_soon
        ],
        "Nothing promised for the coming week.",
    )
    section(
        "No value given in 30 days",
        [f"{p.name}: {describe_value_gap(last, today)}" for p, last in agenda.no_value],
        "Everyone on your list has received something recently.",
    )
    written = "written" if agenda.journal.written_today else "not written yet"
    lines += [
        f"Journal: today's entry {written}; streak {agenda.journal.streak} day(s).",
        f"  Prompt: {agenda.prompt}",
        "",
        f"This month: {agenda.month.held} of {agenda.month.target} meetings "
        f"({round(agenda.month.ratio * 100)}%).",
        f"Last 12 weeks: {sparkline(agenda.weekly)}",
    ]
    return "\n".join(lines) + "\n"
