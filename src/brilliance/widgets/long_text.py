"""A TextArea for long text that ctrl+e hands to the user's own editor ($VISUAL, else $EDITOR).

The app is suspended while the editor runs (``App.suspend``) and the edited text replaces the
field's text as one change (so ctrl+z takes it back). The temporary file is private and removed
(see ``brilliance.editor``); an editor that fails leaves the field as it was, with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from brilliance.editor import EditorFailed, edit_text, find_editor


@dataclass(frozen=True)
class EditPlace:
    """Where ctrl+e's temporary file goes, and what to say first (widgets don't read the store)."""

    folder: Path
    warning: str | None = None  # e.g. an encrypted folder's: the editor's own files may leak


@runtime_checkable
class EditPlaceSource(Protocol):
    """What the app offers the field (the Brilliance app does; widgets don't import the app)."""

    def edit_place(self) -> EditPlace | None: ...


class LongTextArea(TextArea):
    """Use in place of ``TextArea`` for every field that can hold more than a line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Replaces TextArea's ctrl+e (end of line, which `end` still does).
        Binding("ctrl+e", "own_editor", "Your editor"),
    ]

    def edit_place(self) -> EditPlace | None:
        """Where the temporary file goes, as the app says (None outside Brilliance's app)."""
        return self.app.edit_place() if isinstance(self.app, EditPlaceSource) else None

    def action_own_editor(self) -> None:
        editor = find_editor()
        if editor is None:
            self.notify(
                "Set $VISUAL or $EDITOR (for example to nano or vim) to write here in your "
                "own editor.",
                title="No editor set",
                severity="warning",
            )
            return
        place = self.edit_place()
        if place is None:  # only when used outside Brilliance's app
            self.notify("No data folder to keep the temporary file in.", severity="error")
            return
        if place.warning:  # e.g. the editor's own swap files are beyond our reach
            self.notify(place.warning, title="Encrypted folder", timeout=10)
        before = self.text
        try:
            with self.app.suspend():
                edited = edit_text(before, place.folder, editor)
        except SuspendNotSupported:
            self.notify(
                "This terminal can't hand the screen to another program.",
                title="Editor",
                severity="warning",
            )
            return
        except EditorFailed as exc:
            self.notify(
                f"{str(exc)[0].upper()}{str(exc)[1:]} The field keeps its text.",
                title="Editor",
                severity="warning",
                timeout=10,
            )
            return
        except OSError as exc:
            self.notify(
                f"Could not write the temporary file: {exc.strerror or exc}. "
                "The field keeps its text.",
                title="Editor",
                severity="error",
                timeout=10,
            )
            return
        if self.text != before:  # changed meanwhile (cannot happen while suspended; be safe)
            return
        if edited != before:
            self.replace(edited, (0, 0), self.document.end)
            self.move_cursor(self.document.end)
        self.focus()
