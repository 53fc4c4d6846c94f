"""Events I could invite people to: add, edit, delete, and see who is invited."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from brilliance.domain.models import Event
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.modals.confirm import ConfirmScreen
from brilliance.screens.modals.event_form import EventFormScreen
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.mode_bar import ModeBar


class EventsScreen(BrillianceScreen):
    """Upcoming events first, then past ones (dimmed)."""

    HELP = "Events you could invite people to. Their topics are matched on every prep sheet."
    AUTO_FOCUS = "#events"
    CSS_PATH = "events.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]

    def compose(self) -> ComposeResult:
        yield ModeBar("prep")
        yield Static("Events", id="events-title", markup=False)
        yield DataTable[Text | str](id="events", cursor_type="row", zebra_stripes=True)
        yield Static(
            "No events yet. Press a to add one: a talk, a meetup, an exhibition you could "
            "invite someone to.",
            id="events-empty",
            markup=False,
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Date", "Title", "Place", "Topics", "Invited"):
            table.add_column(label, key=label.lower())
        self.refresh_data()

    def ordered(self) -> list[Event]:
        today = self.clock.today()
        events = self.store.events.all()
        upcoming = sorted((e for e in events if e.day >= today), key=lambda e: (e.day, e.title))
        past = sorted((e for e in events if e.day < today), key=lambda e: (e.day, e.title))
        return upcoming + list(reversed(past))

    def refresh_data(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self.selected_id()
        today = self.clock.today()
        names = {p.id: p.name for p in self.store.people}
        events = self.ordered()
        table.clear()
        for event in events:
            style = "dim" if event.day < today else ""
            invited = ", ".join(names[i] for i in event.invited if i in names)
            table.add_row(
                Text(f"{event.day:%a %Y-%m-%d}", style=style),
                Text(event.title, style=style),
                Text(event.place, style=style),
                Text(", ".join(event.topics), style=style),
                Text(invited or "-", style=style),
                key=event.id,
            )
        if keep:
            with contextlib.suppress(RowDoesNotExist):
                table.move_cursor(row=table.get_row_index(keep), animate=False)
        table.display = bool(events)
        self.query_one("#events-empty").display = not events
        upcoming = sum(1 for e in events if e.day >= today)
        self.query_one("#events-title", Static).update(
            f"Events · {upcoming} upcoming · {len(events) - upcoming} past"
        )
        self.mark_fresh()

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        with contextlib.suppress(RowDoesNotExist):
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            return str(key) if key else None
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete") and self.selected_id() is None:
            return False
        return True

    def action_back(self) -> None:
        self.dismiss()

    def _edit(self, event: Event | None) -> None:
        def saved(result: Event | None) -> None:
            if result is None:
                return
            stored = self.attempt_save(lambda: self.store.events.save(result))
            if stored is not None:
                self.refresh_data(keep=stored.id)
                self.refresh_bindings()
                self.notify(f"Saved {stored.title}.")

        self.app.push_screen(EventFormScreen(event, self.clock.today().isoformat()), saved)

    def action_add(self) -> None:
        self._edit(None)

    def action_edit(self) -> None:
        event_id = self.selected_id()
        if event_id:
            self._edit(self.store.events.get(event_id))

    def action_delete(self) -> None:
        event_id = self.selected_id()
        event = self.store.events.get(event_id) if event_id else None
        if event is None:
            return

        def confirmed(answer: bool | None) -> None:
            if answer and self.attempt_save(lambda: self.store.events.delete(event.id)):
                self.refresh_data()
                self.refresh_bindings()
                self.notify(f"Deleted {event.title}.")

        self.app.push_screen(ConfirmScreen(f"Delete the event {event.title!r}?"), confirmed)
