"""The day's agenda, gathered once and shown two ways: the Today screen and ``brilliance today``.

No Textual here: the command line prints the agenda without loading the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from brilliance import assets
from brilliance.domain.cadence import days_until_due, describe_due
from brilliance.domain.content import Idea
from brilliance.domain.important_dates import UpcomingDate, coming_up_dates
from brilliance.domain.important_dates import describe as describe_date
from brilliance.domain.introduction_log import IntroductionLog, ask_text, awaiting_answer
from brilliance.domain.journal import prompt_of_the_day
from brilliance.domain.models import FollowUp, Meeting, Person
from brilliance.domain.review import IsoWeek, review_reminder
from brilliance.domain.today import (
    COMING_UP_DAYS,
    MEETINGS_PER_PERSON_PER_MONTH,
    VALUE_WINDOW_DAYS,
    WEEKS,
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
from brilliance.domain.today_view import (
    Blank,
    GridRow,
    Row,
    Section,
    Span,
    TodayPicture,
    TodayView,
)
from brilliance.store.store import Store

__all__ = [
    "Agenda",
    "Blank",
    "Row",
    "Section",
    "Span",
    "TodayView",
    "build_agenda",
    "describe_agenda",
    "picture_of",
    "render_text",
]


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
    dates: list[UpcomingDate]
    """Important dates of the next seven days."""
    introductions: list[tuple[IntroductionLog, str]]
    """Introductions two weeks old waiting for "did it help?", with the question."""
    review_due: IsoWeek | None
    """The week whose review is not written yet, from the review day on."""
    names: dict[str, str]
    """Everyone's name by id (for the introductions' two sides)."""


def build_agenda(store: Store, today: date | None = None) -> Agenda:
    """Everything Today shows, from the store as it is now; ``today`` (the clock's day if
    None) lets the summary kept for the next start be made for tomorrow as well."""
    today = today or store.clock.today()
    people = store.people.all()
    meetings = store.meetings.all()
    by_id = {p.id: p for p in people}
    by_name = {p.id: p.name for p in people}
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
        dates=coming_up_dates(people, today),
        names=by_name,
        introductions=[
            (intro, ask_text(intro, by_name, None)) for intro in awaiting_answer(meetings, today)
        ],
        # Only once there is a practice to look back on: someone on the list.
        review_due=review_reminder(store.journal.all(), today, store.profile.review_day)
        if any(p.on_list for p in people)
        else None,
    )


# -- one description of the content, drawn by the Today screen and by `brilliance today` ------
# (its shapes live in domain.today_view, which the first frame imports without the models)


def describe_promise_due(followup: FollowUp, today: date) -> str:
    """``due today``, ``overdue since 20 Nov`` or ``due Fri 27 Nov``."""
    if followup.due == today:
        return "due today"
    if followup.due < today:
        return f"overdue since {followup.due:%d %b}"
    return f"due {followup.due:%a %d %b}"


def describe_value_gap(last: date | None, today: date) -> str:
    return "nothing given yet" if last is None else f"last value {(today - last).days} days ago"


def _due_row(person: Person, today: date) -> Row:
    days = days_until_due(person, today)
    never = person.last_met is None
    return Row(
        (
            (person.name, "name"),
            ("  never met ·" if never else "", "muted"),
            ((" " if never else "  ") + describe_due(days), "late" if days < 0 else "soon"),
        ),
        person.id,
    )


def _promise_row(f: FollowUp, p: Person, today: date) -> Row:
    late = f.due < today
    return Row(
        (
            ("OVERDUE " if late else "", "alert"),
            (f.text, ""),
            (f"  for {p.name}, ", "muted"),
            (describe_promise_due(f, today), "late" if late else "muted"),
        ),
        f.id,
    )


def describe_agenda(agenda: Agenda) -> TodayView:
    """The words of Today, from the agenda; the app and the shell both draw this."""
    today = agenda.today
    on_list = agenda.list_size > 0
    sections = (
        Section(
            "due",
            f"Due and overdue ({len(agenda.due)})",
            tuple(_due_row(p, today) for p in agenda.due),
            Blank("No one is due: well kept")
            if on_list
            else Blank("Your list is empty", "press 2, then a, to add the first person"),
        ),
        Section(
            "coming",
            "Coming up this week",
            tuple(
                Row(
                    (
                        (f"{m.when:%a %d %b %H:%M}  ", "muted"),
                        (p.name, "name"),
                        (f"  {m.kind}{' at ' + m.place if m.place else ''}", ""),
                    ),
                    f"{p.id}|{m.id}",
                )
                for m, p in agenda.coming
            )
            + tuple(
                Row(
                    (
                        (f"{d.on:%a %d %b}        ", "muted"),
                        (d.person.name, "name"),
                        ("  " + describe_date(d.important, d.on), "soon"),
                    ),
                    f"date|{d.person.id}|{n}",
                )
                for n, d in enumerate(agenda.dates)
            ),
            Blank(f"Nothing planned in the next {COMING_UP_DAYS} days", "plan from Prep (3)"),
        ),
        Section(
            "intros",
            "Did these introductions help?",
            tuple(
                Row(((text, ""),), f"{intro.meeting.id}|{intro.other_id}")
                for intro, text in agenda.introductions
            ),
            Blank(""),  # the section is shown only when it has something to ask
        ),
        Section(
            "promises",
            "Promises due and overdue",
            tuple(_promise_row(f, p, today) for f, p in agenda.promises),
            Blank("No promise is due. Integrity kept"),
        ),
        Section(
            "promises-soon",
            f"Promises in the next {COMING_UP_DAYS} days",
            tuple(_promise_row(f, p, today) for f, p in agenda.promises_soon),
            Blank("Nothing promised for the coming week"),
        ),
        Section(
            "novalue",
            f"No value given in {VALUE_WINDOW_DAYS} days",
            tuple(
                Row(((p.name, "name"), ("  " + describe_value_gap(last, today), "muted")), p.id)
                for p, last in agenda.no_value
            ),
            Blank("Everyone on your list has had something from you lately")
            if on_list
            else Blank("Nothing to show until someone is on your list"),
        ),
    )
    streak = agenda.journal.streak
    month = agenda.month
    return TodayView(
        date_line=f"{today:%A %d %B %Y}",
        idea_title="Idea of the day",
        idea=agenda.idea,
        sections=sections,
        journal_written=agenda.journal.written_today,
        journal_hint="(j writes it)",
        streak=f"streak {streak} day{'s' if streak != 1 else ''}",
        prompt=agenda.prompt,
        month_line=(
            f"{month.held} of {month.target} meetings "
            f"({agenda.list_size} on the list × {MEETINGS_PER_PERSON_PER_MONTH})"
        ),
        weekly_label=f"weekly, {WEEKS} weeks: ",
        grid_title=f"Attention, last {WEEKS} weeks",
        review=(
            f"Weekly review of {agenda.review_due}: not written yet"
            if agenda.review_due is not None
            else ""
        ),
        review_hint="(5 opens it)",
    )


def render_text(agenda: Agenda) -> str:
    """The agenda as plain text, for a shell login or a cron mail (no key hints)."""
    view = describe_agenda(agenda)
    idea = view.idea
    lines = [f"Brilliance · {view.date_line}", ""]
    lines += [f"{view.idea_title}: {idea.title}", f"  {idea.text}", f"  {idea.question}", ""]
    for section in view.sections:
        if not section.rows and not section.blank.text:
            continue  # a section shown only when it has something (introductions)
        lines.append(section.title)
        if section.rows:
            lines.extend(f"  - {row.plain}" for row in section.rows)
        else:
            lines.append(f"  {section.blank.sentence(with_hint=False)}")
        lines.append("")
    if view.review:
        lines += [f"{view.review} (`brilliance review`).", ""]
    lines += [
        f"Journal: {view.journal_line} · {view.streak}",
        f"  Prompt: {view.prompt}",
        "",
        f"This month: {view.month_line}, {round(agenda.month.ratio * 100)}%",
        f"  {view.weekly_label}{sparkline(agenda.weekly)}",
    ]
    return "\n".join(lines) + "\n"


def picture_of(agenda: Agenda) -> TodayPicture:
    """What the Today screen draws of ``agenda`` (kept as the summary for the next start)."""
    return TodayPicture(
        view=describe_agenda(agenda),
        review_week=str(agenda.review_due) if agenda.review_due is not None else "",
        month_held=agenda.month.held,
        month_target=agenda.month.target,
        weekly=tuple(agenda.weekly),
        week_starts=tuple(agenda.week_starts),
        grid=tuple(GridRow(p.id, p.name, tuple(counts)) for p, counts in agenda.grid),
    )
