"""Writing one journal entry: the day's prompt above, Markdown below, saved as you pause."""

from __future__ import annotations

from datetime import datetime

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from brilliance import assets
from brilliance.domain.journal import (
    mention_query,
    prompt_of_the_day,
    suggest_names,
    with_text,
)
from brilliance.domain.models import MAX_LONG_TEXT, JournalEntry, Person
from brilliance.domain.text_limits import split_to_fit
from brilliance.screens.base import BrillianceScreen
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.long_text import LongTextArea
from brilliance.widgets.mode_bar import ModeBar

AUTOSAVE_DELAY = 1.0
"""Seconds of pause after which what was typed is saved (the promise is: within two)."""


class MentionSuggestions(OptionList):
    """Names offered after an @; the editor steers it with up, down, tab/enter and escape."""

    DEFAULT_CSS = """
    MentionSuggestions {
        display: none;
        overlay: screen;
        constrain: inside inside;
        width: auto;
        min-width: 30;
        max-width: 60;
        height: auto;
        max-height: 8;
        border: round $accent;
        background: $surface;
    }
    MentionSuggestions.-shown {
        display: block;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="mentions")
        self.can_focus = False
        self.people: list[Person] = []

    def offer(self, people: list[Person]) -> None:
        self.people = people
        self.clear_options()
        self.add_options(
            Option(
                Content.assemble(
                    p.name,
                    (
                        "  " + " · ".join(part for part in (p.headline, p.organisation) if part),
                        "dim",
                    ),
                    ("  ★" if p.on_list else "", "$accent"),
                )
            )
            for p in people
        )
        self.highlighted = 0 if people else None
        self.set_class(bool(people), "-shown")

    def hide(self) -> None:
        self.people = []
        self.remove_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    @property
    def chosen(self) -> Person | None:
        index = self.highlighted
        return self.people[index] if index is not None and index < len(self.people) else None


class JournalTextArea(LongTextArea):
    """A Markdown TextArea that lets the mention list take the keys it needs while shown."""

    def __init__(self, text: str, suggestions: MentionSuggestions) -> None:
        super().__init__(
            text,
            language="markdown",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            id="editor",
        )
        self.suggestions = suggestions

    async def _on_key(self, event: events.Key) -> None:
        if self.suggestions.shown and event.key in ("up", "down", "tab", "enter", "escape"):
            event.prevent_default()
            event.stop()
            if event.key == "down":
                self.suggestions.action_cursor_down()
            elif event.key == "up":
                self.suggestions.action_cursor_up()
            elif event.key == "escape":
                self.suggestions.hide()
            else:
                self.post_message(JournalEditorScreen.MentionChosen())
            return
        await super()._on_key(event)


class JournalEditorScreen(BrillianceScreen):
    """Edit one entry. Leaving (escape) saves; so does a pause in typing."""

    CSS_PATH = "journal.tcss"
    HELP = (
        "Write freely; it is saved a second after you pause and when you leave. "
        "Type @ and a name to mention someone (up/down, tab to choose), #word for a tag. "
        "ctrl+e opens your own editor ($VISUAL or $EDITOR)."
    )

    BINDINGS = [
        Binding("escape", "back", "Save and close"),
        Binding("ctrl+s", "save", "Save now"),
    ]

    class MentionChosen(Message):
        """The user accepted the highlighted name in the mention list."""

    def __init__(self, entry: JournalEntry) -> None:
        super().__init__()
        self.entry = entry
        self.stored = False
        self._timer: Timer | None = None
        self._dirty = False
        self._closing = False
        self._text = entry.text
        self.chosen: list[str] = []
        """People picked from the @ list: they stay linked even when a namesake exists."""
        """What is in the editor, kept here so it can be saved even as the widgets go away."""

    @classmethod
    def for_entry(cls, entry: JournalEntry) -> JournalEditorScreen:
        screen = cls(entry)
        screen.stored = True
        return screen

    @classmethod
    def new_entry(cls, written_at: datetime) -> JournalEditorScreen:
        prompt = prompt_of_the_day(assets.prompts(), written_at.date())
        return cls(JournalEntry(written_at=written_at, prompt=prompt.text))

    def compose(self) -> ComposeResult:
        yield ModeBar("journal")
        yield Static("", id="entry-meta", markup=False)
        yield Static(
            Content.assemble(("Prompt  ", "bold $accent"), self.entry.prompt or "(none)"),
            id="prompt",
        )
        suggestions = MentionSuggestions()
        yield JournalTextArea(self.entry.text, suggestions)
        yield suggestions
        yield KeysFooter()

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)
        self._show_meta("Saved" if self.stored else "New entry: it is saved once you write")
        self.mark_fresh()

    @property
    def editor(self) -> JournalTextArea:
        return self.query_one(JournalTextArea)

    @property
    def suggestions(self) -> MentionSuggestions:
        return self.query_one(MentionSuggestions)

    def _show_meta(self, status: str) -> None:
        when = self.entry.written_at
        self.query_one("#entry-meta", Static).update(f"{when:%A %d %B %Y, %H:%M}  ·  {status}")

    # -- saving ---------------------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _changed(self) -> None:
        self._text = self.editor.text
        self._dirty = True
        self._show_meta("editing…")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self.save)
        self._update_suggestions()

    def save(self, *, leaving: bool = False) -> bool:
        """Write the entry if it changed. False when the disk refused (the user is told).

        Text over the limit of one entry is not saved while typing (the user is told); on
        leaving it is kept whole, as this entry and continuations of it (issue 13.12).
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._dirty:
            return True
        text = self._text
        if not self.stored and not text.strip():
            self._dirty = False
            return True  # nothing written yet: no empty entry is kept
        if len(text) > MAX_LONG_TEXT and not (leaving or self._closing):
            self._show_meta(
                f"NOT SAVED - {len(text):,} characters, over the {MAX_LONG_TEXT:,} of one entry; "
                "leaving (escape) keeps it as several entries"
            )
            return False
        people = self.store.people.all()
        pieces = split_to_fit(text, MAX_LONG_TEXT)
        entry = with_text(self.entry, pieces[0], people, self.chosen)
        more = [
            with_text(
                JournalEntry(written_at=entry.written_at, prompt=f"(continued, part {n})"),
                piece,
                people,
            )
            for n, piece in enumerate(pieces[1:], start=2)
        ]

        def write() -> JournalEntry:
            with self.store.batch():
                first = self.store.journal.save(entry)
                self.store.journal.save_many(more)
            return first

        saved = self.attempt_save(write)
        if saved is None:
            if not self._closing:
                self._show_meta("NOT SAVED - see the message; your text is still here")
            return False
        self.entry = saved
        self.stored = True
        self._dirty = False
        if not self._closing:
            self._show_meta(f"Saved {self.clock.now():%H:%M:%S}")
        return True

    def action_save(self) -> None:
        self._dirty = True
        self.save()

    def action_back(self) -> None:
        if self.save(leaving=True):
            self.dismiss()

    def on_unmount(self) -> None:
        # The app is closing (ctrl+q) or the screen is going away: keep every word.
        self._closing = True
        self.save()

    # -- @mentions ------------------------------------------------------------------------

    def _update_suggestions(self) -> None:
        row, column = self.editor.cursor_location
        line = self.editor.document.get_line(row)[:column]
        query = mention_query(line)
        if query is None:
            self.suggestions.hide()
            return
        self.suggestions.offer(suggest_names(query, self.store.people.all()))
        # Float the list just under the @ being typed.
        x, y = self.editor.cursor_screen_offset
        self.suggestions.absolute_offset = Offset(max(0, x - len(query) - 1), y + 1)

    @on(TextArea.SelectionChanged, "#editor")
    def _cursor_moved(self) -> None:
        if self.suggestions.shown:
            self._update_suggestions()

    @on(MentionChosen)
    def _insert_mention(self) -> None:
        person = self.suggestions.chosen
        self.suggestions.hide()
        if person is None:
            return
        editor = self.editor
        row, column = editor.cursor_location
        line = editor.document.get_line(row)[:column]
        at = line.rfind("@")
        if at < 0:
            return
        if person.id not in self.chosen:
            self.chosen.append(person.id)
        editor.replace(f"@{person.name} ", (row, at), (row, column))

    @on(OptionList.OptionSelected, "#mentions")
    def _clicked_mention(self, event: OptionList.OptionSelected) -> None:
        self.suggestions.highlighted = event.option_index
        self._insert_mention()
