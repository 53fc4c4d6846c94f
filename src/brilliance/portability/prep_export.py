"""The prep sheet as a Markdown file in the data folder's exports (``x`` on the Prep screen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from brilliance.domain.models import Person
from brilliance.domain.prep import PrepSheet
from brilliance.domain.prep_markdown import render_markdown
from brilliance.domain.timeline import LastTime, with_last_time
from brilliance.store.paths import EXPORTS_DIR_NAME
from brilliance.store.safe_files import file_slug, write_new_file


def export_name(person: Person, day: object) -> str:
    """``prep-ana-lima-2026-11-24.md``: the person's name, in any script, made safe for a file."""
    return f"prep-{file_slug(person.name)}-{day}.md"


def export_prep_sheet(
    data_dir: Path, sheet: PrepSheet, today: date, last: LastTime | None = None
) -> Path:
    """Write ``sheet`` as Markdown into ``data_dir``'s exports folder; returns the file's path.

    An earlier export is never replaced: a second sheet the same day gets ``-2`` (issue 13.15).
    Raises OSError (the path is in its ``filename``) when the folder or file can't be written.
    """
    path = data_dir / EXPORTS_DIR_NAME / export_name(sheet.person, today)
    try:
        # The sheet opens with the last meeting held (issue 14.2).
        text = with_last_time(render_markdown(sheet, today), last, today, sheet.person.last_met)
        return write_new_file(path, text.encode("utf-8"))
    except OSError as exc:
        exc.filename = str(path)
        raise
