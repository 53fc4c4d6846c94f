"""Venue ideas fit the month, north or south."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from brilliance import assets
from brilliance.domain.seasons import Season, fits_season, in_season, season_of


def test_seasons_by_month_and_hemisphere() -> None:
    assert season_of(date(2026, 12, 11)) is Season.WINTER
    assert season_of(date(2026, 12, 11), "south") is Season.SUMMER
    assert season_of(date(2026, 7, 1)) is Season.SUMMER
    assert season_of(date(2026, 7, 1), "south") is Season.WINTER
    assert season_of(date(2026, 4, 1)) is Season.SPRING
    assert season_of(date(2026, 4, 1), "south") is Season.AUTUMN


@given(st.dates())
def test_the_hemispheres_are_six_months_apart(day: date) -> None:
    opposite = {
        Season.WINTER: Season.SUMMER,
        Season.SUMMER: Season.WINTER,
        Season.SPRING: Season.AUTUMN,
        Season.AUTUMN: Season.SPRING,
    }
    assert season_of(day, "south") is opposite[season_of(day, "north")]


def test_no_picnic_in_a_park_in_december() -> None:
    picnic = "a picnic in a park on a fine day"
    assert not fits_season(picnic, Season.WINTER)
    assert not fits_season(picnic, Season.AUTUMN)
    assert fits_season(picnic, Season.SUMMER)
    assert fits_season("a quiet café near their office", Season.WINTER)
    winter = in_season(assets.meeting_kinds(), season_of(date(2026, 12, 11)))
    venues = [v for kind in winter for v in kind.venues]
    assert picnic not in venues and venues
    assert all(kind.venues for kind in winter)
    (walk,) = [kind for kind in winter if kind.id == "walk"]
    assert walk.venues == ("a walk between two neighbourhoods you both like",)
    summer = in_season(assets.meeting_kinds(), season_of(date(2026, 12, 11), "south"))
    assert picnic in [v for kind in summer for v in kind.venues]
