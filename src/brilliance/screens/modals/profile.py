"""My profile: my name, my interests (matched against other people's) and what I offer."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from brilliance.domain.errors import summary
from brilliance.domain.models import Profile, join_list, updated
from brilliance.domain.review import WEEKDAYS
from brilliance.screens.modals.form_base import FormError, FormScreen
from brilliance.widgets.long_text import LongTextArea


def profile_fields(profile: Profile) -> ComposeResult:
    yield Label("My name", classes="label")
    yield Input(profile.name, id="name", compact=True)
    yield Label(
        "My interests (comma-separated): the prep sheet finds the ones you share", classes="label"
    )
    yield Input(
        join_list(profile.interests),
        id="interests",
        compact=True,
        placeholder="hiking, jazz, chess",
    )
    yield Label("What I can offer people: skills, access, time", classes="label")
    yield LongTextArea(profile.offers, id="offers", soft_wrap=True, compact=True)  # ctrl+e
    yield Checkbox(
        "I live in the southern hemisphere (venue ideas follow the seasons)",
        profile.hemisphere == "south",
        id="south",
        compact=True,
    )


def read_profile(screen: DOMNode, profile: Profile) -> Profile:
    """The profile as typed in ``screen``'s fields; FormError if it does not validate."""
    try:
        return updated(
            profile,
            name=screen.query_one("#name", Input).value,
            interests=screen.query_one("#interests", Input).value,
            offers=screen.query_one("#offers", TextArea).text,
            hemisphere="south" if screen.query_one("#south", Checkbox).value else "north",
        )
    except ValidationError as exc:
        raise FormError(summary(exc)) from None


class ProfileScreen(FormScreen[Profile]):
    TITLE_TEXT = "My profile"

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def fields(self) -> ComposeResult:
        yield from profile_fields(self.profile)
        yield Label("My weekly review day (Today reminds me until it is written)", classes="label")
        yield Select[int](
            [(name, number) for number, name in enumerate(WEEKDAYS)],
            value=self.profile.review_day,
            allow_blank=False,
            id="review-day",
            compact=True,
        )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def result(self) -> Profile:
        profile = read_profile(self, self.profile)
        day = self.query_one("#review-day", Select).value
        return updated(profile, review_day=day) if isinstance(day, int) else profile
