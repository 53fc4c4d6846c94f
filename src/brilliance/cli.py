"""The command line: ``brilliance`` opens the app; subcommands work without opening it.

Subcommands live in ``brilliance.commands``, one module each, registered in ``SUBCOMMANDS``.
A module provides ``HELP`` (one line), ``configure(parser)`` and ``run(args, data_dir) -> int``,
and imports anything heavy (Textual above all) inside ``run``, so that quick commands such as
``brilliance note`` start fast. ``--data-dir`` is accepted before or after a subcommand.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from brilliance import __version__

ENV_DATA_DIR = "BRILLIANCE_DATA_DIR"
APP_NAME = "brilliance"

SUBCOMMANDS: dict[str, str] = {
    "note": "brilliance.commands.note",
    "prep": "brilliance.commands.prep",
    "today": "brilliance.commands.today",
    "demo": "brilliance.commands.demo",
    "export": "brilliance.commands.export",
    "import": "brilliance.commands.import_",
    "doctor": "brilliance.commands.doctor",
    "restore": "brilliance.commands.restore",
}
"""Subcommand name -> module path, in the order ``--help`` lists them."""


def default_data_dir() -> Path:
    """The user's data folder for Brilliance, as the platform defines it."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(flag: str | None) -> Path:
    """``--data-dir`` first, then ``$BRILLIANCE_DATA_DIR``, then the platform's data folder."""
    if flag:
        return Path(flag).expanduser()
    if env := os.environ.get(ENV_DATA_DIR):
        return Path(env).expanduser()
    return default_data_dir()


def _data_dir_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if suppress else None,
        help=f"folder holding brilliance.json (default: ${ENV_DATA_DIR} or {default_data_dir()})",
    )


def _first_frame_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # For the benchmark: draw Today once, headless, and exit.
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=argparse.SUPPRESS,
    )


def load_subcommand(name: str) -> ModuleType:
    return importlib.import_module(SUBCOMMANDS[name])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brilliance",
        description=(
            "A private, offline practice for building strong professional relationships. "
            "Without a subcommand, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"brilliance {__version__}")
    _data_dir_option(parser, suppress=False)
    _first_frame_option(parser, suppress=False)
    if SUBCOMMANDS:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in SUBCOMMANDS:
            module = load_subcommand(name)
            sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
            _data_dir_option(sub, suppress=True)
            _first_frame_option(sub, suppress=True)
            module.configure(sub)
    return parser


def run_app(data_dir: Path, *, exit_after_first_frame: bool = False, demo: bool = False) -> int:
    """Open the TUI on ``data_dir``. Returns the process exit status."""
    from brilliance.commands import open_store
    from brilliance.store.errors import StoreError

    store = open_store(data_dir, for_the_process=True)
    if store is None:
        return 1
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
                else:
                    from brilliance.commands.restore import rescue_advice

                    print(f"brilliance: {rescue_advice(rescued, data_dir)}", file=sys.stderr)
                return 1
    if app.return_value == "demo":  # chosen on the first-run welcome
        from brilliance.commands.demo import run_demo

        return run_demo()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brilliance`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    command = getattr(args, "command", None)
    if command:
        status: int = load_subcommand(command).run(args, data_dir)
        return status
    return run_app(data_dir, exit_after_first_frame=args.exit_after_first_frame)


def entry_point() -> None:
    """The console script: exit with :func:`main`'s status."""
    sys.exit(main())
