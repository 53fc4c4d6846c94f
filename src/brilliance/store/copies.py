"""Other copies of the data: sync tools' conflict copies, and any file merged by hand.

Syncthing keeps one version of a file both devices changed and renames the other
``brilliance.sync-conflict-YYYYMMDD-HHMMSS-DEVICEID.json``; Dropbox writes
``brilliance (DEVICE's conflicted copy YYYY-MM-DD).json``. At every open the store merges each
such copy in, writes the result, and only then moves the copy to ``conflicts/merged/``: it is
kept, never deleted. A damaged copy is reported and left where it is.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brilliance.store.codec import PLAIN, Codec
from brilliance.store.crypto import is_encrypted
from brilliance.store.errors import StoreError
from brilliance.store.merge import Merged

# The names live with the folder's other names: Today's summary checks for copies without
# loading the merge (issue 19).
from brilliance.store.paths import is_conflict_copy
from brilliance.store.storage import atomic_write, fsync_directory
from brilliance.store.sync import merge_into, read_copy

if TYPE_CHECKING:
    from brilliance.store.store import Store

CONFLICTS_DIR = "conflicts"
MERGED_DIR = "merged"


def conflict_copies(data_dir: Path) -> list[Path]:
    """The sync tools' conflict copies of the data file in ``data_dir``, oldest name first."""
    try:
        names = sorted(entry.name for entry in os.scandir(data_dir) if entry.is_file())
    except OSError:
        return []
    return [data_dir / name for name in names if is_conflict_copy(name)]


@dataclass
class CopyMerged:
    """What merging one copy did."""

    path: Path
    merged: Merged
    kept_at: Path | None = None


def merge_copy(store: Store, path: Path, *, persist: bool = True) -> CopyMerged:
    """Merge the copy at ``path`` into the store and (with ``persist``) write the result.

    Raises StoreError (DamagedFileError, NewerSchemaError, SaveError, ConflictError) with the
    store's file untouched; the copy itself is never changed.
    """
    merged = merge_into(store, read_copy(path, store.codec), path)
    if persist and (merged.changed or store.storage.unsaved):
        store.storage.mark_unsaved()
        store.flush()
    return CopyMerged(path, merged)


def keep_aside(data_dir: Path, copy: Path, codec: Codec | None = None) -> Path:
    """Move a merged copy into ``conflicts/merged/`` under a name not yet taken.

    In an encrypted folder (``codec`` not plain) a plain copy, made by a device that was not
    yet encrypted, is kept encrypted: everything Brilliance keeps in the folder is (issue 18).
    """
    folder = data_dir / CONFLICTS_DIR / MERGED_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / copy.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{copy.stem}.{number}{copy.suffix}"
    if codec is not None and codec is not PLAIN:
        raw = copy.read_bytes()
        if not is_encrypted(raw):
            atomic_write(target, codec.encode(raw))
            copy.unlink()
            fsync_directory(data_dir)
            return target
    os.replace(copy, target)
    fsync_directory(folder)
    fsync_directory(data_dir)
    return target


def merge_conflict_copies(store: Store, *, persist: bool) -> list[CopyMerged]:
    """Merge every conflict copy in the store's folder, one notice each.

    With ``persist`` (the folder's lock held) the result is written before each copy is moved
    to ``conflicts/merged/``; without it (a read-only look) they are merged in memory only and
    stay where they are.
    """
    done: list[CopyMerged] = []
    for path in conflict_copies(store.data_dir):
        try:
            result = merge_copy(store, path, persist=persist)
        except StoreError as exc:
            store.notice(
                f"Conflict copy {path.name} was not merged: {str(exc).splitlines()[0]} "
                "It is left where it is."
            )
            continue
        if persist:
            with contextlib.suppress(OSError):
                result.kept_at = keep_aside(store.data_dir, path, store.codec)
        where = f"moved to {CONFLICTS_DIR}/{MERGED_DIR}/" if result.kept_at else "left where it is"
        store.notice(f"Merged conflict copy {path.name}: {result.merged.summary()}; {where}.")
        done.append(result)
    return done
