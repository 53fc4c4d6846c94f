"""The passphrase screen: a small app of its own, run before anything of the folder is loaded.

``brilliance`` on an encrypted folder shows this first. The key is derived in a worker thread
(it takes a third of a second on purpose); three wrong tries end it. The main app starts only
with the unlocked keyring, so nothing of the data file is read before the passphrase is right.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from brilliance.store.codec import Keyring
from brilliance.store.crypto import EncryptionError, WrongPassphraseError

TRIES = 3


class UnlockScreen(Screen[None]):
    """Asks for the passphrase; reports wrong tries; never echoes what is typed."""

    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    UnlockScreen > Vertical {
        width: 64; height: auto; padding: 1 2; border: round $primary; background: $surface;
    }
    UnlockScreen #title { text-style: bold; margin-bottom: 1; }
    UnlockScreen #status { color: $warning; margin-top: 1; height: auto; }
    UnlockScreen #hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "app.quit", "Quit")]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("This Brilliance folder is encrypted", id="title")
            yield Static(self.folder, id="folder", markup=False)
            yield Input(password=True, placeholder="passphrase", id="passphrase")
            yield Label("", id="status")
            yield Label("enter opens, escape quits", id="hint")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def show_status(self, text: str) -> None:
        self.query_one("#status", Label).update(text)


class UnlockApp(App[Keyring | None]):
    """Returns the keyring that opens ``head`` (the data file's header), or None.

    ``failure`` then says why (three wrong tries, a damaged header, the user quit).
    """

    TITLE = "Brilliance"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, data_dir: Path, head: bytes) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.head = head
        self.wrong = 0
        self.failure = "No passphrase given; nothing was opened."
        self.theme = "textual-dark"

    def on_mount(self) -> None:
        self.push_screen(UnlockScreen(str(self.data_dir)))

    @on(Input.Submitted, "#passphrase")
    def submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        event.input.disabled = True
        self.screen_status("Checking…")
        self.check(event.value)

    def screen_status(self, text: str) -> None:
        screen = self.screen
        if isinstance(screen, UnlockScreen):
            screen.show_status(text)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def check(self, typed: str) -> None:
        from brilliance.commands.unlock import normalise

        try:
            keyring = Keyring.unlock(normalise(typed), self.head)
        except WrongPassphraseError:
            self.call_from_thread(self.wrong_try)
        except EncryptionError as exc:
            self.failure = str(exc)
            self.call_from_thread(self.exit, None, 1)
        else:
            self.call_from_thread(self.exit, keyring)

    def wrong_try(self) -> None:
        self.wrong += 1
        if self.wrong >= TRIES:
            from brilliance.commands.unlock import FORGOTTEN

            self.failure = f"Three wrong passphrases; nothing was opened or changed. {FORGOTTEN}"
            self.exit(None, 1)
            return
        left = TRIES - self.wrong
        self.screen_status(
            f"That passphrase does not open this folder. {left} {'try' if left == 1 else 'tries'} "
            "left."
        )
        field = self.screen.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()
