"""Writing text in the user's own editor: ``$VISUAL``, else ``$EDITOR``.

Used by ``brilliance note --edit`` and by ctrl+e in the app's long text fields (which suspend
the app around it). Standard library only, so quick capture stays quick.

The text goes through a temporary file created private (0600) inside the data folder, never in
a shared ``/tmp``, and the file is removed afterwards whatever happens. An editor that exits
non-zero, or cannot be started, raises :class:`EditorFailed`: the caller keeps its text.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

EDIT_FILE_PREFIX = ".brilliance-edit-"


class EditorFailed(Exception):
    """The editor could not run or exited with an error; ``str()`` says which, for the user."""


def find_editor(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command line of the user's editor (``$VISUAL`` first, as Unix tools do), or None."""
    environ = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:  # an unclosed quote: take the setting as one program name
                words = [value]
            if words:
                return words
    return None


def edit_text(text: str, folder: Path, editor: list[str], *, suffix: str = ".md") -> str:
    """Open ``text`` in ``editor`` and return what was saved.

    Raises :class:`EditorFailed` if the editor cannot start or exits non-zero, and OSError if
    the temporary file cannot be written in ``folder``.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # mkstemp creates the file readable and writable by its owner only (0600).
    handle, name = tempfile.mkstemp(prefix=EDIT_FILE_PREFIX, suffix=suffix, dir=folder)
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            # A text file ends with a newline (editors and `>>` expect one); taken off below.
            out.write(text if not text or text.endswith("\n") else text + "\n")
        program = editor[0]
        try:
            finished = subprocess.run([*editor, str(path)], check=False)
        except OSError as exc:
            raise EditorFailed(
                f"could not start the editor {program!r} ({exc.strerror or exc}); "
                "check $VISUAL or $EDITOR."
            ) from exc
        if finished.returncode != 0:
            raise EditorFailed(
                f"the editor {program!r} exited with status {finished.returncode}, "
                "so its text was not taken."
            )
        edited = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    # Editors end the file with a newline; don't let a one-line field grow one each time.
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited


def unfinished_edits(folder: Path) -> list[Path]:
    """Temporary files of editor sessions that never came back (Brilliance or the terminal was
    killed while the editor was open): they hold what was being written, so they are reported,
    never deleted."""
    try:
        return sorted(p for p in folder.glob(EDIT_FILE_PREFIX + "*") if p.is_file())
    except OSError:
        return []
