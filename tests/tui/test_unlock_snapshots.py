"""Snapshots of the passphrase screen: as it opens, and after a wrong try."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from brilliance.commands.unlock_app import UnlockApp
from brilliance.store.codec import Keyring
from tests.encryption import FAST, PASSPHRASE

SIZE = (100, 24)
FOLDER = Path("/home/you/.local/share/brilliance")
"""Shown on the screen; a fixed path, so that the snapshot does not depend on tmp_path."""


def locked_app() -> UnlockApp:
    head = bytes(Keyring.create(PASSPHRASE, FAST).encode(b"{}"))
    return UnlockApp(FOLDER, head)


def test_unlock_screen(snap_compare: Any) -> None:
    assert snap_compare(locked_app(), terminal_size=SIZE)


def test_unlock_screen_after_a_wrong_try(snap_compare: Any) -> None:
    async def wrong_try(pilot: Pilot[Any]) -> None:
        app = pilot.app
        app.screen.query_one("#passphrase", Input).value = "not it"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(locked_app(), terminal_size=SIZE, run_before=wrong_try)
