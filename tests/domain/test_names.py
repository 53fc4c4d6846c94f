"""Finding people by name: one folding rule, the list preferred, namesakes told apart."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from brilliance.domain.cadence import matches_filter
from brilliance.domain.journal import suggest_names, with_text
from brilliance.domain.models import JournalEntry, Person
from brilliance.domain.names import find_duplicates, resolve_name, tell_apart
from brilliance.domain.text import fold_name, parse_mentions

ANA_LIST = Person(name="Ana Lima", on_list=True, headline="Designer", organisation="Acme")
ANA_WIDE = Person(name="Ana Lima", headline="Baker")
TOMAS = Person(name="Tomás Ruiz", email="tomas@example.com")
ZOE = Person(name="Zoë Park")
ZOE_PLAIN = Person(name="Zoe Park")
PEOPLE = [ANA_WIDE, ANA_LIST, TOMAS, ZOE, ZOE_PLAIN]


def test_fold_name_ignores_case_accents_and_spacing() -> None:
    assert fold_name("  Tomás   RUIZ ") == "tomas ruiz"
    assert fold_name("Jürgen") == "jurgen"


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    assert fold_name(fold_name(text)) == fold_name(text)


def test_an_exact_name_prefers_the_person_on_the_list() -> None:
    assert resolve_name("Ana Lima", PEOPLE).person == ANA_LIST
    assert resolve_name("ana", PEOPLE).person == ANA_LIST


def test_a_name_still_ambiguous_lists_the_candidates() -> None:
    both_wide = [ANA_WIDE, ANA_WIDE.model_copy(update={"id": "other", "headline": "Chef"})]
    found = resolve_name("Ana Lima", both_wide)
    assert found.person is None and len(found.candidates) == 2
    assert tell_apart(ANA_LIST) == "Ana Lima (Designer · Acme, on the list)"
    assert tell_apart(Person(name="Bo")) == "Bo (wider network)"
    parts = resolve_name("a", [ANA_LIST, TOMAS])
    assert parts.person is None and parts.candidates == []  # one letter is not guessed


def test_accents_are_found_both_ways_and_an_exact_spelling_wins() -> None:
    assert resolve_name("tomas", PEOPLE).person == TOMAS
    assert resolve_name("Tomas Ruiz", PEOPLE).person == TOMAS
    assert resolve_name("Zoë Park", PEOPLE).person == ZOE
    assert resolve_name("Zoe Park", PEOPLE).person == ZOE_PLAIN
    assert matches_filter(TOMAS, "tomas")
    assert suggest_names("tomas", PEOPLE) == [TOMAS]
    assert parse_mentions("lunch with @Tomas Ruiz", PEOPLE).people == [TOMAS.id]
    assert parse_mentions("lunch with @tomas", PEOPLE).people == [TOMAS.id]
    assert parse_mentions("@Zoë Park and @Zoe Park", PEOPLE).people == [ZOE.id, ZOE_PLAIN.id]


def test_duplicates_by_name_or_email() -> None:
    new = Person(name="ana  LIMA")
    assert {d.person_id for d in find_duplicates(new, PEOPLE)} == {ANA_LIST.id, ANA_WIDE.id}
    same_mail = Person(name="T. Ruiz", email="TOMAS@example.com")
    (dup,) = find_duplicates(same_mail, PEOPLE)
    assert dup.person_id == TOMAS.id and "email" in dup.reason
    assert find_duplicates(TOMAS, PEOPLE) == []  # not a duplicate of itself


def test_a_chosen_namesake_stays_linked_and_both_can_be_mentioned() -> None:
    entry = JournalEntry(written_at=datetime(2026, 11, 24, 9))
    one = with_text(entry, "Coffee with @Ana Lima", PEOPLE, [ANA_WIDE.id])
    assert one.people == [ANA_WIDE.id]
    both = with_text(one, "@Ana Lima and @Ana Lima", PEOPLE, [ANA_LIST.id])
    assert set(both.people) == {ANA_WIDE.id, ANA_LIST.id}
    gone = with_text(both, "No one today", PEOPLE)
    assert gone.people == []
    unchosen = with_text(entry, "Coffee with @Ana Lima", [ANA_LIST, ANA_WIDE])
    assert len(unchosen.people) == 1
