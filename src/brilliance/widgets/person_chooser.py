"""Whom to prepare for: the list, most overdue first, then others with a meeting planned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brilliance.domain.cadence import SortOrder, days_until_due, describe_due, sort_people
from brilliance.domain.meetings import next_planned
from brilliance.domain.models import Meeting, MeetingStatus, Person

EMPTY = "No one on your list yet: press 2, then a, to add someone."


def people_to_prepare(
    people: Sequence[Person], meetings: Sequence[Meeting], today: date
) -> list[Person]:
    """Everyone on the list by due date, then anyone else with a planned meeting, by name."""
    chosen = sort_people([p for p in people if p.on_list], SortOrder.DUE, today)
    planned_ids = {m.person_id for m in meetings if m.status is MeetingStatus.PLANNED}
    chosen += sorted(
        (p for p in people if not p.on_list and p.id in planned_ids),
        key=lambda p: p.name.casefold(),
    )
    return chosen


class PersonChooser(OptionList):
    """One line per person (when they are due, their next plan); an option's id is theirs.

    Selecting one posts OptionList.OptionSelected, as any option list does.
    """

    def show(self, people: Sequence[Person], meetings: Sequence[Meeting], today: date) -> None:
        """Fill the list from these records, keeping the highlight where it was."""
        keep = self.highlighted
        self.clear_options()
        chosen = people_to_prepare(people, meetings, today)
        if not chosen:
            self.add_option(Option(EMPTY, disabled=True))
            return
        by_person: dict[str, list[Meeting]] = {}
        for meeting in meetings:
            by_person.setdefault(meeting.person_id, []).append(meeting)
        for person in chosen:
            plan = next_planned(by_person.get(person.id, []), today)
            parts = []
            if person.on_list:
                parts.append(describe_due(days_until_due(person, today)))
            if plan is not None:
                parts.append(f"planned {plan.when:%a %d %b %H:%M}, {plan.kind}")
            self.add_option(
                Option(
                    Content.assemble((person.name, "bold"), ("  " + " · ".join(parts), "dim")),
                    id=person.id,
                )
            )
        self.highlighted = min(keep or 0, self.option_count - 1)
