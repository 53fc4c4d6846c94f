"""Add or edit a person: every field, errors shown next to the field they are about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, TextArea

from brilliance.domain.dates import DateWordsError, parse_day
from brilliance.domain.errors import field_errors
from brilliance.domain.models import DEFAULT_CADENCE_DAYS, Person, join_list
from brilliance.domain.names import find_duplicates, tell_apart
from brilliance.domain.text import fold_name
from brilliance.screens.modals.form_base import FormError, FormScreen
from brilliance.widgets.date_field import DateField
from brilliance.widgets.long_text import LongTextArea


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text | list | area | check | int | date
    placeholder: str = ""
    wide: bool = False


PERSON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "Name", placeholder="required"),
    FieldSpec("headline", "Headline", placeholder="What they do, in a line"),
    FieldSpec("organisation", "Organisation"),
    FieldSpec("email", "Email", placeholder="name@example.com"),
    FieldSpec("phone", "Phone"),
    FieldSpec("on_list", "On my future-brilliance list", kind="check"),
    FieldSpec("cadence_days", "Meet every (days)", kind="int", placeholder="14"),
    FieldSpec("last_met", "Last met", kind="date", placeholder="yesterday, last fri, 2 nov"),
    FieldSpec("skills", "Skills", kind="list", placeholder="comma, separated"),
    FieldSpec("interests", "Interests", kind="list", placeholder="hiking, jazz, chess"),
    FieldSpec("goals", "Goals", kind="list", placeholder="raise a seed round, ..."),
    FieldSpec("wins", "Recent wins", kind="list", placeholder="shipped v2, ..."),
    FieldSpec("tags", "Tags", kind="list"),
    FieldSpec("partnership_prospect", "Prospective partner", kind="check"),
    FieldSpec("aspirations", "Aspirations", kind="area", wide=True),
    FieldSpec("how_i_can_help", "How I can help", kind="area", wide=True),
    FieldSpec("notes", "Notes", kind="area", wide=True),
)


def form_values(person: Person | None) -> dict[str, Any]:
    """What each form field shows for an existing person (or a new one)."""
    if person is None:
        return {"cadence_days": str(DEFAULT_CADENCE_DAYS), "on_list": True}
    values: dict[str, Any] = {}
    for spec in PERSON_FIELDS:
        value = getattr(person, spec.name)
        if spec.kind == "list":
            values[spec.name] = join_list(value)
        elif spec.kind == "date":
            values[spec.name] = value.isoformat() if isinstance(value, date) else ""
        elif spec.kind == "int":
            values[spec.name] = str(value)
        else:
            values[spec.name] = value
    return values


def build_person(existing: Person | None, raw: dict[str, Any]) -> Person:
    """Validate typed form values into a Person, keeping what the form does not show."""
    data: dict[str, Any] = existing.model_dump() if existing else {}
    for spec in PERSON_FIELDS:
        value = raw.get(spec.name)
        if spec.kind == "date":
            value = (value or "").strip() or None
        elif spec.kind == "int":
            value = (value or "").strip() or str(DEFAULT_CADENCE_DAYS)
        data[spec.name] = value
    return Person.model_validate(data)


def _rows(specs: tuple[FieldSpec, ...]) -> list[list[FieldSpec]]:
    """Two narrow fields side by side; a wide field on a row of its own."""
    rows: list[list[FieldSpec]] = []
    for spec in specs:
        if not spec.wide and rows and len(rows[-1]) == 1 and not rows[-1][0].wide:
            rows[-1].append(spec)
        else:
            rows.append([spec])
    return rows


class PersonForm(FormScreen[Person]):
    """Dismisses with the validated Person on ctrl+s, or None on escape (nothing saved).

    A FormScreen whose errors are shown under each field rather than on one line.
    """

    CSS_PATH = "person_form.tcss"
    HINT_TEXT = "Lists are typed comma-separated. ctrl+s saves, escape cancels."

    BINDINGS = [
        Binding("ctrl+o", "open_existing", "Open the existing person", show=False),
    ]

    def __init__(
        self,
        person: Person | None = None,
        today: date | None = None,
        others: list[Person] | None = None,
    ) -> None:
        super().__init__()
        self.person = person
        self.today = today or date.today()
        self.others = others or []
        """Everyone else in the network: a same name or email is pointed out before saving."""
        self.open_instead: str | None = None
        """Set when the user chose to open the existing namesake instead (ctrl+o)."""
        self._warned: tuple[str, str] | None = None
        self._duplicate_id: str | None = None

    def title_text(self) -> str:
        return f"Edit {self.person.name}" if self.person else "Add a person"

    def fields(self) -> ComposeResult:
        values = form_values(self.person)
        for row in _rows(PERSON_FIELDS):
            yield Horizontal(
                *(self._field(spec, values.get(spec.name)) for spec in row),
                classes="row",
            )

    def _field(self, spec: FieldSpec, value: Any) -> Widget:
        widget: Widget
        if spec.kind == "check":
            widget = Checkbox(spec.label, bool(value), id=f"f-{spec.name}", compact=True)
        elif spec.kind == "date":
            widget = DateField(
                str(value or ""),
                input_id=f"f-{spec.name}",
                today=self.today,
                direction="past",
                placeholder=spec.placeholder,
                optional=True,
            )
        elif spec.kind == "area":
            # ctrl+e writes it in $VISUAL / $EDITOR (issue 16).
            widget = LongTextArea(
                str(value or ""), id=f"f-{spec.name}", soft_wrap=True, compact=True
            )
        else:
            widget = Input(
                str(value or ""),
                placeholder=spec.placeholder,
                id=f"f-{spec.name}",
                restrict=r"[0-9]*" if spec.kind == "int" else None,
                compact=True,
            )
        label = Label("" if spec.kind == "check" else spec.label, classes="field-label")
        error = Label("", id=f"e-{spec.name}", classes="field-error")
        return Vertical(label, widget, error, classes="field")

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def _raw_values(self) -> dict[str, Any]:
        """What each field holds; dates as people say them become ISO dates (DateWordsError)."""
        raw: dict[str, Any] = {}
        for spec in PERSON_FIELDS:
            widget = self.query_one(f"#f-{spec.name}")
            if spec.kind == "date" and isinstance(widget, Input):
                text = widget.value.strip()
                raw[spec.name] = parse_day(text, self.today, "past").isoformat() if text else ""
            elif isinstance(widget, Checkbox):
                raw[spec.name] = widget.value
            elif isinstance(widget, TextArea):
                raw[spec.name] = widget.text
            elif isinstance(widget, Input):
                raw[spec.name] = widget.value
        return raw

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each message under its field and move to the first field that needs fixing."""
        first: Widget | None = None
        for spec in PERSON_FIELDS:
            message = errors.get(spec.name, "")
            error_label = self.query_one(f"#e-{spec.name}", Label)
            error_label.update(message)
            error_label.set_class(bool(message), "-shown")
            if message and first is None:
                first = self.query_one(f"#f-{spec.name}")
        if first is not None:
            first.focus()
            first.scroll_visible()

    def result(self) -> Person:
        try:
            person = build_person(self.person, self._raw_values())
        except DateWordsError as exc:
            self.show_errors({"last_met": f"{exc}."})
            raise FormError("1 field(s) to fix, marked below each one.") from None
        except ValidationError as exc:
            errors = field_errors(exc)
            self.show_errors(errors)
            raise FormError(f"{len(errors)} field(s) to fix, marked below each one.") from None
        if self._warn_of_duplicates(person):
            raise FormError("Someone like this is already in your network: see below.")
        return person

    def _warn_of_duplicates(self, person: Person) -> bool:
        """Point out a namesake or a shared email once; saving again saves all the same."""
        key = (fold_name(person.name), person.email.strip().casefold())
        duplicates = find_duplicates(person, self.others)
        if not duplicates or self._warned == key:
            return False
        self._warned = key
        first = duplicates[0]
        self._duplicate_id = first.person_id
        existing = next((p for p in self.others if p.id == first.person_id), None)
        about = f" ({tell_apart(existing).partition(' (')[2]}" if existing else ""
        field = "email" if "email" in first.reason else "name"
        self.show_errors(
            {
                field: f"{first.reason}{about}. ctrl+s saves this one as well; "
                "ctrl+o opens theirs instead."
            }
        )
        return True

    def action_open_existing(self) -> None:
        if self._duplicate_id is not None:
            self.open_instead = self._duplicate_id
            self.dismiss(None)
