"""Mode 3, Prep: the checklist for one person and one meeting, and the log afterwards."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList

from brilliance import assets
from brilliance.domain.acquaintances import acquaintances
from brilliance.domain.meetings import next_planned
from brilliance.domain.models import Meeting, MeetingStatus, Person, updated
from brilliance.domain.prep import PrepSheet, build_sheet, next_question
from brilliance.domain.questions import question_key
from brilliance.domain.timeline import last_time
from brilliance.portability.prep_export import export_prep_sheet
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.events import EventsScreen
from brilliance.screens.modals.line_prompt import LinePromptScreen
from brilliance.screens.modals.partnership import PartnershipScreen
from brilliance.screens.navigation import OpenPerson
from brilliance.screens.prep_meeting import edit_plan, log_meeting_from_sheet, plan_meeting
from brilliance.screens.promise_keeper import PromiseKeeper
from brilliance.services.meetings import save_next_prep, save_prep
from brilliance.services.prep_inputs import gather_inputs
from brilliance.widgets.checklist import Checklist
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.last_time import LastTimeView
from brilliance.widgets.meeting_header import MeetingHeader
from brilliance.widgets.mode_bar import ModeBar
from brilliance.widgets.person_chooser import PersonChooser

CHOOSE_HINT = (
    "Prepare for a meeting: choose someone (enter). Most overdue first; "
    "you can also press p on anyone in the List."
)


class PrepScreen(BrillianceScreen):
    """Choose a person, then walk through their checklist; log the meeting afterwards."""

    CSS_PATH = "prep.tcss"
    AUTO_FOCUS = ""
    HELP = (
        "The checklist for your next meeting with someone. space ticks (saved with the "
        "meeting), r swaps a question, l logs the meeting afterwards."
    )

    BINDINGS = [
        # The footer shows the most used keys first; the rest are in the help (?).
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
        self.sheet: PrepSheet | None = None
        self.keeper = PromiseKeeper(self)

    def compose(self) -> ComposeResult:
        yield ModeBar("prep")
        yield MeetingHeader()
        yield LastTimeView("", id="last-time")
        yield PersonChooser(id="chooser")
        yield Checklist(id="sheet")
        yield KeysFooter()

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
        chooser = self.query_one(PersonChooser)
        checklist = self.checklist
        if person is None:
            self.person_id = None
            self.sheet = None
            chooser.display = True
            checklist.display = False
            chooser.show(self.store.people.all(), self.store.meetings.all(), self.clock.today())
            self.query_one(MeetingHeader).show_hint(CHOOSE_HINT)
            self.query_one(LastTimeView).display = False
            if self.focused is None or self.focused is checklist:
                chooser.focus()
        else:
            if self.meeting_id and self.meeting is None:
                self.meeting_id = None
            chooser.display = False
            checklist.display = True
            # Not planned yet: the sheet kept with the person (ticks, chosen questions).
            draft = person.next_prep if self.meeting is None else None
            chosen = (draft.questions or None) if draft else None
            sheet = build_sheet(gather_inputs(self.store, person, self.meeting, chosen))
            if self.meeting is None:
                drafts = frozenset(draft.checked) if draft else frozenset[str]()
                sheet = PrepSheet(sheet.person, sheet.meeting, sheet.sections, drafts)
            self.sheet = sheet
            checklist.show(self.sheet)
            self._show_last_time(person)
            self._describe(person)
            if self.focused is None or self.focused is chooser:
                checklist.focus()
        self.refresh_bindings()
        self.mark_fresh()

    def _show_last_time(self, person: Person) -> None:
        widget = self.query_one(LastTimeView)
        widget.display = True
        meetings = self.store.meetings.for_person(person.id)
        followups = self.store.followups.for_person(person.id)
        widget.show(last_time(meetings, followups), self.clock.today(), person.last_met)

    def _describe(self, person: Person) -> None:
        sheet = self.sheet
        ticked = len(sheet.checked & set(self.checklist.items)) if sheet else 0
        self.query_one(MeetingHeader).show(
            person,
            self.meeting,
            self.store.meetings.for_person(person.id),
            ticked,
            len(self.checklist.items),
            self.clock.today(),
        )

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
        self.refresh_data()

    # -- the checklist --------------------------------------------------------------------

    def _save_prep(
        self, checked: set[str] | None = None, questions: list[str] | None = None
    ) -> bool:
        meeting, person, sheet = self.meeting, self.person, self.sheet
        if person is None or sheet is None:
            return False
        questions = questions if questions is not None else sheet.questions
        ticks = checked if checked is not None else set(sheet.checked)
        if meeting is None:
            # Not planned yet: the sheet waits with the person for the plan (n) or the log (l).
            kept = self.attempt_save(lambda: save_next_prep(self.store, person, ticks, questions))
            return kept is not None
        saved = self.attempt_save(lambda: save_prep(self.store, meeting, ticks, questions))
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
        with self.brilliance.write_behind.later():  # written in the next pause (issue 19)
            saved = self._save_prep(checked=checked)
        if not saved:
            self.refresh_data()  # as the store holds it: in memory until a save works
            return
        self.sheet = PrepSheet(sheet.person, sheet.meeting, sheet.sections, frozenset(checked))
        self.checklist.set_ticked(event.key, ticked)
        if self.person is not None:
            self._describe(self.person)

    def action_undo_kept(self) -> None:
        if self.keeper.undo() is not None:
            self.refresh_data()

    def _set_questions(self, questions: list[str], keep: str | None = None) -> None:
        if not self._save_prep(questions=questions):
            return
        self.refresh_data()
        if keep and self.sheet is not None:
            self.checklist.show(self.sheet, keep=keep)

    def action_swap(self) -> None:
        person, sheet, item = self.person, self.sheet, self.checklist.highlighted_item
        if person is None or sheet is None or item is None:
            return
        if self.checklist.highlighted_section() != "questions":
            return
        fresh = next_question(
            gather_inputs(self.store, person, None), sheet.questions, current=item.text
        )
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

    # -- planning and logging (the dialogs live in prep_meeting) ---------------------------

    def _show_meeting(self, meeting: Meeting) -> None:
        self.meeting_id = meeting.id
        self.refresh_data()

    def action_plan(self) -> None:
        if (person := self.person) is not None:
            questions = self.sheet.questions if self.sheet else []
            ticks = set(person.next_prep.checked) if person.next_prep else set()
            plan_meeting(self, person, questions, self._show_meeting, ticks)

    def action_edit_plan(self) -> None:
        person, meeting = self.person, self.meeting
        if person is not None and meeting is not None:
            edit_plan(self, person, meeting, lambda _: self.refresh_data())

    def action_log(self) -> None:
        person, sheet = self.person, self.sheet
        if person is not None and sheet is not None:
            log_meeting_from_sheet(self, person, self.meeting, sheet, self._show_meeting)

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
        self.post_message(OpenPerson(target))

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

        known = acquaintances(person, {p.id: p for p in self.store.people})
        self.app.push_screen(
            PartnershipScreen(person, assets.partnership_questions(), known), saved
        )

    def action_events(self) -> None:
        self.app.push_screen(EventsScreen())

    def action_export(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        try:
            meetings = self.store.meetings.for_person(sheet.person.id)
            last = last_time(meetings, self.store.followups.for_person(sheet.person.id))
            path = export_prep_sheet(self.store.data_dir, sheet, self.clock.today(), last)
        except OSError as exc:
            self.notify(f"Could not write {exc.filename}: {exc.strerror}", severity="error")
            return
        # In an encrypted folder the export the user asked for is plain text: say so (issue 18).
        plain = " (plain text, not encrypted)" if self.store.codec.encrypted else ""
        self.notify(f"Saved the sheet to {path}{plain}", title="Exported")
