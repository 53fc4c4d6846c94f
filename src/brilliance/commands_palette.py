"""Our commands in Textual's command palette, alongside (not instead of) Textual's own."""

from __future__ import annotations

from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from brilliance.screens.base import BrillianceHost
from brilliance.screens.navigation import OpenPerson, Prepare


class PeopleCommands(Provider):
    """ "Add person" and "Open person: NAME", fuzzy on names."""

    @property
    def brilliance(self) -> BrillianceHost:
        return cast(BrillianceHost, self.app)

    async def _add_person(self) -> None:
        await self.app.run_action("add_person")

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        commands: list[tuple[str, str, object]] = [
            ("Add person", "Add someone to your list or network", self._add_person),
        ]
        for person in sorted(self.brilliance.store.people.all(), key=lambda p: p.name.casefold()):
            commands.append(
                (
                    f"Prepare for {person.name}",
                    "Open the prep sheet for your next meeting with them",
                    lambda person_id=person.id: app.post_message(Prepare(person_id)),
                )
            )
            commands.append(
                (
                    f"Open person: {person.name}",
                    person.headline or "Show everything about them",
                    lambda person_id=person.id: app.post_message(OpenPerson(person_id)),
                )
            )
        return commands

    async def discover(self) -> Hits:
        yield DiscoveryHit("Add person", self._add_person, help="Add someone new")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
