"""Snapshots of every screen in its main states: frozen time, fixed theme, data in tmp_path.

Review the SVG diff report (``snapshot_report.html``) before accepting a change with
``pytest --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from brilliance.app import BrillianceApp, make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW, Closing

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: compares the app's screen with the saved SVG."""

SIZE = (120, 40)

DOZEN = [
    # name, headline, days since last met (None: never), cadence, how I can help
    ("Ana Lima", "Product designer at Lumen", 3, 14, "Intro to Dana for design leadership"),
    ("Bruno Costa", "Data engineer", 30, 14, "Invite to the data meetup"),
    ("Chen Wei", "Founder, Tideline", 14, 14, "Share fundraising notes"),
    ("Dana Fischer", "Head of research", None, 14, ""),
    ("Elif Kaya", "Staff engineer", 20, 21, "Recommend for the speaker slot"),
    ("Farah Haddad", "Climate analyst", 10, 14, "Connect with the grants panel"),
    ("Gabriel Sousa", "Illustrator", 1, 14, "Gallery opening invitation"),
    ("Hana Novak", "PhD student, robotics", 16, 14, "Mock interview practice"),
    ("Idris Bello", "Community lead", 7, 7, "Coffee with the meetup organisers"),
    ("Julia Berg", "Product manager", 12, 14, "Book on pricing strategy"),
    ("Kofi Mensah", "Mobile developer", 45, 30, "Intro to an accessibility expert"),
    ("Lena Vogel", "Marketing lead", 13, 14, "Feedback on her talk draft"),
]


def seeded_store(data_dir: Path) -> Store:
    clock = FixedClock(FROZEN_NOW)
    store = Store.open(data_dir, clock=clock)
    today = FROZEN_NOW.date()
    with store.batch():
        for index, (name, headline, days, cadence, help_text) in enumerate(DOZEN):
            last_met = None if days is None else today - timedelta(days=days)
            store.people.save(
                Person(
                    id=f"p{index:02}",
                    name=name,
                    headline=headline,
                    last_met=last_met,
                    cadence_days=cadence,
                    how_i_can_help=help_text,
                    on_list=True,
                    created_at=FROZEN_NOW - timedelta(days=60),
                )
            )
        store.people.save(Person(id="w01", name="Wider Walter", headline="Accountant"))
    return store


def no_blink(pilot: Pilot[None]) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False


def test_list_empty(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(Store.open(tmp_path / "data", clock=FixedClock(FROZEN_NOW)))
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=SIZE)


def test_list_with_a_dozen(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(seeded_store(tmp_path / "data"))
    assert date(2026, 11, 24) == store.clock.today()
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=SIZE)


def test_wider_network(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(seeded_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=SIZE, press=["w"])


def test_person_form_with_validation_error(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(Store.open(tmp_path / "data", clock=FixedClock(FROZEN_NOW)))
    app = make_app(store, store.clock, start_mode="people")

    async def fill_in_badly(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        no_blink(pilot)
        pilot.app.screen.query_one("#f-email", Input).value = "ana@"
        pilot.app.screen.query_one("#f-last_met", Input).value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=fill_in_badly)


def test_person_detail(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(seeded_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=SIZE, press=["enter"])


def test_help(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(seeded_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="people")
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


JOURNAL = [
    (
        23,
        21,
        "Long walk with @Ana Lima by the river. She is weighing two offers; "
        "I mostly listened. #walk #career",
    ),
    (22, 9, "Sent @Bruno Costa the article on data contracts. #value"),
    (20, 18, "# Team dinner\nPraised @Chen Wei early for the fundraising deck. It landed. #praise"),
    (18, 8, "Quiet day. Drafted the #launch checklist for Dana."),
]


def journal_store(data_dir: Path) -> Store:
    from brilliance.domain.journal import with_text
    from brilliance.domain.models import JournalEntry

    store = seeded_store(data_dir)
    people = store.people.all()
    with store.batch():
        for day, hour, text in JOURNAL:
            entry = JournalEntry(
                id=f"j{day}",
                written_at=FROZEN_NOW.replace(day=day, hour=hour, minute=0),
                prompt="Who did I thank today?",
            )
            store.journal.save(with_text(entry, text, people))
    return store


def test_journal_list(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(journal_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="journal")
    assert snap_compare(app, terminal_size=SIZE)


def test_journal_search_results(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(journal_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="journal")

    async def search(pilot: Pilot[None]) -> None:
        await pilot.press("slash")
        no_blink(pilot)
        await pilot.press(*"praised")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_journal_editor_with_prompt(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(journal_store(tmp_path / "data"))
    app = make_app(store, store.clock, start_mode="journal")

    async def write(pilot: Pilot[None]) -> None:
        await pilot.press("n")
        no_blink(pilot)
        await pilot.press(*"Coffee with @Ana", "tab", *"about her #launch")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=write)


def test_journal_empty(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(Store.open(tmp_path / "data", clock=FixedClock(FROZEN_NOW)))
    app = make_app(store, store.clock, start_mode="journal")
    assert snap_compare(app, terminal_size=SIZE)


def prep_store(data_dir: Path, *, shared: bool = True) -> Store:
    from brilliance.domain.models import Event, FollowUp, Meeting, MeetingStatus, Profile

    store = seeded_store(data_dir)
    ana = store.people.require("p00")
    with store.batch():
        store.save_profile(
            Profile(name="Sam", interests=["hiking", "photography"] if shared else ["chess"])
        )
        store.people.save(
            ana.model_copy(
                update={
                    "goals": ["raise a seed round", "hire a design lead"],
                    "interests": ["Hike", "photographs"],
                    "aspirations": "Start a studio for civic design",
                    "wins": ["shipped the new onboarding"],
                    "partnership_prospect": True,
                }
            )
        )
        store.people.save(
            Person(id="w02", name="Dana Fischer", headline="Angel investor", skills=["fundraising"])
        )
        store.events.save(
            Event(
                id="e1",
                title="Founders breakfast",
                day=FROZEN_NOW.date() + timedelta(days=6),
                place="The Hub",
                topics=["fundraising"],
            )
        )
        store.followups.save(
            FollowUp(
                id="f1",
                person_id="p00",
                text="Send the pitch deck template",
                due=FROZEN_NOW.date() - timedelta(days=2),
            )
        )
        store.meetings.save(
            Meeting(
                id="m0",
                person_id="p00",
                when=FROZEN_NOW - timedelta(days=3),
                kind="coffee",
                place="Corner café",
                status=MeetingStatus.DONE,
                notes="Weighing two offers. Proud of the onboarding work.",
            )
        )
        store.meetings.save(
            Meeting(
                id="m1",
                person_id="p00",
                when=FROZEN_NOW + timedelta(days=2),
                kind="walk",
                place="River path",
            )
        )
    return store


def open_ana(keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, BrillianceApp)
        await pilot.app.prepare("p00")
        await pilot.pause()
        await pilot.press(*keys)
        no_blink(pilot)
        await pilot.pause()

    return run


def test_prep_sheet(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(prep_store(tmp_path / "data"))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_ana(["space", "down", "space"]))


def test_prep_sheet_without_shared_interests(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(prep_store(tmp_path / "data", shared=False))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_ana([]))


def test_prep_partnership_review(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(prep_store(tmp_path / "data"))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_ana(["P"]))


def test_prep_log_form(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(prep_store(tmp_path / "data"))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_ana(["space", "l"]))


def demo_store(data_dir: Path) -> Store:
    from brilliance.demo import build_demo

    store = Store.open(data_dir, clock=FixedClock(FROZEN_NOW))
    build_demo(store, FROZEN_NOW.date())
    return store


def test_today_with_demo_data(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(demo_store(tmp_path / "data"))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE)


def test_today_with_demo_data_at_80_by_24(
    snap_compare: SnapCompare, tmp_path: Path, closing: Closing
) -> None:
    store = closing(demo_store(tmp_path / "data"))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=(80, 24))


def test_today_empty(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(Store.open(tmp_path / "data", clock=FixedClock(FROZEN_NOW)))
    store.save_profile(store.profile.model_copy(update={"welcomed": True}))
    app = make_app(store, store.clock)
    assert snap_compare(app, terminal_size=SIZE)


def test_welcome(snap_compare: SnapCompare, tmp_path: Path, closing: Closing) -> None:
    store = closing(Store.open(tmp_path / "data", clock=FixedClock(FROZEN_NOW)))
    app = make_app(store, store.clock)

    async def wait(pilot: Pilot[None]) -> None:
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=wait)
