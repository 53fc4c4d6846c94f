"""The prep sheet as a Markdown file in the data folder's exports (``x`` on the Prep screen)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from brilliance.domain.models import Person
from brilliance.domain.prep import PrepSheet, render_markdown
from brilliance.store.paths import EXPORTS_DIR_NAME
from brilliance.store.storage import atomic_write


def export_name(person: Person, day: object) -> str:
    """``prep-ana-lima-2026-11-24.md``: the person's name made safe for a file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", person.name.casefold()).strip("-") or "person"
    return f"prep-{slug}-{day}.md"


def export_prep_sheet(data_dir: Path, sheet: PrepSheet, today: date) -> Path:
    """Write ``sheet`` as Markdown into ``data_dir``'s exports folder; returns the file's path.

    Raises OSError (the path is in its ``filename``) when the folder or file can't be written.
    """
    folder = data_dir / EXPORTS_DIR_NAME
    path = folder / export_name(sheet.person, today)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        atomic_write(path, render_markdown(sheet, today).encode("utf-8"))
    except OSError as exc:
        exc.filename = str(path)
        raise
    return path
