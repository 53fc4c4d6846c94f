"""The footer is built again only when the keys it shows change (issue 19: a Tab between Today's
lists rebuilt the same footer two or three times, 10-40 ms each at ten years)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from brilliance.widgets.keys_footer import KeysFooter


class Pane(Static, can_focus=True):
    BINDINGS = [Binding("x", "note", "Note")]

    def action_note(self) -> None:
        pass


class Other(Static, can_focus=True):
    BINDINGS = [Binding("y", "keep", "Keep")]
    allowed = True

    def action_keep(self) -> None:
        pass

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True if self.allowed else None  # None: shown dimmed


class Panes(App[None]):
    def compose(self) -> ComposeResult:
        yield Pane("a", id="a")
        yield Pane("b", id="b")
        yield Other("c", id="c")
        yield KeysFooter()


def keys(app: Panes) -> list[tuple[str, bool]]:
    return [(key.description, key.has_class("-disabled")) for key in app.query(FooterKey)]


async def test_a_focus_change_that_keeps_the_keys_keeps_the_footer() -> None:
    app = Panes()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#a"))
        await pilot.pause()
        await pilot.pause()
        built = list(app.query_one(KeysFooter).children)
        assert ("Note", False) in keys(app)
        app.set_focus(app.query_one("#b"))  # the same bindings
        await pilot.pause()
        await pilot.pause()
        assert list(app.query_one(KeysFooter).children) == built
        assert all(a is b for a, b in zip(app.query_one(KeysFooter).children, built, strict=True))


async def test_other_keys_are_shown_when_the_focus_brings_them() -> None:
    app = Panes()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#a"))
        await pilot.pause()
        app.set_focus(app.query_one("#c"))
        await pilot.pause()
        await pilot.pause()
        shown = keys(app)
        assert ("Keep", False) in shown
        assert all(description != "Note" for description, _ in shown)
        app.set_focus(app.query_one("#a"))
        await pilot.pause()
        await pilot.pause()
        assert ("Note", False) in keys(app)


async def test_a_key_that_becomes_unavailable_is_shown_dimmed() -> None:
    app = Panes()
    async with app.run_test() as pilot:
        other = app.query_one("#c", Other)
        app.set_focus(other)
        await pilot.pause()
        await pilot.pause()
        assert ("Keep", False) in keys(app)
        other.allowed = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert ("Keep", True) in keys(app)
