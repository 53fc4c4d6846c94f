"""Keeping a promise with ``space`` and taking it back with ``u``: the same on every screen
that shows promises (Today, the prep sheet, a person's timeline)."""

from __future__ import annotations

from brilliance.domain.models import FollowUp, updated
from brilliance.screens.base import BrillianceScreen


class PromiseKeeper:
    """Marks promises kept for one screen and remembers the last one, for undo."""

    def __init__(self, screen: BrillianceScreen) -> None:
        self.screen = screen
        self.last_kept: FollowUp | None = None

    def keep(self, followup_id: str | None) -> FollowUp | None:
        """Mark the promise kept today; None when there is none or the save failed."""
        screen = self.screen
        followup = screen.store.followups.get(followup_id) if followup_id else None
        if followup is None or followup.done:
            return None
        done = updated(followup, done=True, done_on=screen.clock.today())
        if screen.attempt_save(lambda: screen.store.followups.save(done)) is None:
            return None
        self.last_kept = followup
        screen.notify(f"Kept: {followup.text}. u undoes.", title="Promise kept")
        return done

    def undo(self) -> FollowUp | None:
        """Open the last kept promise again."""
        screen = self.screen
        kept = self.last_kept
        current = screen.store.followups.get(kept.id) if kept else None
        if kept is None or current is None:
            return None
        reopened = updated(current, done=False, done_on=None)
        if screen.attempt_save(lambda: screen.store.followups.save(reopened)) is None:
            return None
        self.last_kept = None
        screen.notify(f"Open again: {kept.text}")
        return reopened
