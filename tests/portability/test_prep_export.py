"""The prep sheet written as Markdown into the data folder's exports."""

from __future__ import annotations

from datetime import date

import pytest

from brilliance.domain.models import Person
from brilliance.domain.prep import build_sheet
from brilliance.portability.prep_export import export_name, export_prep_sheet
from brilliance.services.prep_inputs import gather_inputs
from brilliance.store.paths import EXPORTS_DIR_NAME
from brilliance.store.store import Store


def test_export_names_are_safe_file_names() -> None:
    assert export_name(Person(name="Ana Lima"), date(2026, 11, 24)) == (
        "prep-ana-lima-2026-11-24.md"
    )
    assert export_name(Person(name="../../etc"), "x") == "prep-etc-x.md"
    assert export_name(Person(name="李"), "x") == "prep-李-x.md"


def test_the_sheet_goes_into_the_exports_folder(store: Store) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    sheet = build_sheet(gather_inputs(store, ana, None))

    path = export_prep_sheet(store.data_dir, sheet, date(2026, 11, 24))

    assert path == store.data_dir / EXPORTS_DIR_NAME / "prep-ana-lima-2026-11-24.md"
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert "Ana Lima" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_names_the_file(store: Store) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True))
    sheet = build_sheet(gather_inputs(store, ana, None))
    (store.data_dir / EXPORTS_DIR_NAME).write_text("a file where the folder should be")

    with pytest.raises(OSError) as raised:
        export_prep_sheet(store.data_dir, sheet, date(2026, 11, 24))

    exports = store.data_dir / EXPORTS_DIR_NAME
    assert raised.value.filename == str(exports / "prep-ana-lima-2026-11-24.md")
    assert exports.read_text() == "a file where the folder should be"
