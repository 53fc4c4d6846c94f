"""Mode 3, Prep: the checklist for one person and one meeting, and the log afterwards."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from brilliance import assets
from brilliance.domain.cadence import (
    SortOrder,
    days_until_due,
    describe_due,
    next_due,
    sort_people,
)
from brilliance.domain.meetings import last_met_after_logging, next_planned
from brilliance.domain.models import Meeting, MeetingStatus, Person, PrepState, updated
from brilliance.domain.prep import (
    PrepSheet,
    asked_questions,
    build_sheet,
    introductions_made,
    question_key,
    render_markdown,
    suggest_introductions,
    suggest_venue,
    swap_question,
)
from brilliance.domain.seasons import in_season, season_of
from brilliance.domain.timeline import last_time, with_last_time
from brilliance.portability.prep_inputs import gather_inputs
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.events import EventsScreen
from brilliance.screens.modals.line_prompt import LinePromptScreen
from brilliance.screens.modals.log_meeting import LogMeetingScreen, MeetingLog
from brilliance.screens.modals.partnership import PartnershipScreen
from brilliance.screens.modals.plan_meeting import PlanMeetingScreen
from brilliance.screens.promise_keeper import PromiseKeeper
from brilliance.store.storage import atomic_write
from brilliance.widgets.checklist import Checklist
from brilliance.widgets.last_time import LastTimeView
from brilliance.widgets.mode_bar import ModeBar

EXPORTS_DIR = "exports"
DEFAULT_MEETING_TIME = time(12, 30)

CHOOSE_HINT = (
    "Prepare for a meeting: choose someone (enter). Most overdue first; "
    "you can also press p on anyone in the List."
)


def export_name(person: Person, day: object) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", person.name.casefold()).strip("-") or "person"
    return f"prep-{slug}-{day}.md"


class PrepScreen(BrillianceScreen):
    """Choose a person, then walk through their checklist; log the meeting afterwards."""

    CSS_PATH = "prep.tcss"
    AUTO_FOCUS = ""
    HELP = (
        "The checklist for your next meeting with someone. space ticks (saved with the "
        "meeting), r swaps a question, l logs the meeting afterwards."
    )

    BINDINGS = [
        Binding("n", "plan", "Plan"),
        Binding("l", "log", "Log"),
        Binding("r", "swap", "Swap"),
        Binding("i", "invite", "Invite"),
        Binding("e", "edit_plan", "Edit plan", show=False),
        Binding("a", "add_question", "Own question", show=False),
        Binding("o", "open", "Open person", show=False),
        Binding("P", "partnership", "Partner review", show=False),
        Binding("x", "export", "Export", show=False),
        Binding("v", "events", "Events", show=False),
        Binding("u", "undo_kept", "Undo kept", show=False),
        Binding("left_square_bracket", "meeting(-1)", "Earlier meeting", show=False),
        Binding("right_square_bracket", "meeting(1)", "Later meeting", show=False),
        Binding("escape,c", "choose", "Choose person"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.person_id: str | None = None
        self.meeting_id: str | None = None
        self.draft_questions: list[str] | None = None
        self.sheet: PrepSheet | None = None
        # Ticks for a next meeting not planned yet, by person: saved with the plan or the log.
        self.draft_ticks: dict[str, set[str]] = {}
        self.keeper = PromiseKeeper(self)

    def compose(self) -> ComposeResult:
        yield ModeBar("prep")
        yield Static("", id="prep-title", markup=False)
        yield Static("", id="meeting-line")
        yield LastTimeView("", id="last-time")
        yield OptionList(id="chooser")
        yield Checklist(id="sheet")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    # -- state ----------------------------------------------------------------------------

    @property
    def person(self) -> Person | None:
        return self.store.people.get(self.person_id) if self.person_id else None

    @property
    def meeting(self) -> Meeting | None:
        return self.store.meetings.get(self.meeting_id) if self.meeting_id else None

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    def show_person(self, person_id: str, meeting_id: str | None = None) -> None:
        """Prepare for ``person_id``: the given meeting, or their next planned one."""
        self.person_id = person_id
        self.draft_questions = None
        if meeting_id is None:
            planned = next_planned(self.store.meetings.for_person(person_id), self.clock.today())
            meeting_id = planned.id if planned else None
        self.meeting_id = meeting_id
        self.refresh_data()
        self.checklist.highlighted = None
        self.checklist.action_cursor_down()
        self.checklist.focus()

    # -- drawing --------------------------------------------------------------------------

    def refresh_data(self) -> None:
        person = self.person
        chooser = self.query_one("#chooser", OptionList)
        checklist = self.checklist
        if person is None:
            self.person_id = None
            self.sheet = None
            chooser.display = True
            checklist.display = False
            self._fill_chooser(chooser)
            self.query_one("#prep-title", Static).update(CHOOSE_HINT)
            self.query_one("#meeting-line", Static).update("")
            self.query_one(LastTimeView).display = False
            if self.focused is None or self.focused is checklist:
                chooser.focus()
        else:
            if self.meeting_id and self.meeting is None:
                self.meeting_id = None
            chooser.display = False
            checklist.display = True
            sheet = build_sheet(
                gather_inputs(self.store, person, self.meeting, self.draft_questions)
            )
            if self.meeting is None:
                drafts = frozenset(self.draft_ticks.get(person.id, set()))
                sheet = PrepSheet(sheet.person, sheet.meeting, sheet.sections, drafts)
            self.sheet = sheet
            checklist.show(self.sheet)
            self._show_last_time(person)
            self._describe(person)
            if self.focused is None or self.focused is chooser:
                checklist.focus()
        self.refresh_bindings()
        self.mark_fresh()

    def _fill_chooser(self, chooser: OptionList) -> None:
        today = self.clock.today()
        people = sort_people(self.store.people.on_list(), SortOrder.DUE, today)
        planned_ids = {
            m.person_id for m in self.store.meetings if m.status is MeetingStatus.PLANNED
        }
        people += sorted(
            (p for p in self.store.people if not p.on_list and p.id in planned_ids),
            key=lambda p: p.name.casefold(),
        )
        keep = chooser.highlighted
        chooser.clear_options()
        if not people:
            chooser.add_option(
                Option("No one on your list yet: press 2, then a, to add someone.", disabled=True)
            )
            return
        for person in people:
            plan = next_planned(self.store.meetings.for_person(person.id), today)
            parts = []
            if person.on_list:
                parts.append(describe_due(days_until_due(person, today)))
            if plan is not None:
                parts.append(f"planned {plan.when:%a %d %b %H:%M}, {plan.kind}")
            chooser.add_option(
                Option(
                    Content.assemble((person.name, "bold"), ("  " + " · ".join(parts), "dim")),
                    id=person.id,
                )
            )
        chooser.highlighted = min(keep or 0, chooser.option_count - 1)

    def _show_last_time(self, person: Person) -> None:
        widget = self.query_one(LastTimeView)
        widget.display = True
        meetings = self.store.meetings.for_person(person.id)
        widget.show(
            last_time(meetings, self.store.followups.for_person(person.id)), self.clock.today()
        )

    def _describe(self, person: Person) -> None:
        today = self.clock.today()
        about = " · ".join(part for part in (person.headline, person.organisation) if part)
        title = f"Prep: {person.name}" + (f"  —  {about}" if about else "")
        self.query_one("#prep-title", Static).update(title)
        meeting = self.meeting
        sheet = self.sheet
        ticked = len(sheet.checked & set(self.checklist.items)) if sheet else 0
        total = len(self.checklist.items)
        if meeting is None:
            due = ""
            if person.on_list:
                due = f" They are {describe_due(days_until_due(person, today))}."
            line = Content.assemble(
                ("No meeting planned. ", "bold $warning"),
                f"Press n to plan one (ticks are kept for it), or l to log one that happened.{due}",
            )
        else:
            place = f" at {meeting.place}" if meeting.place else ""
            status = {
                MeetingStatus.PLANNED: ("planned", "bold $accent"),
                MeetingStatus.DONE: ("held", "bold $success"),
                MeetingStatus.CANCELLED: ("cancelled", "bold $error"),
            }[meeting.status]
            theirs = self.store.meetings.for_person(person.id)
            position = f"  (meeting {theirs.index(meeting) + 1} of {len(theirs)}, [ ] to step)"
            line = Content.assemble(
                (f"{meeting.kind.capitalize()}{place}, {meeting.when:%A %d %B %Y, %H:%M} · ", ""),
                status,
                f" · {ticked} of {total} ticked",
                (position if len(theirs) > 1 else "", "dim"),
            )
        self.query_one("#meeting-line", Static).update(line)

    # -- keys that depend on where we are -------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        person = self.person
        if person is None:
            return action in ("events",)
        item_section = self.checklist.highlighted_section()
        meeting = self.meeting
        if action == "edit_plan":
            return meeting is not None and meeting.status is MeetingStatus.PLANNED
        if action == "swap":
            return item_section == "questions"
        if action == "invite":
            return item_section == "events"
        if action == "partnership":
            return person.partnership_prospect
        if action == "undo_kept":
            return self.keeper.last_kept is not None
        return True

    @on(OptionList.OptionHighlighted, "#sheet")
    def _highlight_moved(self) -> None:
        self.refresh_bindings()

    # -- choosing -------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#chooser")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.show_person(event.option.id)

    def action_choose(self) -> None:
        if self.person_id is None:
            return
        self.person_id = None
        self.meeting_id = None
        self.set_focus(None)
        self.refresh_data()

    def action_meeting(self, step: int) -> None:
        person = self.person
        if person is None:
            return
        theirs = self.store.meetings.for_person(person.id)
        if len(theirs) <= 1:
            only = "no meetings" if not theirs else "only one meeting"
            self.notify(f"There is {only} with {person.name}: nothing to step to.")
            return
        current = self.meeting
        index = theirs.index(current) if current in theirs else len(theirs)
        index = max(0, min(len(theirs) - 1, index + step))
        self.meeting_id = theirs[index].id
        self.draft_questions = None
        self.refresh_data()

    # -- the checklist --------------------------------------------------------------------

    def _save_prep(
        self, checked: set[str] | None = None, questions: list[str] | None = None
    ) -> bool:
        meeting = self.meeting
        sheet = self.sheet
        if meeting is None or sheet is None:
            return False
        questions = questions if questions is not None else sheet.questions
        keep = {question_key(q) for q in questions}
        ticks = checked if checked is not None else set(sheet.checked)
        # A swapped-out question takes its tick with it.
        ticks = {k for k in ticks if not k.startswith("q:") or k in keep}
        prep = PrepState(checked=sorted(ticks), questions=questions)
        saved = self.attempt_save(
            lambda: self.store.meetings.save(meeting.model_copy(update={"prep": prep}))
        )
        return saved is not None

    @on(Checklist.Toggled)
    def _toggled(self, event: Checklist.Toggled) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        if event.key.startswith("followup:"):
            # Ticking a promise on the sheet keeps it (u undoes), as on Today and the timeline.
            if self.keeper.keep(event.key.removeprefix("followup:")) is not None:
                self.refresh_data()
            return
        ticked = event.key not in sheet.checked
        checked = set(sheet.checked) | {event.key} if ticked else set(sheet.checked) - {event.key}
        if self.meeting is None:
            self.draft_ticks[sheet.person.id] = checked
            saved = True
        else:
            saved = self._save_prep(checked=checked)
        if saved:
            self.sheet = PrepSheet(sheet.person, sheet.meeting, sheet.sections, frozenset(checked))
            self.checklist.set_ticked(event.key, ticked)
            if self.person is not None:
                self._describe(self.person)

    def action_undo_kept(self) -> None:
        if self.keeper.undo() is not None:
            self.refresh_data()

    def _set_questions(self, questions: list[str], keep: str | None = None) -> None:
        if self.meeting is not None:
            if not self._save_prep(questions=questions):
                return
        else:
            self.draft_questions = questions
        self.refresh_data()
        if keep and self.sheet is not None:
            self.checklist.show(self.sheet, keep=keep)

    def action_swap(self) -> None:
        person, sheet, item = self.person, self.sheet, self.checklist.highlighted_item
        if person is None or sheet is None or item is None:
            return
        if self.checklist.highlighted_section() != "questions":
            return
        bank = gather_inputs(self.store, person, None).bank
        asked = asked_questions(self.store.meetings.for_person(person.id))
        fresh = swap_question(person, bank, asked, sheet.questions, self.clock.today())
        if fresh is None:
            self.notify("Every question in the bank is on the sheet or already asked.")
            return
        questions = [fresh.text if q == item.text else q for q in sheet.questions]
        self._set_questions(questions, keep=question_key(fresh.text))

    def action_add_question(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return

        def added(text: str | None) -> None:
            if text and self.sheet is not None:
                self._set_questions([*self.sheet.questions, text], keep=question_key(text))

        self.app.push_screen(
            LinePromptScreen("Add your own question", "What would you like to ask them?"), added
        )

    # -- planning and logging -------------------------------------------------------------

    def _default_when(self, person: Person) -> datetime:
        today = self.clock.today()
        day = max(next_due(person), today + timedelta(days=1))
        return datetime.combine(day, DEFAULT_MEETING_TIME)

    def _kind_ids(self) -> list[str]:
        return [k.id for k in assets.meeting_kinds()]

    def action_plan(self) -> None:
        person = self.person
        if person is None:
            return
        venue = suggest_venue(
            person,
            self.store.meetings.for_person(person.id),
            in_season(
                assets.meeting_kinds(), season_of(self.clock.today(), self.store.profile.hemisphere)
            ),
            self.clock.today(),
        )
        questions = self.sheet.questions if self.sheet else []

        def planned(meeting: Meeting | None) -> None:
            if meeting is None:
                return
            ticks = sorted(self.draft_ticks.pop(person.id, set()))
            meeting = meeting.model_copy(
                update={"prep": PrepState(checked=ticks, questions=questions)}
            )
            stored = self.attempt_save(lambda: self.store.meetings.save(meeting))
            if stored is not None:
                self.meeting_id = stored.id
                self.draft_questions = None
                self.refresh_data()
                self.notify(f"Planned: {stored.kind} on {stored.when:%a %d %b at %H:%M}.")

        self.app.push_screen(
            PlanMeetingScreen(
                person,
                self._default_when(person),
                self._kind_ids(),
                venue,
                today=self.clock.today(),
            ),
            planned,
        )

    def action_edit_plan(self) -> None:
        person, meeting = self.person, self.meeting
        if person is None or meeting is None:
            return

        def changed(result: Meeting | None) -> None:
            if result is None:
                return
            if self.attempt_save(lambda: self.store.meetings.save(result)) is not None:
                self.refresh_data()

        self.app.push_screen(
            PlanMeetingScreen(
                person,
                meeting.when,
                self._kind_ids(),
                None,
                existing=meeting,
                today=self.clock.today(),
            ),
            changed,
        )

    def action_log(self) -> None:
        person, sheet = self.person, self.sheet
        if person is None or sheet is None:
            return
        meeting = self.meeting or Meeting(
            person_id=person.id,
            when=self.clock.now().replace(second=0),
            kind="coffee",
            prep=PrepState(checked=sorted(sheet.checked), questions=sheet.questions),
        )
        ticked_questions = {
            item.text for item in sheet.section("questions").items if item.key in sheet.checked
        }
        intro_items = sheet.section("introductions").items
        made = introductions_made(person.id, self.store.meetings.all()) - set(meeting.introductions)
        candidates = [
            i.person for i in suggest_introductions(person, self.store.people.all(), made, limit=10)
        ]
        ticked_intros = {item.ref for item in intro_items if item.key in sheet.checked}
        before = self.store.meetings.get(meeting.id)

        def logged(result: MeetingLog | None) -> None:
            if result is not None:
                self._save_log(person, result, before)

        self.app.push_screen(
            LogMeetingScreen(
                person,
                meeting,
                sheet.questions,
                ticked_questions,
                candidates,
                ticked_intros,
                self.clock.today(),
            ),
            logged,
        )

    def _save_log(self, person: Person, log: MeetingLog, before: Meeting | None) -> None:
        store = self.store
        self.draft_ticks.pop(person.id, None)
        others = store.meetings.for_person(person.id)
        last_met = last_met_after_logging(person, log.meeting, before, others)

        def write() -> Meeting:
            with store.batch():
                saved = store.meetings.save(log.meeting)
                for followup in log.followups:
                    store.followups.save(followup)
                if last_met != person.last_met:
                    store.people.save(updated(person, last_met=last_met))
            return saved

        saved = self.attempt_save(write)
        if saved is None:
            return
        self.meeting_id = saved.id
        self.refresh_data()
        fresh = store.people.require(person.id)
        if saved.status is MeetingStatus.DONE:
            due = describe_due(days_until_due(fresh, self.clock.today()))
            promises = f" {len(log.followups)} new promise(s) noted." if log.followups else ""
            self.notify(f"Logged. Next meeting with {fresh.name} {due}.{promises}", title="Logged")
        else:
            self.notify("Logged as cancelled.", title="Logged")

    # -- the rest -------------------------------------------------------------------------

    def action_invite(self) -> None:
        person, item = self.person, self.checklist.highlighted_item
        if person is None or item is None or self.checklist.highlighted_section() != "events":
            return
        event = self.store.events.get(item.ref)
        if event is None:
            return
        if person.id in event.invited:
            invited = [i for i in event.invited if i != person.id]
            message = f"{person.name} is no longer marked as invited to {event.title}."
        else:
            invited = [*event.invited, person.id]
            message = f"{person.name} is invited to {event.title}."
        if self.attempt_save(lambda: self.store.events.save(updated(event, invited=invited))):
            self.refresh_data()
            self.notify(message)

    def action_open(self) -> None:
        person, item = self.person, self.checklist.highlighted_item
        if person is None:
            return
        target = (
            item.ref
            if item and self.checklist.highlighted_section() == "introductions"
            else person.id
        )
        self.brilliance.open_person(target)

    def action_partnership(self) -> None:
        person = self.person
        if person is None or not person.partnership_prospect:
            return

        def saved(result: Person | None) -> None:
            if result is None:
                return
            if self.attempt_save(lambda: self.store.people.save(result)) is not None:
                self.refresh_data()
                self.notify("Partnership review saved.")

        self.app.push_screen(PartnershipScreen(person, assets.partnership_questions()), saved)

    def action_events(self) -> None:
        self.app.push_screen(EventsScreen())

    def action_export(self) -> None:
        person, sheet = self.person, self.sheet
        if person is None or sheet is None:
            return
        folder = self.store.data_dir / EXPORTS_DIR
        path = folder / export_name(person, self.clock.today())
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            text = with_last_time(
                render_markdown(sheet, self.clock.today()),
                last_time(
                    self.store.meetings.for_person(person.id),
                    self.store.followups.for_person(person.id),
                ),
                self.clock.today(),
            )
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error")
            return
        self.notify(f"Saved the sheet to {path}", title="Exported")
