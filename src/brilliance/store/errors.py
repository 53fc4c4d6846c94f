"""What can go wrong with the data file, each with a message that says what to do."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.backups import Suggestion


class StoreError(Exception):
    """Base for data-file problems; ``str()`` is a message for the user."""


class DamagedFileError(StoreError):
    """The data file does not parse or does not validate. It is left exactly as it is."""

    def __init__(self, path: Path, problem: str, suggestion: Suggestion | None = None) -> None:
        self.path = path
        self.problem = problem
        self.suggestion = suggestion
        advice = (
            f"The backup to put back is {suggestion.path} ({suggestion.about}); "
            f"`brilliance restore {suggestion.path.name}` puts it back after keeping a copy of "
            "the damaged file."
            if suggestion
            else "There is no backup yet. Fix the file by hand or move it aside to start afresh."
        )
        super().__init__(f"Cannot open {path}: {problem}\nThe file has not been changed. {advice}")


class NewerSchemaError(StoreError):
    """The data file was written by a newer version of Brilliance."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"Cannot open {path}: it was written by a newer version of Brilliance "
            f"(file format {found}; this version reads up to {supported}).\n"
            "The file has not been changed. Upgrade Brilliance to open it."
        )


class AlreadyOpenError(StoreError):
    """Another Brilliance process holds the data folder."""

    def __init__(self, data_dir: Path, pid: int | None) -> None:
        self.data_dir = data_dir
        self.pid = pid
        who = f"process {pid}" if pid else "another process"
        super().__init__(
            f"Brilliance is already open on {data_dir} ({who}). "
            "Close it first, or use another --data-dir. Nothing was written."
        )


class SaveError(StoreError):
    """A save failed; the file on disk is unchanged and the change is still held in memory."""

    def __init__(self, path: Path, cause: OSError) -> None:
        self.path = path
        self.cause = cause
        reason = cause.strerror or str(cause)
        super().__init__(
            f"Not saved: {reason} while writing {path}. The file on disk is unchanged and your "
            "change is kept in memory; it will be saved with the next change once the problem "
            "is fixed."
        )


class ReadOnlyError(SaveError):
    """The data folder cannot be written (a read-only folder or mount, no permission).

    Raised by the folder lock, and by every save of a store opened read-only because of it;
    the change stays in memory and nothing on disk is touched.
    """

    def __init__(
        self, data_dir: Path, cause: OSError | None = None, *, saving: bool = False
    ) -> None:
        cause = cause or OSError(errno.EROFS, os.strerror(errno.EROFS))
        super().__init__(data_dir, cause)
        reason = cause.strerror or str(cause)
        what = (
            "Not saved: the folder is open read-only, so this change stays in memory only"
            if saving
            else "Nothing was changed"
        )
        StoreError.__init__(
            self,
            f"{data_dir} cannot be written ({reason}). {what}. Make the folder writable and "
            "start again, or copy it elsewhere and use --data-dir.",
        )


class ConflictError(StoreError):
    """The data file changed on disk and that version cannot be merged (damaged, or written by
    a newer Brilliance); nothing was overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"Not saved: {path} changed on disk and cannot be merged ({reason}). Nothing was "
            "overwritten and your change is kept in memory; move that file aside (Brilliance "
            "then writes everything it holds back) or fix it, and the next change saves."
        )
