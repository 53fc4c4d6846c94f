"""The merge on its own: the properties that make copies converge, proved with Hypothesis."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brilliance.store.merge import TOMBSTONE_TABLE, Tables, compact, merge, tombstone_key
from brilliance.store.migrations import add_stamps
from brilliance.store.stamps import (
    MIGRATION_DEVICE,
    STAMP_KEY,
    HybridClock,
    make_stamp,
    migration_stamp,
    stamp_of,
)

TABLES = ("people", "journal", "profile")
IDS = ("a", "b", "c")

# A loaded CI machine must not fail these on timing: the checks are about the merge.
relaxed = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

stamps = st.builds(
    make_stamp,
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(["00000001", "00000002", "00000003"]),
)
versions = st.one_of(
    st.none(),  # a tombstone
    st.fixed_dictionaries({"name": st.sampled_from(["x", "y", "z"])}),
)


@st.composite
def copies(draw: st.DrawFn) -> Tables:
    """A copy of the data: a few records and tombstones, each with a stamp."""
    tables: Tables = {name: {} for name in TABLES}
    tables[TOMBSTONE_TABLE] = {}
    for name in TABLES:
        for record_id in draw(st.sets(st.sampled_from(IDS))):
            stamp = draw(stamps)
            content = draw(versions)
            if content is None:
                tables[TOMBSTONE_TABLE][tombstone_key(name, record_id)] = {STAMP_KEY: stamp}
            else:
                tables[name][record_id] = {**content, STAMP_KEY: stamp}
    return tables


def same(a: Tables, b: Tables) -> bool:
    """Equal content, ignoring empty tables."""
    return {k: v for k, v in a.items() if v} == {k: v for k, v in b.items() if v}


@relaxed
@given(copies(), copies())
def test_merge_is_commutative(a: Tables, b: Tables) -> None:
    assert same(merge(a, b).tables, merge(b, a).tables)


@relaxed
@given(copies(), copies(), copies())
def test_merge_is_associative(a: Tables, b: Tables, c: Tables) -> None:
    left = merge(merge(a, b).tables, c).tables
    right = merge(a, merge(b, c).tables).tables
    assert same(left, right)


@relaxed
@given(copies())
def test_merge_is_idempotent(a: Tables) -> None:
    merged = merge(a, a)
    assert same(merged.tables, merge(merge(a, a).tables, a).tables)
    assert not merged.changed


@relaxed
@given(copies(), copies())
def test_merging_twice_changes_nothing_more(a: Tables, b: Tables) -> None:
    once = merge(a, b).tables
    again = merge(once, b)
    assert same(again.tables, once)
    assert not again.changed and not again.news_for_mine


@relaxed
@given(copies(), copies())
def test_the_news_flags_say_whether_a_side_differs(a: Tables, b: Tables) -> None:
    merged = merge(a, b)
    assert merged.news_for_mine == (not same(merged.tables, a))
    assert merged.news_for_theirs == (not same(merged.tables, b))


@relaxed
@given(copies(), st.lists(st.tuples(st.sampled_from(TABLES), st.sampled_from(IDS), versions)))
def test_an_older_copy_of_itself_changes_nothing(start: Tables, edits: list[Any]) -> None:
    """Edit a copy the way a device does (each change newer than all it has seen); merging
    the result with any earlier state of itself leaves it as it is."""
    clock = HybridClock(lambda: 3, lambda: "0000000a")
    clock.observe_all(stamp_of(r) for table in start.values() for r in table.values())
    states = [start]
    current = start
    for table, record_id, content in edits:
        current = {name: dict(records) for name, records in current.items()}
        key = tombstone_key(table, record_id)
        if content is None:
            current[table].pop(record_id, None)
            current[TOMBSTONE_TABLE][key] = {STAMP_KEY: clock.next()}
        else:
            current[TOMBSTONE_TABLE].pop(key, None)
            current[table][record_id] = {**content, STAMP_KEY: clock.next()}
        states.append(current)
    for older in states:
        merged = merge(current, older)
        assert same(merged.tables, current)
        assert not merged.changed and not merged.news_for_mine
        assert not merge(older, current).news_for_theirs


@relaxed
@given(copies(), copies())
def test_a_record_lost_only_to_a_newer_tombstone(a: Tables, b: Tables) -> None:
    merged = merge(a, b).tables
    for side in (a, b):
        for name in TABLES:
            for record_id, record in side[name].items():
                if record_id in merged[name]:
                    assert stamp_of(merged[name][record_id]) >= stamp_of(record)
                else:
                    tomb = merged[TOMBSTONE_TABLE][tombstone_key(name, record_id)]
                    assert stamp_of(tomb) >= stamp_of(record)


def test_the_report_counts_from_my_side() -> None:
    mine: Tables = {"people": {"a": {"name": "x", STAMP_KEY: make_stamp(1, 0, "00000001")}}}
    theirs: Tables = {
        "people": {
            "a": {"name": "y", STAMP_KEY: make_stamp(2, 0, "00000002")},
            "b": {"name": "z", STAMP_KEY: make_stamp(2, 0, "00000002")},
        },
        TOMBSTONE_TABLE: {"people/c": {STAMP_KEY: make_stamp(2, 0, "00000002")}},
    }
    merged = merge(mine, theirs)
    assert merged.summary() == "1 added, 1 updated, 0 deleted"
    assert not merged.news_for_theirs
    gone = merge(theirs, {TOMBSTONE_TABLE: {"people/b": {STAMP_KEY: make_stamp(3, 0, "00000001")}}})
    assert gone.deleted == [("people", "b")]


def test_the_clock_never_goes_back() -> None:
    wall = [100]
    clock = HybridClock(lambda: wall[0], lambda: "0000000a")
    first = clock.next()
    wall[0] = 50  # the wall clock jumps back
    second = clock.next()
    clock.observe(make_stamp(900, 7, "0000000b"))  # another device, far ahead
    third = clock.next()
    assert first < second < third
    assert third > make_stamp(900, 7, "0000000b")


def test_old_tombstones_are_compacted_recent_ones_kept() -> None:
    day = 86_400_000
    tables: Tables = {
        TOMBSTONE_TABLE: {
            "people/old": {STAMP_KEY: make_stamp(1 * day, 0, "00000001")},
            "people/new": {STAMP_KEY: make_stamp(200 * day, 0, "00000001")},
        }
    }
    assert compact(tables, now_millis=250 * day) == 1
    assert set(tables[TOMBSTONE_TABLE]) == {"people/new"}


@settings(max_examples=50)
@given(st.sampled_from(["2026-11-01T09:30:00", "2020-01-01T00:00:00", None, "not a date"]))
def test_migration_stamps_are_the_same_on_every_device(updated_at: str | None) -> None:
    record = {"id": "a", "updated_at": updated_at}
    assert migration_stamp(record) == migration_stamp(dict(record))
    assert migration_stamp(record).endswith(MIGRATION_DEVICE)
    upgraded = add_stamps({"people": {"a": record}, "meta": {"schema": {"version": 1}}})
    assert upgraded["people"]["a"][STAMP_KEY] == migration_stamp(record)
    assert TOMBSTONE_TABLE in upgraded
