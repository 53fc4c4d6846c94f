"""Requests for navigation that screens (and the command palette) send up to the app.

A screen posts one with ``self.post_message(...)``; it bubbles from the screen to the app,
which switches modes and opens the screen asked for. Screens never call into the app or into
each other's widgets to move around.
"""

from __future__ import annotations

from textual.message import Message


class OpenPerson(Message):
    """Show a person's detail view over the List."""

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id


class Prepare(Message):
    """Open the prep sheet for a person (and one of their meetings, or their next planned)."""

    def __init__(self, person_id: str, meeting_id: str | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.meeting_id = meeting_id


class OpenTodaysEntry(Message):
    """Open the Journal on today's entry (writing it if there is none yet)."""
