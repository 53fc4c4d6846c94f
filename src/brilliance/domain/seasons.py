"""Venue ideas that fit the month: no picnic in a park in December (or in July, down south)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Literal

from brilliance.domain.content import MeetingKind

Hemisphere = Literal["north", "south"]


class Season(StrEnum):
    WINTER = "winter"
    SPRING = "spring"
    SUMMER = "summer"
    AUTUMN = "autumn"


_NORTH = {
    12: Season.WINTER,
    1: Season.WINTER,
    2: Season.WINTER,
    3: Season.SPRING,
    4: Season.SPRING,
    5: Season.SPRING,
    6: Season.SUMMER,
    7: Season.SUMMER,
    8: Season.SUMMER,
    9: Season.AUTUMN,
    10: Season.AUTUMN,
    11: Season.AUTUMN,
}

OUTDOOR = ("picnic", "park", "hike", "riverside", "waterfront", "beach", "garden", "outdoor")
"""Words that put a venue idea outdoors: not for the cold months."""
FAIR_WEATHER = ("picnic", "beach", "fine day", "swim outdoors")
"""Ideas for warm days only: summer, not spring or autumn."""


def season_of(day: date, hemisphere: Hemisphere = "north") -> Season:
    """The season of ``day``'s month (meteorological seasons: whole months)."""
    month = day.month if hemisphere == "north" else (day.month + 5) % 12 + 1
    return _NORTH[month]


def fits_season(venue: str, season: Season) -> bool:
    """Whether a venue idea suits the season."""
    text = venue.casefold()
    if season is Season.WINTER:
        return not any(word in text for word in OUTDOOR)
    if season is not Season.SUMMER:
        return not any(word in text for word in FAIR_WEATHER)
    return True


def in_season(kinds: Iterable[MeetingKind], season: Season) -> list[MeetingKind]:
    """The kinds of meeting with only the venue ideas that suit ``season``; a kind left with
    none (a walk in winter, say) is left out."""
    fitting = []
    for kind in kinds:
        venues = tuple(v for v in kind.venues if fits_season(v, season))
        if venues:
            fitting.append(MeetingKind(kind.id, kind.label, venues))
    return fitting
