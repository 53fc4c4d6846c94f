"""Starting the app: the one place that opens the data folder, runs the TUI and closes it.

``brilliance`` (``cli.main``) and ``brilliance demo`` (``commands.demo``) both come through
here, so neither imports the other. Textual is imported only when the app is actually started.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.app import BrillianceApp
    from brilliance.app_start import BackgroundLoad
    from brilliance.store.codec import Keyring
    from brilliance.store.lock import DataLock
    from brilliance.store.store import Store


def open_for_app(
    data_dir: Path, keyring: Keyring | None = None, held_lock: DataLock | None = None
) -> Store:
    """The store the app works on: locked, or read-only (with a banner) when the folder or
    mount cannot be written (issue 13.11). Raises StoreError as Store.open does.
    ``keyring`` opens an encrypted folder (issue 18); ``held_lock`` is the folder's lock,
    already taken (a start from Today's summary)."""
    from brilliance.store.errors import ReadOnlyError
    from brilliance.store.store import Store

    try:
        return Store.open(data_dir, for_the_process=True, keyring=keyring, held_lock=held_lock)
    except ReadOnlyError:
        from brilliance.store.read_only import open_read_only

        return open_read_only(data_dir, for_the_process=True, keyring=keyring)


def run_app(data_dir: Path, *, exit_after_first_frame: bool = False, demo: bool = False) -> int:
    """Open the TUI on ``data_dir``. Returns the process exit status."""
    from brilliance.commands import make_private, store_error_status
    from brilliance.store.errors import StoreError

    make_private(data_dir)
    keyring = None
    if unlock_needed(data_dir):  # before anything is loaded (issue 18)
        from brilliance.store.today_summary import forget_summary

        forget_summary(data_dir)  # never a plain summary beside encrypted data
        keyring = unlock_for_app(data_dir)
        if keyring is None:
            return 1
    elif not demo:
        status = run_from_summary(data_dir, exit_after_first_frame=exit_after_first_frame)
        if status is not None:
            return status
    try:
        store = open_for_app(data_dir, keyring)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return store_error_status(exc)  # 3 for the file, 1 when open elsewhere (issue 16)
    from brilliance.app import make_app

    with store:
        app = make_app(store, exit_after_first_frame=exit_after_first_frame, demo=demo)
        app.run(headless=exit_after_first_frame)
        if (failed := close_session(store, data_dir, demo=demo)) is not None:
            return failed
    return app_status(app)


def run_from_summary(data_dir: Path, *, exit_after_first_frame: bool = False) -> int | None:
    """Start with Today drawn from its summary and the store loaded behind the first frame
    (issue 19). None when there is no summary made from the data file as it is, for today:
    the caller then starts the normal way. Returns the exit status otherwise."""
    from brilliance.store.today_summary import summary_path

    if not summary_path(data_dir).is_file():
        return None
    from brilliance.commands import store_error_status
    from brilliance.domain.clock import SystemClock
    from brilliance.store.errors import AlreadyOpenError, StoreError
    from brilliance.store.lock import DataLock
    from brilliance.store.today_summary import read_summary

    lock = DataLock(data_dir)
    try:  # first, as a normal start would: never a first frame for a folder open elsewhere
        lock.acquire()
    except AlreadyOpenError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return store_error_status(exc)
    except (StoreError, OSError):
        return None  # a read-only folder: the normal start opens it read-only
    app = None
    try:
        starting = read_summary(data_dir, SystemClock().today())
        if starting is None:
            lock.release()
            return None
        from brilliance.app import make_app_from_summary

        app = make_app_from_summary(
            starting,
            lambda: open_for_app(data_dir, held_lock=lock),
            exit_after_first_frame=exit_after_first_frame,
        )
        app.run(headless=exit_after_first_frame)
        background = app.background
        store = background.wait() if background is not None else None
    except BaseException:
        _finish_load(app.background if app is not None else None)
        lock.release()  # (once the store holds it, the store releases it: release is idempotent)
        raise
    if store is None:
        lock.release()
        if background is not None and (error := background.error) is not None:
            print(f"brilliance: {error}", file=sys.stderr)  # as a failed normal start says it
            return store_error_status(error)
        return app_status(app)
    with store:
        if (failed := close_session(store, data_dir, demo=False)) is not None:
            return failed
    return app_status(app)


def _finish_load(background: BackgroundLoad | None) -> None:
    """After the app failed (a bug): let a load under way finish, never leave it writing (a
    merge of conflict copies, the inbox) unlocked, and close the store it opened."""
    if background is None:
        return
    with contextlib.suppress(Exception):
        store = background.wait()
        if store is not None:
            store.close()


def close_session(store: Store, data_dir: Path, *, demo: bool) -> int | None:
    """After the app: the last save, and Today's summary for the next start. Returns an
    exit status when the data could not be saved, else None. The store is still open."""
    from brilliance.store.errors import StoreError

    # What the last look at the disk merges (at close) is said here, the app being gone.
    store.listen(lambda text: print(f"brilliance: {text}", file=sys.stderr))
    if store.unsaved:
        try:
            store.flush()
        except StoreError as exc:
            print(f"brilliance: {exc}", file=sys.stderr)
            try:
                rescued = store.rescue_copy()
            except OSError:
                print("brilliance: no copy could be written either.", file=sys.stderr)
                return 3
            else:
                from brilliance.commands.restore import rescue_advice

                print(f"brilliance: {rescue_advice(rescued, data_dir)}", file=sys.stderr)
            return 3  # a problem with the data file (issue 16's exit statuses)
    if not demo:
        from brilliance.services.start_summary import keep_today_summary

        with contextlib.suppress(OSError):  # a cache: the next start is only slower
            keep_today_summary(store)
    return None


def app_status(app: BrillianceApp) -> int:
    if app.return_value == "demo":  # chosen on the first-run welcome
        return run_demo()
    return app.return_code or 0


def unlock_needed(data_dir: Path) -> bool:
    """Whether the folder's data file is encrypted (a few bytes read, no crypto imported)."""
    from brilliance.store.paths import folder_is_encrypted

    return folder_is_encrypted(data_dir)


def unlock_for_app(data_dir: Path) -> Keyring | None:
    """The passphrase for the app: from --passphrase-file, or asked on a screen of its own
    before anything is loaded (three tries). Prints why not and returns None on failure."""
    from brilliance.commands import unlock

    if unlock.PASSPHRASE_FILE is not None:
        return unlock.unlock_or_report(data_dir)
    from brilliance.commands.unlock_app import UnlockApp
    from brilliance.store.codec import read_data_head

    try:
        head = read_data_head(data_dir)
    except OSError as exc:
        print(f"brilliance: cannot read the data file: {exc.strerror}", file=sys.stderr)
        return None
    app = UnlockApp(data_dir, head)
    keyring = app.run()
    if keyring is None:
        print(f"brilliance: {app.failure}", file=sys.stderr)
    return keyring


def make_demo_dir() -> Path:
    """A new private folder holding the sample data, built for today."""
    from brilliance.demo import build_demo
    from brilliance.store.store import Store

    folder = Path(tempfile.mkdtemp(prefix="brilliance-demo-"))
    with Store.open(folder) as store:
        build_demo(store, store.clock.today())
    return folder


def run_demo(*, keep: bool = False, exit_after_first_frame: bool = False) -> int:
    """Open the app on a fresh temporary copy of the sample data; remove it afterwards."""
    folder = make_demo_dir()
    try:
        return run_app(folder, demo=True, exit_after_first_frame=exit_after_first_frame)
    finally:
        if keep:
            print(f"The sample data is kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
