"""A person's timeline: meetings with their notes, promises, journal mentions, goal changes,
important dates, introductions with what came of them, and praise."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brilliance.domain.timeline import EntryKind, PromiseState, TimelineEntry, person_timeline
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.navigation import Prepare
from brilliance.screens.promise_keeper import PromiseKeeper
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.mode_bar import ModeBar

KIND_MARKS = {
    EntryKind.MEETING: ("●", "$accent"),
    EntryKind.PROMISE: ("☐", "$warning"),
    EntryKind.JOURNAL: ("✎", "$secondary"),
    EntryKind.GOALS: ("◆", "$primary"),
    EntryKind.DATE: ("★", "$accent"),
    EntryKind.INTRODUCTION: ("⇄", "$secondary"),
    EntryKind.PRAISE: ("♥", "$success"),
}
STATE_MARKS = {
    PromiseState.KEPT: ("☑", "$success"),
    PromiseState.OPEN: ("☐", "$warning"),
    PromiseState.BROKEN: ("☒", "$error"),
}


def entry_content(entry: TimelineEntry) -> Content:
    """One entry as a few lines: the day, a mark for its kind, the title, then its details."""
    if entry.kind == EntryKind.PROMISE:
        mark, style = STATE_MARKS.get(PromiseState(entry.state), ("☐", "$warning"))
    else:
        mark, style = KIND_MARKS.get(EntryKind(entry.kind), ("·", ""))
    parts: list[Content | str | tuple[str, str]] = [
        (f"{entry.day:%a %d %b %Y}  ", "$text-muted"),
        (mark + " ", style),
        (entry.title, "bold"),
    ]
    for line in entry.details:
        parts += ["\n", ("    " + line, "$text-muted" if line else "")]
    return Content.assemble(*parts)


class TimelineScreen(BrillianceScreen):
    """Pushed over the person page (t). space keeps the highlighted promise, u undoes."""

    CSS_PATH = "timeline.tcss"
    HELP = (
        "One person's story, newest first: meetings with their notes, questions asked, value "
        "given and introductions made; promises open, kept and overdue; journal entries that "
        "mention them; how their goals changed; their important dates, introductions and what "
        "came of them, and praise given. space keeps a promise, u undoes."
    )

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("space", "keep", "Kept"),
        Binding("u", "undo", "Undo"),
        Binding("p", "prep", "Prep"),
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id
        self.keeper = PromiseKeeper(self)
        self.entries: list[TimelineEntry] = []

    def compose(self) -> ComposeResult:
        yield ModeBar("people")
        yield Static("", id="timeline-title", markup=False)
        yield OptionList(id="timeline")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#timeline", OptionList).focus()

    def refresh_data(self) -> None:
        store = self.store
        person = store.people.get(self.person_id)
        if person is None:  # deleted elsewhere
            self.dismiss()
            return
        names = {p.id: p.name for p in store.people.all()}
        self.entries = person_timeline(
            person,
            store.meetings.for_person(person.id),
            store.followups.for_person(person.id),
            store.journal.mentioning(person.id),
            names,
            self.clock.today(),
            people=store.people.all(),
            all_meetings=store.meetings.all(),
        )
        self.query_one("#timeline-title", Static).update(
            f"Timeline: {person.name} · {len(self.entries)} entries, newest first"
        )
        timeline = self.query_one("#timeline", OptionList)
        keep = timeline.highlighted
        timeline.clear_options()
        if not self.entries:
            timeline.add_option(
                Option("Nothing yet: plan a meeting from Prep (p), then log it.", disabled=True)
            )
        for index, entry in enumerate(self.entries):
            timeline.add_option(Option(entry_content(entry), id=str(index)))
        if self.entries:
            timeline.highlighted = min(keep or 0, len(self.entries) - 1)
        self.refresh_bindings()
        self.mark_fresh()

    @property
    def highlighted_entry(self) -> TimelineEntry | None:
        timeline = self.query_one("#timeline", OptionList)
        index = timeline.highlighted
        if index is None or not self.entries or index >= len(self.entries):
            return None
        return self.entries[index]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            entry = self.highlighted_entry
            return entry is not None and entry.kind == EntryKind.PROMISE
        if action == "undo":
            return self.keeper.last_kept is not None
        return True

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    def action_keep(self) -> None:
        entry = self.highlighted_entry
        if entry is None or entry.kind != EntryKind.PROMISE:
            return
        if entry.state == PromiseState.KEPT:
            self.notify("Already kept.")
            return
        if self.keeper.keep(entry.ref) is not None:
            self.refresh_data()

    def action_undo(self) -> None:
        if self.keeper.undo() is not None:
            self.refresh_data()

    def action_back(self) -> None:
        self.dismiss()

    def action_prep(self) -> None:
        self.post_message(Prepare(self.person_id))
