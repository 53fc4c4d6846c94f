"""Starting the app: the one place that opens the data folder, runs the TUI and closes it.

``brilliance`` (``cli.main``) and ``brilliance demo`` (``commands.demo``) both come through
here, so neither imports the other. Textual is imported only when the app is actually started.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path


def run_app(data_dir: Path, *, exit_after_first_frame: bool = False, demo: bool = False) -> int:
    """Open the TUI on ``data_dir``. Returns the process exit status."""
    from brilliance.commands import store_error_status
    from brilliance.store.errors import StoreError
    from brilliance.store.store import Store

    try:
        store = Store.open(data_dir, for_the_process=True)
    except StoreError as exc:
        print(f"brilliance: {exc}", file=sys.stderr)
        return store_error_status(exc)
    from brilliance.app import make_app

    with store:
        app = make_app(store, exit_after_first_frame=exit_after_first_frame, demo=demo)
        app.run(headless=exit_after_first_frame)
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
                return 3
    if app.return_value == "demo":  # chosen on the first-run welcome
        return run_demo()
    return app.return_code or 0


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
