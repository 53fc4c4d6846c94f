"""Review mode (5): the week, what I write kept as a #review entry, weeks and export."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import TextArea

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    FollowUp,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.screens.review import ReviewScreen
from brilliance.screens.review_body import ReviewBody
from brilliance.store.store import Store

SIZE = (120, 40)
SUNDAY = datetime(2026, 11, 29, 18, 0)
D = SUNDAY.date()


def seed(store: Store) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    store.people.save(Person(name="Bo Chen", on_list=True))
    store.meetings.save(
        Meeting(
            person_id=ana.id,
            when=datetime(2026, 11, 24, 9),
            status=MeetingStatus.DONE,
            value_given=[ValueItem(kind=ValueKind.CONNECTION, note="met Dana")],
        )
    )


def body(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    widget: ReviewBody = screen.query_one("#review-body", ReviewBody)
    return widget.text


async def test_write_save_and_move_between_weeks(store: Store, clock: FixedClock) -> None:
    clock.set(SUNDAY)
    seed(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert body(app).startswith("Weekly review 2026-W48")
        assert "Ana Lima: met Dana" in body(app)
        await pilot.press("w", *"Bo slipped", "ctrl+s")
        await pilot.pause()
        entries = store.journal.all()
        assert len(entries) == 1
        assert entries[0].tags == ["review"]
        assert "Bo slipped" in entries[0].text and "2026-W48" in entries[0].text
        # Saving again updates the same entry.
        await pilot.press(*"; book him", "ctrl+s")
        await pilot.pause()
        assert len(store.journal) == 1
        assert "Bo slipped; book him" in store.journal.all()[0].text
        assert "What I wrote" not in body(app) and "Bo slipped" not in body(app)
        await pilot.press("escape", "left_square_bracket")
        await pilot.pause()
        assert body(app).startswith("Weekly review 2026-W47")
        assert app.screen.query_one("#review-text", TextArea).text == ""
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.query_one("#review-text", TextArea).text == "Bo slipped; book him"
        await pilot.press("x")
        await pilot.pause()
    exported = store.data_dir / "exports" / "review-2026-W48.md"
    assert exported.read_text(encoding="utf-8").startswith("# Weekly review 2026-W48")


async def test_moving_away_with_unsaved_words_is_refused(store: Store, clock: FixedClock) -> None:
    clock.set(SUNDAY)
    seed(store)
    app = make_app(store, clock, start_mode="review")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", *"draft", "escape", "left_square_bracket")
        await pilot.pause()
        assert body(app).startswith("Weekly review 2026-W48")
        assert app.screen.query_one("#review-text", TextArea).text == "draft"
        assert len(store.journal) == 0


async def test_the_review_day_is_a_profile_setting(store: Store, clock: FixedClock) -> None:
    from textual.widgets import Select

    from brilliance.domain.review import IsoWeek
    from brilliance.screens.modals.profile import ProfileScreen
    from brilliance.services.review import save_review

    clock.set(datetime(2026, 11, 27, 9))  # a Friday
    seed(store)
    save_review(store, IsoWeek(2026, 47), "Last Sunday's review, written.")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Weekly review" not in str(app.screen.query_one("#journal").render())
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#review-day", Select).value = 4  # Friday
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.profile.review_day == 4
        app.screen.refresh_data()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Weekly review of 2026-W48" in str(app.screen.query_one("#journal").render())


async def test_the_body_is_drawn_as_the_markdown_was(store: Store, clock: FixedClock) -> None:
    """One widget (not one per block and four per bullet, issue 19), laid out as Textual's
    Markdown widget laid out the review: the title centred two lines down, a blank line
    after it, two before each section title and one after, long rows wrapped under their
    text, user text shown as typed (never read as markup)."""
    clock.set(SUNDAY)
    seed(store)
    bo = next(p for p in store.people.all() if p.name == "Bo Chen")
    store.people.save(bo.model_copy(update={"name": "Bo *Chen* [x](y) #1"}))
    store.followups.save(
        FollowUp(person_id=bo.id, text="Send the long article " + "about pricing " * 6, due=D)
    )
    app = make_app(store, clock, start_mode="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(ReviewBody)
        assert not widget.children
        width = widget.scrollable_content_region.width
        lines = [line.plain for line in widget.lines]
        assert all(len(line) <= width for line in lines)
        title = "Weekly review 2026-W48"
        assert lines[:4] == ["", "", " " * ((width - len(title)) // 2) + title, ""]
        assert lines[4].startswith("2026-W48 (Mon 23 Nov")
        assert lines[5:8] == ["", "", "Meetings: 1 held (the rhythm asks about 1 a week)"]
        assert lines[8] == ""
        assert "• Bo *Chen* [x](y) #1: 0 held, due today" in lines
        promise = next(i for i, line in enumerate(lines) if "Send the long article" in line)
        assert lines[promise].startswith("• made: Send the long article about pricing")
        assert lines[promise + 1].startswith("  ") and lines[promise + 1][2] != " "
        assert "about pricing" in lines[promise + 1]
        assert lines[-1] == "" and lines[-2] != ""
