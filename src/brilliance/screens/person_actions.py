"""Adding, editing and moving a person: shared by the List, the detail view and the palette."""

from __future__ import annotations

from collections.abc import Callable

from brilliance.domain.models import LIST_SIZE_GOAL, Person, updated
from brilliance.domain.timeline import with_goal_change
from brilliance.screens.base import BrillianceScreen
from brilliance.screens.modals.person_form import PersonForm
from brilliance.screens.navigation import OpenPerson
from brilliance.store.store import Store


def list_size_note(store: Store) -> str | None:
    """A gentle word when the list grows past a dozen, or None."""
    count = len(store.people.on_list())
    if count <= LIST_SIZE_GOAL:
        return None
    return (
        f"That makes {count} people on your list. The practice is about a dozen, so that each "
        "gets two meetings a month; you might move someone to the wider network with m."
    )


def edit_person(
    screen: BrillianceScreen,
    person: Person | None,
    on_saved: Callable[[Person], None] | None = None,
) -> None:
    """Open the person form; save what it returns and tell the user what happened."""
    was_on_list = person.on_list if person else False

    others = [p for p in screen.store.people.all() if person is None or p.id != person.id]
    form = PersonForm(person, screen.clock.today(), others)

    def saved(result: Person | None) -> None:
        if result is None:
            if form.open_instead is not None:
                screen.post_message(OpenPerson(form.open_instead))
            return
        result = with_goal_change(person, result, screen.clock.today())
        stored = screen.attempt_save(lambda: screen.store.people.save(result))
        if stored is None:
            return
        app = screen.app
        app.notify(f"Saved {stored.name}.")
        if stored.on_list and not was_on_list:
            note = list_size_note(screen.store)
            if note:
                app.notify(note, title="About a dozen", timeout=8)
        if on_saved is not None:
            on_saved(stored)

    screen.app.push_screen(form, saved)


def move_person(screen: BrillianceScreen, person: Person) -> Person | None:
    """Move ``person`` onto the list or out to the wider network; say so. None if not saved."""
    moved = updated(person, on_list=not person.on_list)
    saved = screen.attempt_save(lambda: screen.store.people.save(moved))
    if saved is None:
        return None
    if saved.on_list:
        screen.notify(f"{saved.name} is on your list now.")
        note = list_size_note(screen.store)
        if note:
            screen.notify(note, title="About a dozen", timeout=8)
    else:
        screen.notify(f"{saved.name} moved to your wider network.")
    return saved
