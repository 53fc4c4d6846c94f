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

from brilliance.store.errors import ConflictError, SaveError, StoreError

Tables = dict[str, dict[str, Any]]

FILE_MODE = 0o600


class LineCache:
    """The serialized lines of the file, kept between saves so that a save only serializes what
    changed: each record's line while the record is the same object, and each table's block of
    lines while the table is the same object.

    That is sound because records and tables are replaced, never changed in place: a change
    puts a new record dict in a new table dict (TinyDB's ``_update_table``), and ``StrIdTable``
    refuses TinyDB's in-place updates. ``forget`` drops what a change touches as well, and
    ``clear`` everything, for content swapped in wholesale.

    One copy of the file only (issue 19, memory): each table's block, and where each record's
    line lies in it; a new block takes the unchanged lines from the old one.
    """

    def __init__(self) -> None:
        self.blocks: dict[str, _Block] = {}

    def forget(self, table: str, record_id: str) -> None:
        known = self.blocks.get(table)
        if known is not None:
            known.records = None  # the block no longer stands for any table
            known.spans.pop(record_id, None)

    def clear(self) -> None:
        self.blocks.clear()

    def held(self) -> int:
        """How many bytes of serialized lines are kept."""
        return sum(len(known.data) for known in self.blocks.values())

    def block(self, name: str, records: dict[str, Any]) -> bytes:
        """One table's records, one per line, sorted by id (no trailing newline)."""
        known = self.blocks.get(name)
        if known is not None and known.records is records:
            return known.data
        old_spans = known.spans if known is not None else {}
        old = memoryview(known.data) if known is not None else memoryview(b"")
        # Unchanged lines that followed each other in the old block are taken as one piece.
        pieces: list[bytes | memoryview] = []
        spans: dict[str, tuple[Any, int, int]] = {}
        offset = -len(SEPARATOR)
        run_start = run_end = -1  # the piece of the old block being taken, if any
        for record_id in sorted(records):
            record = records[record_id]
            offset += len(SEPARATOR)
            seen = old_spans.get(record_id)
            if seen is not None and seen[0] is record:
                start, end = seen[1], seen[2]
                if run_start < 0 or start != run_end + len(SEPARATOR):
                    if run_start >= 0:
                        pieces.append(old[run_start:run_end])
                    run_start = start
                run_end = end
                length = end - start
                if start == offset:  # before the first change: where it was
                    spans[record_id] = seen
                    offset += length
                    continue
            else:
                if run_start >= 0:
                    pieces.append(old[run_start:run_end])
                    run_start = -1
                line = record_line(record_id, record)
                pieces.append(line)
                length = len(line)
            spans[record_id] = (record, offset, offset + length)
            offset += length
        if run_start >= 0:
            pieces.append(old[run_start:run_end])
        data = SEPARATOR.join(pieces)
        self.blocks[name] = _Block(records, data, spans)
        return data


SEPARATOR = b",\n"
"""Between two records' lines."""


class _Block:
    """One table's serialized lines, and where each record's line lies in them."""

    __slots__ = ("data", "records", "spans")

    def __init__(
        self, records: dict[str, Any], data: bytes, spans: dict[str, tuple[Any, int, int]]
    ) -> None:
        self.records: dict[str, Any] | None = records
        """The table these lines were made from (None once a record of it was forgotten)."""
        self.data = data
        self.spans = spans
        """Each record's id: the record object and its line's start and end in ``data``."""


def record_line(record_id: str, record: Any) -> bytes:
    return b"".join(
        (b"  ", orjson.dumps(record_id), b": ", orjson.dumps(record, option=orjson.OPT_SORT_KEYS))
    )


def serialize(tables: Tables, cache: LineCache | None = None) -> bytes:
    """The file's bytes: deterministic, one record per line, tables and records sorted.

    With a ``cache`` (see :class:`LineCache`), what has not changed since the last call is not
    serialized again.
    """
    cache = cache if cache is not None else LineCache()
    chunks: list[bytes] = [b"{\n"]
    table_names = sorted(tables)
    for t_index, name in enumerate(table_names):
        records = tables[name]
        chunks.append(orjson.dumps(name) + b": {")
        if records:
            chunks += (b"\n", cache.block(name, records), b"\n")
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


def atomic_write(path: Path, data: bytes | bytearray) -> None:
    """Replace ``path`` with ``data`` so that it holds either the old or the new bytes, never a mix.

    Raises OSError (the file untouched) when any step before the rename fails. A symbolic
    link (a data file kept in a cloud folder) is written through: the new bytes replace its
    target, in the target's own folder, and the link stays a link (issue 13.7).
    """
    path = Path(os.path.realpath(path))
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


FileStamp = tuple[int, int, int, int] | None
"""What identifies one version of the file on disk: inode, size, modification and change time."""


def file_stamp(path: Path) -> FileStamp:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class AtomicJSONStorage(Storage):
    """In-memory TinyDB storage persisted by atomic whole-file writes.

    ``initial`` is the already parsed and checked content of the file (``Store.open`` does the
    parsing, so that a damaged file is reported before TinyDB ever sees it).

    The storage remembers which version of the file it loaded, merged or last wrote; if the
    file on disk has changed since (a sync tool, another device), it never overwrites it
    blindly: ``reconcile`` (the store's merge) brings the disk's version in first. It raises
    ConflictError when that version cannot be merged, keeping the change in memory.
    """

    def __init__(
        self,
        path: Path,
        initial: Tables,
        before_write: Callable[[], None] | None = None,
        after_write: Callable[[], None] | None = None,
        encode: Callable[[bytes], bytes | bytearray] | None = None,
        reconcile: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self._encode = encode
        """Turns the serialized file into the bytes written (encryption; see store.codec)."""
        self._tables: Tables = initial
        self._batch_depth = 0
        self._unsaved = False
        self._before_write = before_write
        self._after_write = after_write
        self._reconcile = reconcile
        self.stamp: FileStamp = file_stamp(path)
        self.saves = 0
        self._lines = LineCache()
        """The serialized file, kept so that a save only serializes what changed."""
        self.write_refusal: Callable[[], StoreError] | None = None
        """Set for a store opened read-only: every save raises what it returns instead."""

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = data
        self._unsaved = True
        if self._batch_depth == 0:
            self.flush()

    def replace_all(self, tables: Tables, *, unsaved: bool = True) -> None:
        """Swap in new content; written at the next flush (``unsaved``) or kept as it is.

        Records shared with the old content keep their serialized lines (records are never
        changed in place, and the cache recognises them by identity).
        """
        self._tables = tables
        self._unsaved = self._unsaved or unsaved

    def mark_unsaved(self) -> None:
        """Memory holds something the file lacks: write it at the next flush."""
        self._unsaved = True

    def forget(self, table: str, record_id: str) -> None:
        """The record ``record_id`` of ``table`` changed: serialize it afresh at the next save."""
        self._lines.forget(table, record_id)

    @property
    def unsaved(self) -> bool:
        """True when memory holds changes the file does not (after a failed save)."""
        return self._unsaved

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer the one this storage loaded or last wrote."""
        return file_stamp(self.path) != self.stamp

    def flush(self) -> None:
        """Write memory to disk now, if anything changed.

        If the file changed on disk since it was read, it is merged in first (``reconcile``).
        Raises ConflictError when it cannot be, SaveError if the disk refuses. Either way the
        file is untouched and the change stays in memory.
        """
        if not self._unsaved:
            return
        if self.write_refusal is not None:  # opened read-only (issue 13.11)
            raise self.write_refusal()
        if self.changed_on_disk():
            if self._reconcile is None:
                raise ConflictError(self.path, "nothing here can merge it")
            self._reconcile()
        plain = serialize(self._tables, self._lines)
        data = plain if self._encode is None else self._encode(plain)
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

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Changes made in the block stay in memory only (for a read-only view)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1

    def close(self) -> None:
        pass
