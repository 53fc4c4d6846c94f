"""ctrl+e hands a long text field to $VISUAL / $EDITOR (a small script here), and takes it back."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.screens.journal_editor import JournalEditorScreen
from brilliance.screens.modals.person_form import PersonForm
from brilliance.store.store import Store
from brilliance.widgets.long_text import EditPlace, LongTextArea

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def suspend_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Headless tests can't suspend a terminal; count the suspensions instead."""
    calls: list[int] = []

    @contextlib.contextmanager
    def suspend(self: App[object]) -> Iterator[None]:
        calls.append(1)
        yield

    monkeypatch.setattr(App, "suspend", suspend)
    return calls


def editor_script(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def appending(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$VISUAL appends a line, and notes the temporary file's name and mode."""
    log = tmp_path / "editor.log"
    script = editor_script(
        tmp_path,
        "append.sh",
        f'echo "$1" > {log}; stat -c %a "$1" >> {log}\n'
        'printf "a line from my editor #own\\n" >> "$1"',
    )
    monkeypatch.setenv("VISUAL", script)
    monkeypatch.setenv("EDITOR", "/bin/false")  # $VISUAL comes first
    return log


@pytest.fixture
def failing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "editor.log"
    script = editor_script(
        tmp_path, "fail.sh", f'echo "$1" > {log}\nprintf "lost\\n" >> "$1"\nexit 4'
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", script)
    return log


def messages(app: App[Any]) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_journal_entry_written_in_my_editor(
    store: Store, clock: FixedClock, appending: Path, suspend_is_a_no_op: list[int]
) -> None:
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, JournalEditorScreen)
        await pilot.press(*"typed here")
        await pilot.press("ctrl+e")
        await pilot.pause()
        editor = app.screen.query_one(LongTextArea)
        assert editor.text == "typed here\na line from my editor #own"
        assert suspend_is_a_no_op == [1]
        await pilot.press("escape")
        await pilot.pause()
    (entry,) = store.journal.all()
    assert entry.text == "typed here\na line from my editor #own"
    assert entry.tags == ["own"]
    temporary, mode = appending.read_text().split()
    assert Path(temporary).parent == store.data_dir
    assert mode == "600"
    assert not Path(temporary).exists()


async def test_a_failing_editor_keeps_the_field(
    store: Store, clock: FixedClock, failing: Path
) -> None:
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.press(*"keep me")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one(LongTextArea).text == "keep me"
        assert "exited with status 4" in messages(app)
        assert "The field keeps its text" in messages(app)
    assert not Path(failing.read_text().strip()).exists()


async def test_no_editor_set_says_how(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"text", "ctrl+e")
        await pilot.pause()
        assert app.screen.query_one(LongTextArea).text == "text"
        assert "Set $VISUAL or $EDITOR" in messages(app)


@pytest.mark.parametrize("field", ["notes", "aspirations", "how_i_can_help"])
async def test_a_person_field_in_my_editor(
    field: str, store: Store, clock: FixedClock, appending: Path
) -> None:
    store.people.save(Person(name="Bruno Costa", on_list=True, **{field: "known so far"}))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, PersonForm)
        area = app.screen.query_one(f"#f-{field}", LongTextArea)
        area.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert area.text == "known so far\na line from my editor #own"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (bruno,) = store.people.all()
    assert getattr(bruno, field) == "known so far\na line from my editor #own"


async def test_ctrl_z_takes_the_editor_text_back(
    store: Store, clock: FixedClock, appending: Path
) -> None:
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"mine", "ctrl+e")
        await pilot.pause()
        area = app.screen.query_one(LongTextArea)
        assert area.text.endswith("#own")
        area.undo()
        assert area.text == "mine"


async def test_my_offers_and_a_meetings_notes_in_my_editor(
    store: Store, clock: FixedClock, appending: Path
) -> None:
    from datetime import datetime

    from brilliance.domain.models import Meeting
    from brilliance.screens.modals.log_meeting import LogMeetingScreen
    from brilliance.screens.modals.profile import ProfileScreen

    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    meeting = Meeting(person_id=ana.id, when=datetime(2026, 11, 24, 8), notes="Good talk.")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.action_profile()
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        offers = app.screen.query_one("#offers", LongTextArea)
        offers.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert offers.text == "a line from my editor #own"
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(LogMeetingScreen(ana, meeting, [], set(), [], set(), clock.today()))
        await pilot.pause()
        notes = app.screen.query_one("#notes", LongTextArea)
        notes.focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert notes.text == "Good talk.\na line from my editor #own"


async def test_an_encrypted_folder_edits_in_private_memory(
    tmp_path: Path, clock: FixedClock, appending: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.encryption import encrypt

    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=clock) as plain:
        plain.people.save(Person(name="Ana Lima", on_list=True))
    keyring = encrypt(data_dir)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    with Store.open(data_dir, clock=clock, keyring=keyring) as store:
        app = make_app(store, clock, start_mode="journal")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", *"secret", "ctrl+e")
            await pilot.pause()
            assert app.screen.query_one(LongTextArea).text.endswith("#own")
            assert "swap, backup or history files" in messages(app)
    temporary, mode = appending.read_text().split()
    assert Path(temporary).parent == runtime / "brilliance"  # never beside the encrypted file
    assert mode == "600" and not Path(temporary).exists()


class FieldApp(App[None]):
    """Any app that says where the temporary file goes (the field never reads the store)."""

    def __init__(self, place: EditPlace | None) -> None:
        super().__init__()
        self.place = place

    def compose(self) -> ComposeResult:
        yield LongTextArea("draft")

    def edit_place(self) -> EditPlace | None:
        return self.place


async def test_the_field_uses_the_place_its_app_gives(tmp_path: Path, appending: Path) -> None:
    folder = tmp_path / "given"
    folder.mkdir(mode=0o700)
    app = FieldApp(EditPlace(folder, "mind your editor's swap files"))
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(LongTextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.query_one(LongTextArea).text.endswith("#own")
        assert "mind your editor's swap files" in messages(app)
    temporary, _ = appending.read_text().split()
    assert Path(temporary).parent == folder


async def test_an_app_without_a_place_keeps_the_field(appending: Path) -> None:
    app = FieldApp(None)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(LongTextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.query_one(LongTextArea).text == "draft"
        assert "No data folder" in messages(app)
    assert not appending.exists()
