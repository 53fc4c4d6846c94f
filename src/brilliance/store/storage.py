"""A TinyDB storage that reads the file once and writes every change atomically.

TinyDB's own JSONStorage re-reads the file on every query and rewrites it in place, so a kill
mid-write can leave a broken file. This storage keeps the whole database in memory and saves
by writing a temporary file in the same folder, flushing and fsyncing it, renaming it over the
data file, then fsyncing the folder. A reader (or a crash) sees the old file or the new one,
never a mix.

The file is written deterministically, sorted by table and record id, one record per line, so
that sync tools and git can diff and merge it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from brilliance.store.errors import ConflictError, SaveError

Tables = dict[str, dict[str, Any]]

FILE_MODE = 0o600


def serialize(tables: Tables) -> bytes:
    """The file's bytes: deterministic, one record per line."""
    chunks: list[bytes] = [b"{\n"]
    table_names = sorted(tables)
    for t_index, name in enumerate(table_names):
        records = tables[name]
        chunks.append(orjson.dumps(name) + b": {")
        ids = sorted(records)
        if ids:
            chunks.append(b"\n")
        for r_index, record_id in enumerate(ids):
            chunks.append(b"  ")
            chunks.append(orjson.dumps(record_id))
            chunks.append(b": ")
            chunks.append(orjson.dumps(records[record_id], option=orjson.OPT_SORT_KEYS))
            chunks.append(b",\n" if r_index < len(ids) - 1 else b"\n")
        chunks.append(b"}")
        chunks.append(b",\n" if t_index < len(table_names) - 1 else b"\n")
    chunks.append(b"}\n")
    return b"".join(chunks)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Some filesystems refuse this; that is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that it holds either the old or the new bytes, never a mix.

    Raises OSError (the file untouched) when any step before the rename fails.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_directory(path.parent)


FileStamp = tuple[int, int, int] | None
"""What identifies one version of the file on disk: inode, size and modification time."""


def file_stamp(path: Path) -> FileStamp:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """In-memory TinyDB storage persisted by atomic whole-file writes.

    ``initial`` is the already parsed and checked content of the file (``Store.open`` does the
    parsing, so that a damaged file is reported before TinyDB ever sees it).

    The storage remembers which version of the file it loaded or last wrote; if the file on
    disk has changed since (a sync tool, another device), it refuses to overwrite it blindly
    and raises ConflictError, keeping the change in memory.
    """

    def __init__(
        self,
        path: Path,
        initial: Tables,
        before_write: Callable[[], None] | None = None,
        after_write: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self._tables: Tables = initial
        self._batch_depth = 0
        self._unsaved = False
        self._before_write = before_write
        self._after_write = after_write
        self.stamp: FileStamp = file_stamp(path)
        self.saves = 0

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = data
        self._unsaved = True
        if self._batch_depth == 0:
            self.flush()

    def replace_all(self, tables: Tables) -> None:
        """Swap in new content (after a reload); written at the next flush."""
        self._tables = tables
        self._unsaved = True

    def adopt_disk(self, tables: Tables) -> None:
        """Take ``tables`` just read from the file as the current, saved state."""
        self._tables = tables
        self._unsaved = False
        self.stamp = file_stamp(self.path)

    @property
    def unsaved(self) -> bool:
        """True when memory holds changes the file does not (after a failed save)."""
        return self._unsaved

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer the one this storage loaded or last wrote."""
        return file_stamp(self.path) != self.stamp

    def flush(self, *, overwrite: bool = False) -> None:
        """Write memory to disk now, if anything changed.

        Raises ConflictError if the file changed on disk since it was loaded (unless
        ``overwrite``), SaveError if the disk refuses. Either way the file is untouched and
        the change stays in memory.
        """
        if not self._unsaved:
            return
        if not overwrite and self.changed_on_disk():
            raise ConflictError(self.path)
        data = serialize(self._tables)
        try:
            if self._before_write is not None:
                self._before_write()
            atomic_write(self.path, data)
        except OSError as exc:
            raise SaveError(self.path, exc) from exc
        self.stamp = file_stamp(self.path)
        self._unsaved = False
        self.saves += 1
        if self._after_write is not None:
            self._after_write()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one write at the end of the block."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0:
            self.flush()

    def close(self) -> None:
        pass
