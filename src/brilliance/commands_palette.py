"""Our commands in Textual's command palette, alongside (not instead of) Textual's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from brilliance.app import BrillianceApp


class PeopleCommands(Provider):
    """ "Add person" and "Open person: NAME", fuzzy on names."""

    @property
    def brilliance(self) -> BrillianceApp:
        return cast("BrillianceApp", self.app)

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.brilliance
        commands: list[tuple[str, str, object]] = [
            ("Add person", "Add someone to your list or network", app.action_add_person),
        ]
        for person in sorted(app.store.people.all(), key=lambda p: p.name.casefold()):
            commands.append(
                (
                    f"Prepare for {person.name}",
                    "Open the prep sheet for your next meeting with them",
                    lambda person_id=person.id: app.run_action(f"prepare({person_id!r})"),
                )
            )
            commands.append(
                (
                    f"Open person: {person.name}",
                    person.headline or "Show everything about them",
                    lambda person_id=person.id: app.open_person(person_id),
                )
            )
        return commands

    async def discover(self) -> Hits:
        app = self.brilliance
        yield DiscoveryHit("Add person", app.action_add_person, help="Add someone new")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
