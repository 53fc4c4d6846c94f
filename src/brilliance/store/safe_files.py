"""Files Brilliance writes outside its data file: exports, prep sheets, copies.

- Every folder it creates is private (0700) and every file 0600, whatever the umask.
- A new file never replaces an earlier one: the name gets ``-2``, ``-3``... instead.
- File names keep the letters of every script (a sheet for 王小明 is not ``person.md``).
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from pathlib import Path

from brilliance.store.storage import atomic_write

FOLDER_MODE = 0o700
MAX_SLUG = 60


def file_slug(text: str, fallback: str = "person") -> str:
    """``text`` as part of a file name: letters and digits of any script, joined by dashes."""
    folded = unicodedata.normalize("NFC", text).casefold()
    slug = re.sub(r"[\W_]+", "-", folded).strip("-")[:MAX_SLUG].strip("-")
    return slug or fallback


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) as 0700, whatever the umask."""
    if folder.is_dir():
        return
    # Each missing level on its own: mkdir(parents=True) makes the parents with the umask's
    # mode (exports/ came out 0755 that way).
    private_folder(folder.parent)
    folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    os.chmod(folder, FOLDER_MODE)


def free_name(path: Path) -> Path:
    """``path``, or the first of ``name-2.ext``, ``name-3.ext``... that does not exist."""
    candidate, number = path, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def write_new_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (0600, atomically) or, if that name is taken, to the next
    free one; an earlier file is never replaced. Returns the path written. Raises OSError."""
    private_folder(path.parent)
    while True:
        target = free_name(path)
        try:
            atomic_write_new(target, data)
        except FileExistsError:
            continue  # taken between the look and the write: try the next name
        return target


def atomic_write_new(target: Path, data: bytes) -> None:
    """Like ``atomic_write``, but refuse (FileExistsError) to replace an existing file."""
    temporary = target.with_name(f".{target.name}.new")
    atomic_write(temporary, data)
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this filesystem
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
