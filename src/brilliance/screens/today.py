"""Mode 1, Today: the few minutes of practice, with one key from each item to what it needs."""

from __future__ import annotations

from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from brilliance.domain.cadence import days_until_due, describe_due
from brilliance.domain.models import FollowUp, Person
from brilliance.domain.today import sparkline
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.navigation import OpenPerson, OpenTodaysEntry, Prepare
from brilliance.screens.promise_keeper import PromiseKeeper
from brilliance.services.agenda import (
    Agenda,
    build_agenda,
    describe_promise_due,
    describe_value_gap,
)
from brilliance.widgets.mode_bar import ModeBar

NARROW = 100
PROMISE_LISTS = ("promises", "promises-soon")
"""Below this width the two columns stack into one scrolling column."""


def cells(count: int) -> str:
    return "·" if count == 0 else ("●" if count == 1 else "◆")


class AgendaList(OptionList):
    """One section of the agenda; options carry the id of what they lead to."""

    DEFAULT_CSS = """
    AgendaList {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        background: transparent;
    }
    AgendaList:focus {
        border: none;
        background: $boost;
    }
    """

    BINDINGS = [Binding("enter", "select", "Open")]

    def fill(self, options: list[tuple[Content, str]], empty: str) -> None:
        keep = self.highlighted
        self.clear_options()
        if not options:
            self.add_option(Option(Content.assemble((empty, "dim italic")), disabled=True))
            return
        self.add_options(Option(prompt, id=ident) for prompt, ident in options)
        self.highlighted = min(keep or 0, len(options) - 1)

    @property
    def chosen_id(self) -> str | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled else option.id


class TodayScreen(BrillianceScreen):
    """The daily agenda. tab moves between sections; enter acts on the highlighted item."""

    CSS_PATH = "today.tcss"
    AUTO_FOCUS = "#due"
    HELP = (
        "Today's practice: who is due, what is coming up, the promises to keep, who has had "
        "nothing from you lately, and the journal. tab moves between sections."
    )

    BINDINGS = [
        Binding("space", "done", "Kept"),
        Binding("u", "undo", "Undo"),
        Binding("j", "journal", "Today's entry"),
        Binding("tab", "app.focus_next", "Next section", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous section", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.keeper = PromiseKeeper(self)

    def compose(self) -> ComposeResult:
        yield ModeBar("today")
        with VerticalScroll(id="body"):
            yield Static("", id="idea")
            with Horizontal(id="columns"):
                with Vertical(id="left"):
                    yield Static("Due and overdue", classes="heading", id="due-heading")
                    yield AgendaList(id="due")
                    yield Static("Coming up this week", classes="heading")
                    yield AgendaList(id="coming")
                    yield Static("Promises due and overdue", classes="heading")
                    yield AgendaList(id="promises")
                    yield Static("Promises in the next 7 days", classes="heading")
                    yield AgendaList(id="promises-soon")
                    yield Static("No value given in 30 days", classes="heading")
                    yield AgendaList(id="novalue")
                with Vertical(id="right"):
                    yield Static("Journal", classes="heading")
                    yield Static("", id="journal")
                    yield Static("This month", classes="heading")
                    yield ProgressBar(id="month", show_eta=False, show_percentage=True)
                    yield Static("", id="month-text")
                    yield Static("Attention, last 12 weeks", classes="heading")
                    yield DataTable[str](id="grid", cursor_type="row", cell_padding=0)
                    yield Static(
                        "· none  ● one meeting  ◆ two or more; one column a week, this week on "
                        "the right. Most neglected first.",
                        id="grid-key",
                    )
        yield Footer()

    def on_mount(self) -> None:
        grid = self.query_one("#grid", DataTable)
        grid.add_column("", key="name")
        self.refresh_data()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # -- drawing --------------------------------------------------------------------------

    def refresh_data(self) -> None:
        agenda = build_agenda(self.store)
        self.agenda = agenda
        today = agenda.today
        idea = agenda.idea
        self.query_one("#idea", Static).update(
            Content.assemble(
                ("Idea of the day · ", "bold $accent"),
                (idea.title, "bold"),
                "\n",
                idea.text,
                "\n",
                (idea.question, "italic $text-muted"),
            )
        )
        self.query_one("#due", AgendaList).fill(
            [
                (
                    Content.assemble(
                        (p.name, "bold"),
                        ("  never met ·" if p.last_met is None else "", "$text-muted"),
                        (
                            (" " if p.last_met is None else "  ")
                            + describe_due(days_until_due(p, today)),
                            "$text-warning" if days_until_due(p, today) < 0 else "$text-accent",
                        ),
                    ),
                    p.id,
                )
                for p in agenda.due
            ],
            "No one is due: well kept."
            if agenda.list_size
            else "Your list is empty: press 2, then a, to add the first person.",
        )
        self.query_one("#due-heading", Static).update(f"Due and overdue ({len(agenda.due)})")
        self.query_one("#coming", AgendaList).fill(
            [
                (
                    Content.assemble(
                        (f"{m.when:%a %d %b %H:%M}  ", "$text-muted"),
                        (p.name, "bold"),
                        f"  {m.kind}{' at ' + m.place if m.place else ''}",
                    ),
                    f"{p.id}|{m.id}",
                )
                for m, p in agenda.coming
            ],
            "Nothing planned in the next 7 days: plan from Prep (3).",
        )
        self.query_one("#promises", AgendaList).fill(
            [self._promise_row(f, p, today) for f, p in agenda.promises],
            "No promise is due. Integrity kept.",
        )
        self.query_one("#promises-soon", AgendaList).fill(
            [self._promise_row(f, p, today) for f, p in agenda.promises_soon],
            "Nothing promised for the coming week.",
        )
        self.query_one("#novalue", AgendaList).fill(
            [
                (
                    Content.assemble(
                        (p.name, "bold"), ("  " + describe_value_gap(last, today), "$text-muted")
                    ),
                    p.id,
                )
                for p, last in agenda.no_value
            ],
            "Everyone on your list has had something from you lately."
            if agenda.list_size
            else "Nothing to show until someone is on your list.",
        )
        journal = agenda.journal
        written = (
            Content.assemble(("✓ Today's entry is written", "$text-success"))
            if journal.written_today
            else Content.assemble(
                ("Today's entry: not yet ", "$text-warning"), ("(j writes it)", "dim")
            )
        )
        self.query_one("#journal", Static).update(
            Content.assemble(
                written,
                f" · streak {journal.streak} day{'s' if journal.streak != 1 else ''}\n",
                ("Prompt: ", "bold"),
                agenda.prompt,
            )
        )
        month = agenda.month
        bar = self.query_one("#month", ProgressBar)
        bar.update(total=max(month.target, 1), progress=min(month.held, max(month.target, 1)))
        self.query_one("#month-text", Static).update(
            Content.assemble(
                f"{month.held} of {month.target} meetings ({agenda.list_size} on the list × 2)\n",
                ("weekly, 12 weeks: ", "$text-muted"),
                (sparkline(agenda.weekly), "$accent"),
            )
        )
        self._fill_grid(agenda)
        self.query_one("#grid").display = bool(agenda.grid)
        self.query_one(ModeBar).set_status(f"{today:%A %d %B %Y}")
        self.mark_fresh()

    @staticmethod
    def _promise_row(f: FollowUp, p: Person, today: date) -> tuple[Content, str]:
        late = f.due < today
        return (
            Content.assemble(
                ("☐ ", ""),
                ("OVERDUE ", "bold $text-error") if late else "",
                f.text,
                (f"  for {p.name}, ", "$text-muted"),
                (describe_promise_due(f, today), "$text-warning" if late else "$text-muted"),
            ),
            f.id,
        )

    def _fill_grid(self, agenda: Agenda) -> None:
        grid = self.query_one("#grid", DataTable)
        keep = grid.cursor_row
        grid.clear(columns=True)
        grid.add_column("week of →", key="name")
        for start in agenda.week_starts:
            label = f"{start:%b}"[:1] if start.day <= 7 else " "
            grid.add_column(label, key=start.isoformat(), width=2)
        for person, counts in agenda.grid:
            grid.add_row(person.name[:18] + " ", *(cells(c) for c in counts), key=person.id)
        if agenda.grid:
            grid.move_cursor(row=min(keep, len(agenda.grid) - 1), animate=False)

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "done":
            return focused is not None and focused.id in PROMISE_LISTS
        if action == "undo":
            return self.keeper.last_kept is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#grid")
    def _grid_row(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(OpenPerson(str(event.row_key.value)))

    def action_act(self) -> None:
        focused = self.focused
        if not isinstance(focused, AgendaList):
            return
        chosen = focused.chosen_id
        if chosen is None:
            return
        if focused.id in ("due", "novalue"):
            self.post_message(Prepare(chosen))
        elif focused.id == "coming":
            person_id, _, meeting_id = chosen.partition("|")
            self.post_message(Prepare(person_id, meeting_id))
        elif focused.id in PROMISE_LISTS:
            followup = self.store.followups.get(chosen)
            if followup is not None:
                self.post_message(OpenPerson(followup.person_id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_act()

    def action_done(self) -> None:
        focused = self.focused
        if not isinstance(focused, AgendaList) or focused.id not in PROMISE_LISTS:
            return
        if self.keeper.keep(focused.chosen_id) is not None:
            self.refresh_data()
            self.refresh_bindings()

    def action_undo(self) -> None:
        if self.keeper.undo() is not None:
            self.refresh_data()
            self.refresh_bindings()

    def action_journal(self) -> None:
        self.post_message(OpenTodaysEntry())
