"""Mode 2, the List: the dozen on the future-brilliance list, or the wider network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from brilliance.domain.cadence import (
    SortOrder,
    filter_haystack,
    filter_words,
    is_due,
    sort_people,
)
from brilliance.domain.models import LIST_SIZE_GOAL, Person
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.journal_typing import (
    TypingInput,
    in_steps,
    let_widgets_post_updates,
    show_text,
)
from brilliance.screens.modals.confirm import ConfirmScreen
from brilliance.screens.navigation import OpenPerson, Prepare
from brilliance.screens.person_actions import edit_person, move_person
from brilliance.store.store import Removal
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.mode_bar import ModeBar
from brilliance.widgets.people_table import PeopleTable

EMPTY_LIST = (
    "Your future-brilliance list is empty. It is for about a dozen talented people on their "
    "way up: you meet each of them twice a month and help them toward their goals.\n\n"
    "Press a to add the first person, or w to see your wider network."
)
WARM_CHUNK = 50
"""People whose filter text is folded in one step of the warm-up (about a millisecond)."""
EMPTY_NETWORK = "No one in your network yet. Press a to add someone."


class PeopleScreen(BrillianceScreen):
    """The list of people, sorted by who is due, with full keyboard editing."""

    CSS_PATH = "people.tcss"
    AUTO_FOCUS = ""  # focus follows the table's visibility, see _place_focus
    HELP = (
        "The future-brilliance list: about a dozen people you meet twice a month. "
        "Overdue rows are in the warning colour; w shows everyone in your network."
    )

    BINDINGS = [
        # The footer shows the most used keys, in that order; the rest are in the help (?).
        Binding("slash", "filter", "Filter"),
        Binding("p", "prep", "Prep"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete", show=False),
        Binding("u", "undo", "Undo delete", show=False),
        Binding("m", "move", "On/off list", show=False),
        Binding("s", "sort", "Sort", show=False),
        Binding("w", "toggle_wide", "Network", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.order = SortOrder.DUE
        self.wide = False
        self.last_removal: Removal | None = None
        self._haystacks: dict[str, tuple[Person, str]] = {}
        """Each person's folded filter text, kept while the record is the same (records are
        replaced, never changed), so that a filter key does not fold 300 people again."""
        self._sorted: tuple[list[Person], tuple[SortOrder, date], list[Person]] | None = None
        """The people last shown unfiltered, the order and day, and them in that order."""

    def compose(self) -> ComposeResult:
        yield ModeBar("people")
        with Horizontal(id="heading"):
            yield Static("", id="title", markup=False)
            yield Static("", id="sort-info", markup=False)
        yield TypingInput(placeholder="Filter by name, skill or goal", id="filter", disabled=True)
        yield PeopleTable(id="people")
        yield Static("", id="empty", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_data()
        # Rows carry the theme's colours: draw them again in the new theme's.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_data())

    # -- drawing --------------------------------------------------------------------------

    @property
    def table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", Input).value

    def visible_people(self) -> list[Person]:
        people = self.store.people.all() if self.wide else self.store.people.on_list()
        # Sorted once while the records, the order and the day are the same (issue 19: a filter
        # key sorted its matches again); the order is total (ties broken by name and id), so
        # the matches of the sorted list are in the order sorting them would give.
        key = (self.order, self.clock.today())
        kept = self._sorted
        if kept is None or kept[1] != key or kept[0] != people:  # list ==: the same records
            kept = self._sorted = (people, key, sort_people(people, *key))
        ordered = kept[2]
        words = filter_words(self.filter_text)
        if words:
            return [p for p in ordered if all(w in self._haystack(p) for w in words)]
        return list(ordered)

    def _haystack(self, person: Person) -> str:
        cached = self._haystacks.get(person.id)
        if cached is None or cached[0] is not person:
            cached = (person, filter_haystack(person))
            self._haystacks[person.id] = cached
        return cached[1]

    def refresh_data(self, keep: str | None = None) -> None:
        today = self.clock.today()
        people = self.visible_people()
        variables = self.app.theme_variables
        self.table.show(
            people,
            today,
            warning=variables.get("warning", "yellow"),
            accent=variables.get("accent", "cyan"),
            keep=keep,
        )
        on_list = self.store.people.on_list()
        due = sum(1 for p in on_list if is_due(p, today))
        if self.wide:
            title = f"Wider network · {len(self.store.people)} people · ★ on the list"
        else:
            title = f"The list · {len(on_list)} of about {LIST_SIZE_GOAL} · {due} due"
        if self.filter_text:
            title += f" · {len(people)} match"
        # One line whose width the heading gives (1fr): a new count needs no layout.
        show_text(self.query_one("#title", Static), title, layout=False)
        show_text(self.query_one("#sort-info", Static), f"sorted by {self.order.value} (s)")
        empty = self.query_one("#empty", Static)
        self.table.display = bool(people)
        empty.display = not people
        self._place_focus()
        if not people:
            if self.filter_text:
                show_text(
                    empty, f"No one matches {self.filter_text!r}. Press escape to clear the filter."
                )
            else:
                show_text(empty, EMPTY_NETWORK if self.wide else EMPTY_LIST)
        self.mark_fresh()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self._place_focus()

    def _place_focus(self) -> None:
        """Keep the table focused when it is shown; focus nothing when it is hidden."""
        if self.table.display:
            if self.focused is None:
                self.table.focus()
        elif self.focused is self.table:
            self.set_focus(None)

    # -- actions --------------------------------------------------------------------------

    def selected(self) -> Person | None:
        person_id = self.table.selected_id if self.table.display else None
        return self.store.people.get(person_id) if person_id else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide keys that have nothing to act on, so the footer only offers what works.
        if action in ("edit", "delete", "move", "prep") and self.selected() is None:
            return False
        return not (action == "undo" and self.last_removal is None)

    def action_add(self) -> None:
        edit_person(self, None, on_saved=lambda person: self._after_save(person))

    def action_edit(self) -> None:
        person = self.selected()
        if person is not None:
            edit_person(self, person, on_saved=lambda saved: self._after_save(saved))

    def _after_save(self, person: Person) -> None:
        if not person.on_list and not self.wide:
            self.wide = True  # show where they went
        self.refresh_data(keep=person.id)
        self.refresh_bindings()

    def action_delete(self) -> None:
        person = self.selected()
        if person is None:
            return
        meetings = len(self.store.meetings.for_person(person.id))
        followups = len(self.store.followups.for_person(person.id))
        extra = ""
        if meetings or followups:
            extra = f" with their {meetings} meeting(s) and {followups} follow-up(s)"
        question = (
            f"Delete {person.name}{extra}?\n\n"
            "Journal entries that mention them are kept. You can undo with u right after."
        )

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            removal = self.attempt_save(lambda: self.store.delete_person(person.id))
            if removal is None:
                return
            self.last_removal = removal
            self.refresh_data()
            self.refresh_bindings()
            self.notify(f"Deleted {person.name}. Press u to undo.", title="Deleted")

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_undo(self) -> None:
        removal = self.last_removal
        if removal is None:
            return
        if self.attempt_save(lambda: self.store.restore(removal)) is None:
            return
        self.last_removal = None
        self.refresh_data(keep=removal.person.id)
        self.refresh_bindings()
        self.notify(f"{removal.person.name} is back.", title="Undone")

    def action_prep(self) -> None:
        person = self.selected()
        if person is not None:
            self.post_message(Prepare(person.id))

    def action_move(self) -> None:
        person = self.selected()
        if person is None:
            return
        saved = move_person(self, person)
        if saved is None:
            return
        self.refresh_data(keep=None if not self.wide else saved.id)

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.disabled = False
        field.add_class("-shown")
        field.focus()
        # Everyone's filter text folded while the first letter is typed (issue 19: that letter
        # folded 300 people, ~10 ms), in steps a key can come between.
        self.run_worker(in_steps(self._fold_filter_texts()), group="warm-filter", exclusive=True)

    def _fold_filter_texts(self) -> Iterator[None]:
        people = self.store.people.all()
        for start in range(0, len(people), WARM_CHUNK):
            for person in people[start : start + WARM_CHUNK]:
                self._haystack(person)
            yield

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.value or field.has_class("-shown"):
            field.value = ""
            field.remove_class("-shown")
            field.disabled = True
            self.refresh_data()
            self.table.focus()

    def action_sort(self) -> None:
        self.order = self.order.next()
        self.refresh_data()

    def action_toggle_wide(self) -> None:
        self.wide = not self.wide
        self.refresh_data()

    # -- events ---------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    async def _filter_changed(self) -> None:
        self.refresh_data()
        await let_widgets_post_updates()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        if self.table.display:
            self.table.focus()

    @on(PeopleTable.RowSelected)
    def _open(self, event: PeopleTable.RowSelected) -> None:
        if event.row_key:
            self.post_message(OpenPerson(event.row_key))
