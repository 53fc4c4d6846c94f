"""The screens of the modes other than Today, imported when a mode is first opened.

The first frame only needs Today (issue 19: the other screens and their modals cost about a
tenth of the start's CPU time to import).
"""

from __future__ import annotations

from textual.screen import Screen


def people_screen() -> Screen[None]:
    from brilliance.screens.people import PeopleScreen

    return PeopleScreen()


def prep_screen() -> Screen[None]:
    from brilliance.screens.prep import PrepScreen

    return PrepScreen()


def journal_screen() -> Screen[None]:
    from brilliance.screens.journal import JournalScreen

    return JournalScreen()


def review_screen() -> Screen[None]:
    from brilliance.screens.review import ReviewScreen

    return ReviewScreen()
