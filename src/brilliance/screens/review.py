"""Mode 5, Review: the week looked back on, and what I take from it, kept in the journal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, TextArea

from brilliance.domain.review import IsoWeek, review_heading
from brilliance.domain.review_render import review_sections
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.review_body import ReviewBody
from brilliance.services.review import (
    current_week,
    existing_entry,
    export_review,
    gather_review,
    save_review,
    written_words,
)
from brilliance.widgets.keys_footer import KeysFooter
from brilliance.widgets.mode_bar import ModeBar


class ReviewScreen(BrillianceScreen):
    """The weekly review of one ISO week; [ and ] move between weeks."""

    CSS_PATH = "review.tcss"
    AUTO_FOCUS = "#review-body"
    HELP = (
        "The weekly review: meetings against the rhythm, value given by kind, promises kept "
        "and broken, introductions and what came of them, who got nothing, your #highlight "
        "entries, and three prompts for the week ahead. w writes your review; ctrl+s keeps it "
        "in the journal, tagged #review."
    )

    BINDINGS = [
        Binding("w", "write", "Write"),
        Binding("ctrl+s", "save", "Save review", priority=True),
        Binding("left_square_bracket", "week(-1)", "Previous week"),
        Binding("right_square_bracket", "week(1)", "Next week"),
        Binding("t", "this_week", "This week", show=False),
        Binding("x", "export", "Export"),
        Binding("escape", "leave_text", "Back to the review", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week: IsoWeek | None = None
        self._loaded_words = ""
        self._written_shown: bool | None = None

    def compose(self) -> ComposeResult:
        yield ModeBar("review")
        with Horizontal(id="review-columns"):
            yield ReviewBody(id="review-body")
            with Vertical(id="review-side"):
                yield Static("What I take from this week", classes="heading")
                yield Static("", id="review-state")
                yield TextArea("", id="review-text", soft_wrap=True, compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        if self.week is None:
            self.week = current_week(self.store)
        self._show(self.week)
        self.mark_fresh()

    def _show(self, week: IsoWeek) -> None:
        view = gather_review(self.store, week)
        self.query_one(ReviewBody).show(
            review_heading(week), week.describe(), review_sections(view.review, view.names)
        )
        words = written_words(existing_entry(self.store, week))
        area = self.query_one("#review-text", TextArea)
        mine = area.text.strip()
        if mine != words and (mine == self._loaded_words or self.week != week):
            # Another week, or the saved words changed while mine were untouched.
            area.load_text(words)
            area.move_cursor(area.document.end)
        self._loaded_words = words
        self.week = week
        self._show_state(bool(view.review.written))
        due = week == current_week(self.store) and not view.review.written
        full = f"{week.start:%d %b} - {week.end:%d %b %Y}"
        short = f"{week.start:%d %b}-{week.end:%d %b}"
        status: tuple[str, ...]
        if due:  # a narrow bar keeps what asks for action; the heading below names the week
            status = (f"{full} · to review now", f"{short} · to review now", "to review now")
        else:
            status = (full, short)
        self.query_one(ModeBar).set_status(*status)

    def _show_state(self, written: bool) -> None:
        if written == self._written_shown:
            return  # as it is: no layout of the screen for it ([ and ], issue 19)
        self._written_shown = written
        self.query_one("#review-state", Static).update(
            "✓ Kept in your journal, tagged #review. ctrl+s saves changes."
            if written
            else "Not written yet: w to write, ctrl+s to keep it in your journal."
        )

    def action_write(self) -> None:
        self.query_one("#review-text", TextArea).focus()

    def action_leave_text(self) -> None:
        self.query_one(ReviewBody).focus()

    def action_week(self, step: int) -> None:
        if self.week is None:
            return
        if self._unsaved():
            self.notify("Save this week's review first (ctrl+s), or clear what you wrote.")
            return
        self._show(self.week.shifted(step))

    def action_this_week(self) -> None:
        if not self._unsaved():
            self._show(current_week(self.store))

    def _unsaved(self) -> bool:
        return self.query_one("#review-text", TextArea).text.strip() != self._loaded_words

    def action_save(self) -> None:
        week = self.week
        words = self.query_one("#review-text", TextArea).text
        if week is None:
            return
        if not words.strip():
            self.notify("Write a few lines first (w): what went well, what to change.")
            return
        if self.attempt_save(lambda: save_review(self.store, week, words)) is None:
            return
        self._loaded_words = words.strip()
        self._show(week)
        self.notify(f"Your review of {week} is in the journal, tagged #review.", title="Saved")

    def action_export(self) -> None:
        if self.week is None:
            return
        try:
            path = export_review(self.store, self.week)
        except OSError as exc:
            self.notify(f"Could not write the export: {exc.strerror}", severity="error")
            return
        self.notify(f"Saved the review to {path}", title="Exported")
