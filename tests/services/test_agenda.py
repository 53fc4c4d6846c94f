"""Today described once: the shell's text and the app draw the same words; hints only in the app."""

from __future__ import annotations

from datetime import timedelta

from brilliance.domain.models import FollowUp, Person
from brilliance.domain.today import COMING_UP_DAYS, VALUE_WINDOW_DAYS, WEEKS
from brilliance.services.agenda import build_agenda, describe_agenda, render_text
from brilliance.store.store import Store


def test_an_empty_agenda_says_what_to_do_without_key_hints_in_the_shell(store: Store) -> None:
    view = describe_agenda(build_agenda(store))
    text = render_text(build_agenda(store))

    for section in view.sections:
        if not section.blank.text:  # shown only when it has rows (introductions to ask about)
            assert section.title not in text
            continue
        assert section.title in text
        assert section.blank.sentence(with_hint=False) in text
        if section.blank.hint:
            assert section.blank.hint not in text
            assert section.blank.hint in section.blank.sentence(with_hint=True)
    assert view.journal_hint not in text
    assert "Your list is empty." in text


def test_the_windows_come_from_the_domain(store: Store) -> None:
    view = describe_agenda(build_agenda(store))

    assert view.section("novalue").title == f"No value given in {VALUE_WINDOW_DAYS} days"
    assert f"next {COMING_UP_DAYS} days" in view.section("coming").blank.text
    assert view.grid_title == f"Attention, last {WEEKS} weeks"
    assert view.weekly_label == f"weekly, {WEEKS} weeks: "


def test_rows_carry_what_they_lead_to_and_the_same_words_in_both_views(store: Store) -> None:
    today = store.clock.today()
    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    promise = store.followups.save(
        FollowUp(person_id=ana.id, text="Send the deck", due=today - timedelta(days=2))
    )
    agenda = build_agenda(store)
    view = describe_agenda(agenda)
    text = render_text(agenda)

    (due,) = view.section("due").rows
    assert due.target == ana.id
    assert due.plain == "Ana Lima  never met · due today"
    (row,) = view.section("promises").rows
    assert row.target == promise.id
    assert ("Send the deck", "") in row.spans
    assert f"  - {row.plain}" in text
    assert view.section("due").title == "Due and overdue (1)"
