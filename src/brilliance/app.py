"""The Textual app: modes, global keys, theme and the command palette. Kept thin on purpose."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from brilliance.app_start import StartsFromSummary
from brilliance.commands_palette import PeopleCommands
from brilliance.domain.clock import Clock, SystemClock
from brilliance.idle_collector import CHECK_SECONDS, IdleCollector
from brilliance.screens import modes
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.navigation import OpenPerson, OpenTodaysEntry, Prepare
from brilliance.screens.today import TodayScreen
from brilliance.store.errors import ConflictError, SaveError, StoreError
from brilliance.store.paths import has_notes
from brilliance.style_warm_up import read_in_a_pause
from brilliance.write_behind import WriteBehind

if TYPE_CHECKING:
    # Not imported before the first frame: a start from Today's summary draws it before
    # pydantic and the models are loaded (issue 19).
    from brilliance.domain.models import Profile
    from brilliance.store.store import Store
    from brilliance.store.today_summary import TodayStart
    from brilliance.widgets.long_text import EditPlace

ABOUT = (
    "Brilliance: a few minutes a day for the relationships that matter. "
    "1-5 switch sections; every section lists its own keys in the footer."
)
LIGHT_THEME = "textual-light"
INBOX_POLL_SECONDS = 2.0
DARK_THEME = "textual-dark"

T = TypeVar("T")


class BrillianceApp(StartsFromSummary):
    """The app. Build it with :func:`make_app` so tests and the command line share one path."""

    TITLE = "Brilliance"
    CSS_PATH = ["app.tcss", "screens/today.tcss"]
    """Today's own styles are read with the app's, in the one parse before the first frame:
    read when its screen is made, they would parse every style sheet again (issue 19)."""
    COMMANDS = App.COMMANDS | {PeopleCommands}

    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        "today": TodayScreen,
        # Imported when first opened: the first frame only needs Today (issue 19: the other
        # screens and their modals cost about a tenth of the start's CPU time to import).
        "people": lambda: modes.people_screen(),
        "prep": lambda: modes.prep_screen(),
        "journal": lambda: modes.journal_screen(),
        "review": lambda: modes.review_screen(),
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_mode('today')", "Today", show=False),
        Binding("2", "switch_mode('people')", "List", show=False),
        Binding("3", "switch_mode('prep')", "Prep", show=False),
        Binding("4", "switch_mode('journal')", "Journal", show=False),
        Binding("5", "switch_mode('review')", "Review", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False),
        Binding("ctrl+o", "profile", "My profile", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        store: Store | None,
        clock: Clock,
        *,
        start_mode: str = "today",
        exit_after_first_frame: bool = False,
        demo: bool = False,
        starting: TodayStart | None = None,
        loader: Callable[[], Store] | None = None,
    ) -> None:
        super().__init__(store, starting, loader)
        self.demo = demo
        self.clock = clock
        self.start_mode = start_mode
        self.exit_after_first_frame = exit_after_first_frame
        theme = store.profile.theme if store is not None else starting.theme if starting else ""
        self.theme = theme if theme in self.available_themes else DARK_THEME
        self.collector = IdleCollector()  # full garbage collections between keys (issue 19)
        self.write_behind = WriteBehind(self, self.collector.paused)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.saw_input()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.collector.stop()
        # Notices after the app is gone (the store's last look at the disk) wait in the store.
        if self._store is not None:
            self._store.listen(None)

    def on_mount(self) -> None:
        self.collector.start()
        self.set_interval(CHECK_SECONDS, self.collector.tick)
        self.set_interval(CHECK_SECONDS, self.write_behind.tick)
        self.switch_mode(self.start_mode)
        if self._store is None:
            # Drawn from the summary: the data file is loaded once this first frame is out.
            if self.exit_after_first_frame:
                self.call_after_refresh(self.exit)
            else:
                self.load_in_background()
            return
        self._begin_session()

    def _begin_session(self) -> None:
        """Everything that follows the first frame once the store is open."""
        # What came in from other copies of the data (at open, and at each save or poll).
        # Only once the first screen is drawn: the notices of the open refresh it (QA).
        self.call_after_refresh(self.store.listen, self.show_sync_notice)
        if self.exit_after_first_frame:
            self.call_after_refresh(self.exit)
            return
        read_in_a_pause(self, self.collector.paused)  # the other screens' styles
        # Notes added with `brilliance note` while the app is open arrive through the inbox.
        self.set_interval(INBOX_POLL_SECONDS, self.check_inbox)
        from brilliance.store.inbox import rejected_advice, rejected_notes

        if set_aside := rejected_notes(self.store.data_dir):
            self.notify(rejected_advice(set_aside), title="Notes set aside", timeout=20)
        if self.read_only:
            self.notify(
                f"{self.store.data_dir} cannot be written, so it is open read-only: you can "
                "look at everything, but changes are not saved.",
                title="Read-only",
                severity="warning",
                timeout=15,
            )
            return
        if self.demo:
            self.notify(
                "You are exploring sample data in a temporary folder. Change anything you "
                "like: it is thrown away when you quit, and your own data is untouched.",
                title="Sample data",
                timeout=10,
            )
        elif self.first_run and self.start_mode == "today":
            from brilliance.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), self._welcomed)

    @property
    def first_run(self) -> bool:
        """Nothing saved yet and the welcome never seen."""
        return self.store.first_run

    def _welcomed(self, choice: str | None) -> None:
        if choice == "demo":
            self.exit(result="demo")
        else:
            self.notify("Press 2 for your list, then a to add the first person.", timeout=8)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "My profile", "Your name, interests and what you offer", self.action_profile
        )
        yield SystemCommand(
            "Today's journal entry", "Write (or reopen) today's entry", self.action_journal_today
        )
        yield SystemCommand("Events", "Events you could invite people to", self.action_events)

    async def action_journal_today(self) -> None:
        from brilliance.screens.journal import JournalScreen

        await self.switch_mode("journal")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        base = self.screen_stack[0]
        if isinstance(base, JournalScreen):
            base.action_today()

    async def action_events(self) -> None:
        from brilliance.screens.events import EventsScreen

        await self.switch_mode("prep")
        self.push_screen(EventsScreen())

    @property
    def read_only(self) -> bool:
        """The data folder cannot be written: shown, with a banner, but never changed."""
        if self._store is None:
            return False  # a start from the summary holds the folder's lock: writable
        from brilliance.store.read_only import is_read_only

        return is_read_only(self._store)

    def edit_place(self) -> EditPlace:
        """Where ctrl+e's temporary file goes (see LongTextArea): an encrypted folder's text
        goes to a private folder in memory, not beside it, with a warning about the editor."""
        from brilliance.store.codec import EXTERNAL_EDITOR_WARNING, edit_folder, folder_is_encrypted
        from brilliance.widgets.long_text import EditPlace

        data_dir = self.store.data_dir
        warning = EXTERNAL_EDITOR_WARNING if folder_is_encrypted(data_dir) else None
        return EditPlace(edit_folder(data_dir), warning)

    def show_sync_notice(self, text: str) -> None:
        self.notify(text, title="Sync", timeout=10)
        self.refresh_visible_screen()

    def check_inbox(self) -> None:
        """Merge an outside change of the data file, and notes waiting in the inbox; say so."""
        if self.read_only:
            return
        try:
            self.store.sync_with_disk()
        except (StoreError, OSError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=15)
            return
        from brilliance.store.inbox import inbox_busy

        if not has_notes(self.store.data_dir):
            return
        if inbox_busy(self.store.data_dir):  # never wait on the event loop: next poll (13.14)
            return
        try:
            count = self.store.merge_inbox()
        except (StoreError, OSError) as exc:
            self.notify(f"A note from the shell could not be added yet: {exc}", severity="error")
            return
        if count:
            self.notify(
                f"{count} note{'s' if count != 1 else ''} from the shell added to your journal.",
                title="Journal",
            )
            self.refresh_visible_screen()

    def attempt_save(self, operation: Callable[[], T]) -> T | None:
        """Run a change; if it cannot be saved, say so clearly and return None.

        The store keeps the change in memory, so it is written by the next save that works.
        An outside change of the file is merged by the store itself; what it cannot merge (a
        damaged file on disk, one from a newer Brilliance) is a ConflictError, said the same way.
        """
        try:
            return operation()
        except (ConflictError, SaveError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=15)
            return None

    async def redraw_from_store(self) -> None:
        screen = self.screen
        if isinstance(screen, TodayScreen) and screen.drawn_from_summary:
            await screen.replace_first_frame()  # the full Today, from the records
        else:
            self.refresh_visible_screen()

    def refresh_visible_screen(self) -> None:
        screen = self.screen
        if isinstance(screen, BrillianceScreen):
            screen.refresh_data()

    def action_profile(self) -> None:
        from brilliance.screens.modals.profile import ProfileScreen

        def saved(profile: Profile | None) -> None:
            if profile is None:
                return
            if self.attempt_save(lambda: self.store.save_profile(profile)) is not None:
                self.notify("Profile saved.")

        self.push_screen(ProfileScreen(self.store.profile), saved)

    def watch_theme(self, theme: str) -> None:
        """Remember the theme (chosen by key or from the palette) in the profile."""
        if self._store is None:
            return  # the summary's theme, which is the profile's
        profile = self.store.profile
        if profile.theme == theme:
            return
        from brilliance.domain.models import updated

        self.attempt_save(lambda: self.store.save_profile(updated(profile, theme=theme)))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        from brilliance.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        about = getattr(self.screen, "HELP", "")
        self.push_screen(HelpScreen("Keys", f"{about}\n\n{ABOUT}".strip(), self.screen))

    # -- navigation used by several screens and the command palette ------------------------

    def open_person(self, person_id: str) -> None:
        """Show a person's detail view over the List."""
        from brilliance.screens.person import PersonScreen

        if person_id not in self.store.people:
            return
        self.switch_mode("people")
        self.push_screen(PersonScreen(person_id))

    async def prepare(self, person_id: str, meeting_id: str | None = None) -> None:
        """Open the prep sheet for a person (and a meeting) from anywhere."""
        if person_id not in self.store.people:
            return
        await self.switch_mode("prep")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        from brilliance.screens.prep import PrepScreen

        base = self.screen_stack[0]
        if isinstance(base, PrepScreen):
            base.show_person(person_id, meeting_id)

    async def action_add_person(self) -> None:
        """Open the add-person form over the List (from anywhere, e.g. the command palette)."""
        from brilliance.screens.people import PeopleScreen
        from brilliance.screens.person_actions import edit_person

        await self.switch_mode("people")
        screen = self.screen
        if isinstance(screen, PeopleScreen):
            screen.action_add()
        elif isinstance(screen, BrillianceScreen):
            edit_person(screen, None)

    # -- navigation asked for by screens, with messages ----------------------------------------

    # (None of them before the store is loaded: keys wait for it, but not clicks.)

    @on(OpenPerson)
    def _open_person_asked(self, message: OpenPerson) -> None:
        if self.loaded:
            self.open_person(message.person_id)

    @on(Prepare)
    async def _prepare_asked(self, message: Prepare) -> None:
        if self.loaded:
            await self.prepare(message.person_id, message.meeting_id)

    @on(OpenTodaysEntry)
    async def _todays_entry_asked(self) -> None:
        if self.loaded:
            await self.action_journal_today()


def make_app(
    store: Store,
    clock: Clock | None = None,
    *,
    start_mode: str = "today",
    exit_after_first_frame: bool = False,
    demo: bool = False,
) -> BrillianceApp:
    """Build the app around an open store; the command line and the tests both use this."""
    from brilliance.widgets import visible_controls

    visible_controls.install()  # control characters in user text are drawn as symbols
    return BrillianceApp(
        store,
        clock or store.clock or SystemClock(),
        start_mode=start_mode,
        exit_after_first_frame=exit_after_first_frame,
        demo=demo,
    )


def make_app_from_summary(
    starting: TodayStart,
    loader: Callable[[], Store],
    clock: Clock | None = None,
    *,
    exit_after_first_frame: bool = False,
) -> BrillianceApp:
    """Build the app that draws Today from its summary and opens the store with ``loader``
    in the background once that first frame is out (see ``app_start``). ``loader`` runs in
    another thread: it must not touch the app."""
    from brilliance.widgets import visible_controls

    visible_controls.install()
    return BrillianceApp(
        None,
        clock or SystemClock(),
        exit_after_first_frame=exit_after_first_frame,
        starting=starting,
        loader=loader,
    )
