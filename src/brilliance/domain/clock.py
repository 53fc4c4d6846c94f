"""One place to ask what day it is, so tests and snapshots can freeze time."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell the current local date and time."""

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """The real wall clock, in local time, to the second."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock stopped at one moment; ``advance`` moves it for tests."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()

    def set(self, moment: datetime) -> None:
        self.moment = moment
