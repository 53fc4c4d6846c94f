"""The passphrase screen: shown before anything is loaded, three wrong tries end it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label

from brilliance.store.codec import read_data_head
from brilliance.unlock_app import UnlockApp, UnlockScreen
from tests.encryption import PASSPHRASE, encrypt


async def type_and_submit(app: UnlockApp, pilot: object, text: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    field = app.screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_right_passphrase_returns_the_keyring(data_dir: Path) -> None:
    encrypt(data_dir)
    app = UnlockApp(data_dir, read_data_head(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one("#passphrase", Input).password  # never echoed
        await type_and_submit(app, pilot, PASSPHRASE.decode())
    assert app.return_value is not None
    assert app.return_value.encrypted


async def test_three_wrong_tries_end_it_with_a_clear_message(data_dir: Path) -> None:
    encrypt(data_dir)
    app = UnlockApp(data_dir, read_data_head(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await type_and_submit(app, pilot, "wrong one")
        status = app.screen.query_one("#status", Label)
        assert "2 tries left" in str(status.render())
        assert app.screen.query_one("#passphrase", Input).value == ""
        await type_and_submit(app, pilot, "wrong two")
        assert "1 try left" in str(app.screen.query_one("#status", Label).render())
        await type_and_submit(app, pilot, "wrong three")
    assert app.return_value is None
    assert app.return_code == 1
    assert "Three wrong passphrases" in app.failure
    assert "cannot be recovered" in app.failure


def test_the_app_asks_before_anything_is_loaded(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brilliance import launch
    from brilliance.commands import unlock
    from brilliance.store.store import Store

    encrypt(data_dir)
    unlock.PASSPHRASE_FILE = None
    asked: list[Path] = []

    def refuse_to_load(*args: object, **kwargs: object) -> Store:
        raise AssertionError("the store was opened before the passphrase was right")

    def quit_unlock(self: UnlockApp) -> None:
        asked.append(self.data_dir)
        self.failure = "Three wrong passphrases; nothing was opened or changed."
        return None

    monkeypatch.setattr(Store, "open", refuse_to_load)
    monkeypatch.setattr(UnlockApp, "run", quit_unlock)
    assert launch.run_app(data_dir) == 1
    assert asked == [data_dir]
