"""Issue 13.8: escape sequences in user text never reach the terminal from any screen."""

from __future__ import annotations

from datetime import date, datetime

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.journal import with_text
from brilliance.domain.models import Event, FollowUp, JournalEntry, Person
from brilliance.store.store import Store

CLEAR = "\x1b[2J\x1b[H"
CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b2J"
HOSTILE = [CLEAR, CLIPBOARD, TITLE, LINK, C1]


def rendered(app: object) -> str:
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)


def assert_nothing_raw(screen_text: str) -> None:
    for code in ("\x1b", "\x9b", "\x07", "\x9d"):
        assert code not in screen_text


async def test_a_clear_screen_name_neither_blanks_the_list_nor_reaches_the_terminal(
    store: Store, clock: FixedClock
) -> None:
    for number, sequence in enumerate(HOSTILE):
        store.people.save(Person(name=f"Evil{number} {sequence}", headline=sequence, on_list=True))
    store.people.save(Person(name="Zed Plain", on_list=True))
    store.followups.save(
        FollowUp(person_id=store.people.all()[0].id, text=CLEAR, due=date(2026, 11, 20))
    )
    store.events.save(Event(title=f"Party {TITLE}", day=date(2026, 11, 26)))
    when = datetime(2026, 11, 23, 8)
    entry = JournalEntry(written_at=when, created_at=when, updated_at=when)
    evil = store.people.all()[0]  # named in the journal's People column too (a plain str cell)
    written = with_text(entry, f"met {CLEAR} today {CLIPBOARD}", [])
    store.journal.save(written.model_copy(update={"people": [evil.id]}))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = rendered(app)
        assert "Zed Plain" in shown and "Evil0" in shown and "Evil4" in shown
        assert "␛[2J" in shown
        assert_nothing_raw(shown)
        for key in ("1", "4", "5"):
            await pilot.press(key)
            await pilot.pause()
            assert_nothing_raw(rendered(app))
        await pilot.press("2", "enter")
        await pilot.pause()
        assert_nothing_raw(rendered(app))
