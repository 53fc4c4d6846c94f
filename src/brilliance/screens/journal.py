"""Mode 4, the Journal: private entries, newest first, searchable as you type."""

from __future__ import annotations

from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from brilliance.domain.journal import JournalFilter, first_line, journal_streak
from brilliance.domain.models import JournalEntry
from brilliance.domain.search import TypedSearch
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.journal_editor import JournalEditorScreen
from brilliance.screens.journal_table import EntriesTable, entry_width
from brilliance.screens.journal_typing import (
    TypingInput,
    in_steps,
    let_widgets_post_updates,
    show_text,
)
from brilliance.screens.modals.confirm import ConfirmScreen
from brilliance.screens.modals.journal_filter import JournalFilterScreen
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.line_table import LineTable
from brilliance.widgets.mode_bar import ModeBar

EMPTY_JOURNAL = (
    "Your journal is empty. A few lines a day about the people you met, what you gave and "
    "what you noticed is enough; each day comes with a prompt to reflect on.\n\n"
    "Press n to write today's entry."
)
SEARCH_ROWS = 200


def streak_text(days: int) -> str:
    if days == 0:
        return "no journal streak yet"
    return f"streak: {days} day{'s' if days != 1 else ''}"


class JournalScreen(BrillianceScreen):
    """The list of entries, with search, filters, and delete with undo."""

    CSS_PATH = "journal.tcss"
    AUTO_FOCUS = ""
    HELP = (
        "Your private journal, newest first. / searches every entry as you type; "
        "f filters by tag, person or dates."
    )

    BINDINGS = [
        Binding("n", "today", "Today's entry"),
        Binding("slash", "search", "Search"),
        Binding("f", "filter", "Filter"),
        Binding("N", "new", "New entry", show=False),
        Binding("d", "delete", "Delete", show=False),
        Binding("u", "undo", "Undo delete", show=False),
        Binding("escape", "clear", "Clear search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.finder = TypedSearch()
        """The search as you type, from the last results where it can (issue 19)."""
        self.filter = JournalFilter()
        self.last_deleted: JournalEntry | None = None
        self._days: tuple[list[JournalEntry], date, set[date], int] | None = None
        self._status = ""
        """The streak as the mode bar shows it."""

    def compose(self) -> ComposeResult:
        yield ModeBar("journal")
        with Horizontal(id="heading"):
            yield Static("", id="title", markup=False)
            yield Static("", id="today-status", markup=False)
        yield TypingInput(placeholder="Search every entry: words anywhere, any case", id="search")
        yield Static("", id="filters", markup=False)
        yield EntriesTable()
        yield Static("", id="empty", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#search", Input).disabled = True
        self.refresh_data()
        # Search matches are highlighted in the theme's accent: redraw in the new theme's.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_data())

    def on_resize(self, event: events.Resize) -> None:
        """Let the entry column use the room of a wide terminal (and shrink back)."""
        if self.table.set_text_width(entry_width(event.size.width)):
            self.refresh_data()

    @property
    def table(self) -> EntriesTable:
        return self.query_one(EntriesTable)

    # -- drawing --------------------------------------------------------------------------

    def refresh_data(self, keep: str | None = None) -> None:
        store = self.store
        today = self.clock.today()
        # Every entry newest first, kept by the index while the journal holds the same records;
        # with no search or filter that is the list shown (the key that erases a search's last
        # letter need not test 3,650 entries against nothing).
        everything = store.journal.all()
        ordered = self.finder.index.newest_first(everything)
        entries = self.finder.search(everything, self.filter) if self.filter.active else ordered
        # While searching as you type, draw only the newest matches: drawing thousands of
        # rows on every key is what makes typing lag, and nobody reads past a few hundred.
        searching = bool(self.filter.words.strip())
        shown = entries[:SEARCH_ROWS] if searching else entries
        total = len(store.journal)
        days, streak = self._days_and_streak(ordered, today)
        status = streak_text(streak)
        if status != self._status:
            self._status = status
            self.query_one(ModeBar).set_status(status)
        title = f"Journal · {total} entr{'y' if total == 1 else 'ies'}"
        if self.filter.active:
            title += f" · {len(entries)} match"
            if len(shown) < len(entries):
                title += f", newest {len(shown)} shown (add words to narrow)"
        # One line whose width the heading gives (1fr): a new count needs no layout.
        show_text(self.query_one("#title", Static), title, layout=False)
        written = "today's entry is written" if today in days else "today's entry: not yet (n)"
        show_text(self.query_one("#today-status", Static), written)
        self._describe_filters()
        self._fill(shown, ordered, keep)
        empty = self.query_one("#empty", Static)
        self.table.display = bool(entries)
        empty.display = not entries
        if not entries:
            if self.focused is self.table:
                self.set_focus(None)
            show_text(
                empty,
                "No entry matches. Press escape to clear the search and filters."
                if self.filter.active
                else EMPTY_JOURNAL,
            )
        elif self.focused is None:
            self.table.focus()
        self.mark_fresh()

    def _days_and_streak(self, ordered: list[JournalEntry], today: date) -> tuple[set[date], int]:
        """The days written and the streak, kept while the journal holds the same records (a
        search key does not walk 3,650 entries for them again)."""
        kept = self._days
        if kept is None or kept[0] is not ordered or kept[1] != today:
            days = {e.day for e in ordered}
            kept = (ordered, today, days, journal_streak(days, today))
            self._days = kept
        return kept[2], kept[3]

    def _fill(
        self, entries: list[JournalEntry], everything: list[JournalEntry], keep: str | None
    ) -> None:
        # Each row's cells are made when the row is first drawn (issue 19).
        self.table.show(
            entries,
            everything,
            {p.id: p.name for p in self.store.people},
            self.filter.words,
            self.app.theme_variables.get("accent", "yellow"),
            keep,
        )

    def _describe_filters(self) -> None:
        parts = []
        if self.filter.tag:
            parts.append(f"tag #{self.filter.tag}")
        if self.filter.person_id:
            person = self.store.people.get(self.filter.person_id)
            parts.append(f"mentions {person.name if person else 'someone deleted'}")
        if self.filter.start or self.filter.end:
            start = self.filter.start.isoformat() if self.filter.start else "the start"
            end = self.filter.end.isoformat() if self.filter.end else "today"
            parts.append(f"from {start} to {end}")
        label = self.query_one("#filters", Static)
        label.display = bool(parts)
        if parts:
            show_text(label, "Filtered: " + " · ".join(parts) + "   (f changes, escape clears)")

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete" and (not self.table.display or self.table.selected_id is None):
            return False
        if action == "undo" and self.last_deleted is None:
            return False
        return True

    def todays_entry(self) -> JournalEntry | None:
        today = self.clock.today()
        todays = [e for e in self.store.journal if e.day == today]
        return max(todays, key=lambda e: (e.written_at, e.id)) if todays else None

    def open_editor(self, screen: JournalEditorScreen) -> None:
        def closed(_: object) -> None:
            self.refresh_data(keep=screen.entry.id if screen.stored else None)
            self.refresh_bindings()

        self.app.push_screen(screen, closed)

    def action_today(self) -> None:
        existing = self.todays_entry()
        if existing is not None:
            self.open_editor(JournalEditorScreen.for_entry(existing))
        else:
            self.action_new()

    def action_new(self) -> None:
        self.open_editor(JournalEditorScreen.new_entry(self.clock.now()))

    def action_search(self) -> None:
        field = self.query_one("#search", Input)
        field.disabled = False
        field.add_class("-shown")
        field.focus()
        # The entries' texts folded for the first letter while the user types it (issue 19).
        self.run_worker(
            in_steps(self.finder.warm_up(self.store.journal.all())),
            group="warm-search",
            exclusive=True,
        )

    def action_clear(self) -> None:
        field = self.query_one("#search", Input)
        if not (self.filter.active or field.has_class("-shown")):
            return
        with field.prevent(Input.Changed):
            field.value = ""
        field.remove_class("-shown")
        field.disabled = True
        self.filter = JournalFilter()
        self.refresh_data()

    def action_filter(self) -> None:
        tags = sorted({t for e in self.store.journal for t in e.tags})
        people = sorted(self.store.people.all(), key=lambda p: p.name.casefold())

        def chosen(result: JournalFilter | None) -> None:
            if result is not None:
                self.filter = result
                self.refresh_data()

        self.app.push_screen(
            JournalFilterScreen(self.filter, tags, people, self.clock.today()), chosen
        )

    def action_delete(self) -> None:
        entry_id = self.table.selected_id
        entry = self.store.journal.get(entry_id) if entry_id else None
        if entry is None:
            return
        preview = first_line(entry.text, 60) or "(empty)"
        question = (
            f"Delete the entry of {entry.written_at:%A %d %B %Y, %H:%M}?\n\n"
            f"“{preview}”\n\nYou can undo with u right after."
        )

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            if self.attempt_save(lambda: self.store.journal.delete(entry.id)) is None:
                return
            self.last_deleted = entry
            self.refresh_data()
            self.refresh_bindings()
            self.notify("Entry deleted. Press u to undo.", title="Deleted")

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_undo(self) -> None:
        entry = self.last_deleted
        if entry is None:
            return

        def put_back() -> JournalEntry:
            self.store.journal.save_many([entry])
            return entry

        if self.attempt_save(put_back) is None:
            return
        self.last_deleted = None
        self.refresh_data(keep=entry.id)
        self.refresh_bindings()
        self.notify("The entry is back.", title="Undone")

    # -- events ---------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    async def _search_changed(self, event: Input.Changed) -> None:
        self.filter = JournalFilter(
            event.value, self.filter.tag, self.filter.person_id, self.filter.start, self.filter.end
        )
        self.refresh_data()
        await let_widgets_post_updates()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        if self.table.display:
            self.table.focus()

    @on(LineTable.RowSelected, "#entries")
    def _open(self, event: LineTable.RowSelected) -> None:
        entry = self.store.journal.get(event.row_key)
        if entry is not None:
            self.open_editor(JournalEditorScreen.for_entry(entry))
