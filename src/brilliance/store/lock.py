"""The folder lock: one process at a time may change a data folder."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from filelock import FileLock, Timeout

from brilliance.store.errors import AlreadyOpenError, ReadOnlyError
from brilliance.store.paths import LOCK_FILE_NAME

LOCK_WAIT_SECONDS = 0.5
READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class DataLock:
    """An exclusive lock on a data folder, holding the owner's pid for a friendly message."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self._lock = FileLock(self.path, mode=0o600, on_acquired=self._write_pid)

    @staticmethod
    def _write_pid(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())

    def holder_pid(self) -> int | None:
        try:
            return int(self.path.read_text().strip() or 0) or None
        except (OSError, ValueError):
            return None

    def acquire(self, wait: float = LOCK_WAIT_SECONDS) -> None:
        try:
            self._lock.acquire(timeout=wait)
        except Timeout as exc:
            raise AlreadyOpenError(self.data_dir, self.holder_pid()) from exc
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRNOS:  # the folder can be read, not written
                raise ReadOnlyError(self.data_dir, exc) from exc
            raise

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
