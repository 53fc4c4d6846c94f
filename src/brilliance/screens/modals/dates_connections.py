"""A person's important dates and who they know: one form, reached with d on their page."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Label, TextArea

from brilliance.domain.errors import summary
from brilliance.domain.important_dates import format_date_line, parse_date_line
from brilliance.domain.models import ImportantDate, Person, join_list, split_list
from brilliance.screens.modals.form_base import FormError, FormScreen


class DatesAndConnections:
    """What the form returns."""

    def __init__(self, dates: list[ImportantDate], introduced_by: str, knows: list[str]) -> None:
        self.dates = dates
        self.introduced_by = introduced_by
        self.knows = knows


class DatesConnectionsScreen(FormScreen[DatesAndConnections]):
    HINT_TEXT = (
        "One date a line: birthday 1990-03-14, birthday 03-14 (no year), work anniversary "
        "2015-01-05, thesis defence 2027-05-20 once. ctrl+s saves, escape cancels."
    )

    def __init__(self, person: Person, people: Sequence[Person]) -> None:
        super().__init__()
        self.person = person
        self.others = [p for p in people if p.id != person.id]

    def title_text(self) -> str:
        return f"Dates and connections: {self.person.name}"

    def _name_of(self, person_id: str) -> str:
        return next((p.name for p in self.others if p.id == person_id), "")

    def fields(self) -> ComposeResult:
        person = self.person
        yield Label("Important dates", classes="label")
        yield TextArea(
            "\n".join(format_date_line(d) for d in person.important_dates),
            id="dates",
            compact=True,
        )
        yield Label("Introduced to me by (a name in your network)", classes="label")
        yield Input(self._name_of(person.introduced_by), id="introduced-by", compact=True)
        yield Label("Knows, in my network (comma-separated names)", classes="label")
        names = [n for n in (self._name_of(i) for i in person.knows) if n]
        yield Input(join_list(names), id="knows", compact=True)

    def on_mount(self) -> None:
        self.query_one("#dates", TextArea).focus()

    def _find(self, name: str) -> Person:
        wanted = name.strip().casefold()
        found = [p for p in self.others if p.name.casefold() == wanted]
        if not found:
            found = [p for p in self.others if p.name.casefold().startswith(wanted)]
        if len(found) != 1:
            problem = "no one" if not found else "more than one person"
            raise FormError(f"'{name}': {problem} in your network by that name.")
        return found[0]

    def result(self) -> DatesAndConnections:
        dates = []
        for line in self.query_one("#dates", TextArea).text.splitlines():
            if not line.strip():
                continue
            try:
                dates.append(parse_date_line(line))
            except ValidationError as exc:
                raise FormError(f"'{line.strip()}': {summary(exc)}") from None
            except ValueError as exc:
                raise FormError(str(exc)) from None
        by = self.query_one("#introduced-by", Input).value.strip()
        introduced_by = self._find(by).id if by else ""
        knows = [self._find(n).id for n in split_list(self.query_one("#knows", Input).value)]
        return DatesAndConnections(dates, introduced_by, list(dict.fromkeys(knows)))
