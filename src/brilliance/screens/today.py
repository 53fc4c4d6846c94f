"""Mode 1, Today: the few minutes of practice, with one key from each item to what it needs."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brilliance.domain.today_view import SECTION_KEYS, TodayPicture
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.navigation import OpenPerson, OpenTodaysEntry, Prepare
from brilliance.screens.today_footer import StillFooter, StillModeBar
from brilliance.screens.today_page import (
    OPEN,
    PROMISE_LISTS,
    TodayColumn,
    idea_text,
    journal_text,
    month_text,
    section_options,
)
from brilliance.widgets.mode_bar import ModeBar

if TYPE_CHECKING:
    from textual.widgets import OptionList

    from brilliance.screens.attention_grid import AttentionGrid
    from brilliance.screens.promise_keeper import PromiseKeeper
    from brilliance.services.agenda import Agenda

# The agenda, the promise keeper and the introductions' modal are imported when first used:
# a start from Today's summary draws this screen before pydantic and the models are loaded
# (issue 19; tests/tui/test_start_path.py checks it); the option lists, the progress bar and
# the table too, once the store is loaded (``_compose_full``): the first frame is flat.

NARROW = 100
"""Below this width the two columns stack into one scrolling column."""
SETTLE_STEPS = 50
SETTLE_STEP_SECONDS = 0.02
"""How long the swap from the first frame may wait for the full screen to settle (1 s)."""


class TodayBody(VerticalScroll):
    """The page under the mode bar, which scrolls and can have the focus (tab reaches it).

    Textual restyles a widget and everything in it when its focus changes: for this one,
    every heading, list and the grid, 20-40 ms a Tab into or out of it at ten years (issue
    19). No style sheet styles what is inside the page by the page's focus (checked by
    tests/tui/test_focus_drawing.py), so only the page and its scrollbars are restyled.
    """

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)


class DrawsFromSummary(Protocol):
    """What Today asks of the app before the store is loaded (see ``app_start``)."""

    @property
    def loaded(self) -> bool: ...

    def today_picture(self) -> TodayPicture | None: ...


class TodayScreen(BrillianceScreen):
    """The daily agenda. tab moves between sections; enter acts on the highlighted item."""

    CSS_PATH = "today.tcss"
    AUTO_FOCUS = ""
    """The first list is focused when the screen is mounted, without scrolling (see on_mount:
    with the narrow layout set before the first layout, Textual's auto focus scrolled the idea
    of the day away)."""
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

    agenda: Agenda | None = None
    """The agenda last drawn; None while the summary is shown."""
    _flat = False
    """Composed from the summary: the flat first frame (``today_page``)."""
    _keeper: PromiseKeeper | None = None

    @property
    def keeper(self) -> PromiseKeeper:
        if self._keeper is None:
            from brilliance.screens.promise_keeper import PromiseKeeper

            self._keeper = PromiseKeeper(self)
        return self._keeper

    @property
    def _host(self) -> DrawsFromSummary:
        return cast("DrawsFromSummary", self.app)

    def compose(self) -> ComposeResult:
        # Before the first layout, so that a narrow terminal is not styled twice (issue 19).
        self.set_class(self.app.size.width < NARROW, "-narrow")
        picture = self._host.today_picture()
        self._flat = picture is not None
        if picture is not None:
            yield from self._compose_from_summary(picture)
            return
        yield ModeBar("today")
        yield from self._compose_full()

    def _compose_full(self) -> ComposeResult:
        from textual.widgets import ProgressBar

        from brilliance.screens.agenda_list import AgendaList
        from brilliance.screens.attention_grid import AttentionGrid

        with TodayBody(id="body"):
            yield Static("", id="idea")
            with Horizontal(id="columns"):
                with Vertical(id="left"):
                    for key in SECTION_KEYS:
                        yield Static("", classes="heading", id=f"{key}-heading")
                        yield AgendaList(id=key)
                with Vertical(id="right"):
                    yield Static("Journal", classes="heading")
                    yield Static("", id="journal")
                    yield Static("This month", classes="heading")
                    yield ProgressBar(id="month", show_eta=False, show_percentage=True)
                    yield Static("", id="month-text")
                    yield Static("", classes="heading", id="grid-heading")
                    yield AttentionGrid(id="grid")
                    yield Static(
                        "· none  ● one meeting  ◆ two or more; one column a week, this week on "
                        "the right. Most neglected first.",
                        id="grid-key",
                    )
        yield StillFooter()

    def _compose_from_summary(self, picture: TodayPicture) -> ComposeResult:
        """The first frame of a start from the summary: Today's words in the full screen's
        places, drawn by a few flat widgets (``today_page``), until the store is loaded."""
        narrow = self.has_class("-narrow")
        yield StillModeBar(self.date_status(picture.view.date_line))
        with TodayBody(id="body"):
            yield Static(idea_text(picture), id="idea")
            with Horizontal(id="columns"):
                yield TodayColumn(picture, "both" if narrow else "left", id="left")
                if not narrow:
                    yield TodayColumn(picture, "right", id="right")
        yield StillFooter(lead=[OPEN])  # as when the first list has the focus

    def date_status(self, line: str) -> tuple[str, str, str]:
        """Today's date for the mode bar: in full ("Wednesday 25 November 2026"), then shorter
        forms for a narrow terminal."""
        today = self.clock.today()
        return (line, f"{today:%a %d %b %Y}", f"{today:%a %d %b}")

    def on_mount(self) -> None:
        if self.drawn_from_summary:
            return
        self.refresh_data()
        # The first list has the focus, without scrolling the idea of the day away.
        self.set_focus(self.query_one("#due"), scroll_visible=False)

    @property
    def drawn_from_summary(self) -> bool:
        """Whether the flat first frame is on screen (the full one replaces it at the load)."""
        return self._flat

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if self.drawn_from_summary and narrow != self.has_class("-narrow"):
            self._flat_columns(narrow)
        self.set_class(narrow, "-narrow")

    def _flat_columns(self, narrow: bool) -> None:
        """The flat first frame in one column (narrow) or two."""
        picture = self._host.today_picture()
        if picture is None:
            return
        left = self.query_one("#left", TodayColumn)
        left.show("both" if narrow else "left")
        if narrow:
            self.query("#right").remove()
        else:
            self.query_one("#columns").mount(TodayColumn(picture, "right", id="right"))

    # -- drawing --------------------------------------------------------------------------

    async def replace_first_frame(self) -> None:
        """The store is loaded: the full screen takes the flat first frame's place, drawn
        from the records, in one update (the same words stay where they were). Nothing is
        drawn until it has settled: the footer shows its keys a refresh after it is
        mounted, and the body's scroll bar comes with a second layout."""
        from brilliance.screens.agenda_list import AgendaList

        with self.app.batch_update():
            await self.recompose()
            self.refresh_data()
            self.set_focus(self.query_one("#due", AgendaList), scroll_visible=False)
            await self._settled()
        self.refresh()

    async def _settled(self) -> None:
        """Until the screen, drawn, no longer changes from one step to the next (at most
        SETTLE_STEPS): the layouts that follow the recompose are done.
        Textual lays nothing out during a batch update, so each step asks for a layout
        itself (nothing is drawn on the terminal until the batch ends). (The screen's
        layout and compositor are private to Textual, which is pinned.)"""
        drawn: list[str] = []
        for _ in range(SETTLE_STEPS):
            await asyncio.sleep(SETTLE_STEP_SECONDS)
            self._refresh_layout(self.size)
            await asyncio.sleep(0)  # (the widgets take their new sizes)
            now = [strip.text for strip in self._compositor.render_strips()]
            if now == drawn:
                return
            drawn = now

    def refresh_data(self) -> None:
        if self.drawn_from_summary:
            return  # the summary's picture, until replace_first_frame
        picture = self._host.today_picture()
        if picture is None:
            from brilliance.services.agenda import build_agenda, picture_of

            self.agenda = build_agenda(self.store)
            picture = picture_of(self.agenda)
        self._draw(picture)
        if self._host.loaded:
            self.mark_fresh()

    def _draw(self, picture: TodayPicture) -> None:
        from textual.widgets import ProgressBar

        from brilliance.screens.agenda_list import AgendaList

        view = picture.view
        self.query_one("#idea", Static).update(idea_text(picture))
        for section in view.sections:
            rows = section_options(section) if section.rows else []  # ☐: space ticks it
            self.query_one(f"#{section.key}", AgendaList).fill(
                list(zip(rows, (row.target for row in section.rows), strict=True)),
                section.blank.sentence(with_hint=True),
            )
            self.query_one(f"#{section.key}-heading", Static).update(Content(section.title))
        for widget in self.query("#intros, #intros-heading"):
            widget.display = bool(view.section("intros").rows)
        self.query_one("#journal", Static).update(journal_text(picture))
        target = max(picture.month_target, 1)
        bar = self.query_one("#month", ProgressBar)
        bar.update(total=target, progress=min(picture.month_held, target))
        self.query_one("#month-text", Static).update(month_text(picture))
        self.query_one("#grid-heading", Static).update(Content(view.grid_title))
        self._fill_grid(picture)
        self.query_one("#grid").display = bool(picture.grid)
        self.query_one(ModeBar).set_status(*self.date_status(view.date_line))

    def _fill_grid(self, picture: TodayPicture) -> None:
        from brilliance.screens.attention_grid import AttentionGrid

        self.query_one("#grid", AttentionGrid).show(picture)

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "done":
            return focused is not None and focused.id in PROMISE_LISTS
        if action == "undo":
            return self._keeper is not None and self._keeper.last_kept is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_line_table_row_selected(self, event: AttentionGrid.RowSelected) -> None:
        # (by name, not ``@on``: the grid's module is imported with the full screen)
        if event.table.id == "grid" and event.row_key and self._host.loaded:
            self.post_message(OpenPerson(event.row_key))

    def action_act(self) -> None:
        from brilliance.screens.agenda_list import AgendaList

        focused = self.focused
        if not isinstance(focused, AgendaList) or not self._host.loaded:
            return
        chosen = focused.chosen_id
        if chosen is None:
            return
        if focused.id in ("due", "novalue"):
            self.post_message(Prepare(chosen))
        elif focused.id == "coming" and chosen.startswith("date|"):
            self.post_message(OpenPerson(chosen.split("|")[1]))
        elif focused.id == "coming":
            person_id, _, meeting_id = chosen.partition("|")
            self.post_message(Prepare(person_id, meeting_id))
        elif focused.id == "intros":
            from brilliance.screens.practice_actions import ask_about_introduction

            meeting_id, _, other_id = chosen.partition("|")
            ask_about_introduction(self, meeting_id, other_id, self.refresh_data)
        elif focused.id in PROMISE_LISTS:
            followup = self.store.followups.get(chosen)
            if followup is not None:
                self.post_message(OpenPerson(followup.person_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_act()

    def action_done(self) -> None:
        from brilliance.screens.agenda_list import AgendaList

        focused = self.focused
        if not isinstance(focused, AgendaList) or focused.id not in PROMISE_LISTS:
            return
        if not self._host.loaded:  # (keys wait for the store; a click does not)
            return
        if self.keeper.keep(focused.chosen_id) is not None:
            self.refresh_data()
            self.refresh_bindings()

    def action_undo(self) -> None:
        if self._host.loaded and self.keeper.undo() is not None:
            self.refresh_data()
            self.refresh_bindings()

    def action_journal(self) -> None:
        if self._host.loaded:
            self.post_message(OpenTodaysEntry())
