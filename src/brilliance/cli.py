"""The command line: ``brilliance`` opens the app; subcommands work without opening it.

Subcommands live in ``brilliance.commands``, one module each, registered in ``SUBCOMMANDS``.
A module provides ``HELP`` (one line), ``configure(parser)`` and ``run(args, data_dir) -> int``,
and imports anything heavy (Textual above all) inside ``run``, so that quick commands such as
``brilliance note`` start fast. ``EXAMPLES`` (optional) opens the subcommand's ``--help``.
``--data-dir`` is accepted before or after a subcommand. A command may raise
:class:`~brilliance.commands.shell.CommandError` to stop with a message and an exit status.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING

from brilliance import __version__

if TYPE_CHECKING:
    # argparse is imported where the whole parser is built: a plain start of the app does
    # without it (issue 19, see ``app_start_args``).
    import argparse

ENV_DATA_DIR = "BRILLIANCE_DATA_DIR"
APP_NAME = "brilliance"

SUBCOMMANDS: dict[str, str] = {
    "note": "brilliance.commands.note",
    "journal": "brilliance.commands.journal",
    "people": "brilliance.commands.people",
    "show": "brilliance.commands.show",
    "prep": "brilliance.commands.prep",
    "today": "brilliance.commands.today",
    "review": "brilliance.commands.review",
    "demo": "brilliance.commands.demo",
    "export": "brilliance.commands.export",
    "import": "brilliance.commands.import_",
    "doctor": "brilliance.commands.doctor",
    "restore": "brilliance.commands.restore",
    "merge": "brilliance.commands.merge",
    "encrypt": "brilliance.commands.encrypt",
    "decrypt": "brilliance.commands.decrypt",
    "passphrase": "brilliance.commands.passphrase",
    "completion": "brilliance.commands.completion",
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
    import argparse

    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if suppress else None,
        help=f"folder holding brilliance.json (default: ${ENV_DATA_DIR} or {default_data_dir()})",
    )


def _passphrase_file_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    import argparse

    # Never the passphrase itself as an argument or in the environment: see commands.unlock.
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS if suppress else None,
        help="for an encrypted folder: read the passphrase from the first line of FILE "
        "instead of asking on the terminal",
    )


def _first_frame_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    import argparse

    # For the benchmark: draw Today once, headless, and exit.
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=argparse.SUPPRESS,
    )


def load_subcommand(name: str) -> ModuleType:
    return importlib.import_module(SUBCOMMANDS[name])


EXAMPLES = (
    "brilliance                      open the app",
    'brilliance note "Coffee with @Ana Lima, she starts at the lab in May #mentoring"',
    "brilliance people --due         who is due for a meeting",
)


def describe(examples: Sequence[str], text: str) -> str:
    """A ``--help`` description that starts with examples, then says what the command does."""
    import textwrap

    text = textwrap.fill(text, width=88)
    lines = ["examples:", *(f"  {example}" for example in examples), "", text]
    return "\n".join(lines) if examples else text


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from brilliance.commands.shell import EXIT_STATUSES

    parser = argparse.ArgumentParser(
        prog="brilliance",
        description=describe(
            EXAMPLES,
            "A private, offline practice for building strong professional relationships. "
            "Without a subcommand, opens the app.",
        ),
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"brilliance {__version__}")
    _data_dir_option(parser, suppress=False)
    _passphrase_file_option(parser, suppress=False)
    _first_frame_option(parser, suppress=False)
    if SUBCOMMANDS:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in SUBCOMMANDS:
            module = load_subcommand(name)
            sub = subparsers.add_parser(
                name,
                help=module.HELP,
                description=describe(getattr(module, "EXAMPLES", ()), module.HELP),
                epilog=EXIT_STATUSES,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            _data_dir_option(sub, suppress=True)
            _passphrase_file_option(sub, suppress=True)
            _first_frame_option(sub, suppress=True)
            module.configure(sub)
            if getattr(module, "WANTS_WHOLE_PARSER", False):  # `completion`, without importing cli
                sub.set_defaults(whole_parser=parser)
    return parser


INTERRUPTED = 130
"""The exit status after ctrl+c, as shells report a process stopped by SIGINT (128 + 2)."""

# Commands that never touch the data folder.
NO_DATA_DIR = frozenset({"demo", "completion"})


APP_OPTIONS = {"--data-dir": "data_dir", "--passphrase-file": "passphrase_file"}
"""The options of a plain ``brilliance`` (opening the app) that take a value."""


def app_start_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of a plain start of the app (``--data-dir DIR``, ``--passphrase-file
    FILE``, ``--exit-after-first-frame``, each at most once), read without building the whole
    parser: that imports every subcommand's module, a tenth of the start's CPU time (issue
    19). None for anything else (a subcommand, ``--help``, an abbreviation, an error...):
    the parser then reads it, exactly as before."""
    args = SimpleNamespace(
        data_dir=None, passphrase_file=None, exit_after_first_frame=False, command=None
    )
    seen: set[str] = set()
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name in seen:
            return None
        seen.add(name)
        if word == "--exit-after-first-frame":
            args.exit_after_first_frame = True
        elif name in APP_OPTIONS:
            if not equals:
                value = next(words, "")
            if not value or value.startswith("-"):
                return None  # missing, or what argparse takes for an option: its error
            setattr(args, APP_OPTIONS[name], value)
        else:
            return None
    if args.passphrase_file is not None:
        args.passphrase_file = Path(args.passphrase_file)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brilliance`` command."""
    args: argparse.Namespace | SimpleNamespace | None
    args = app_start_args(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    from brilliance.commands import unlock

    unlock.PASSPHRASE_FILE = getattr(args, "passphrase_file", None)
    command = getattr(args, "command", None)
    from brilliance.commands.shell import CommandError

    try:
        if command not in NO_DATA_DIR and data_dir.exists() and not data_dir.is_dir():
            from brilliance.commands.shell import EXIT_DATA

            # Every command and the app would fail deep inside with a traceback (QA).
            raise CommandError(
                f"{data_dir} is a file, not a folder: --data-dir (or $BRILLIANCE_DATA_DIR) "
                "names the folder Brilliance keeps its files in. Nothing was changed.",
                EXIT_DATA,
            )
        if command:
            from brilliance.commands.output import visible_output

            with visible_output():  # no escape sequence from user text reaches the terminal
                status: int = load_subcommand(command).run(args, data_dir)
            return status
        from brilliance.commands.launch import run_app

        return run_app(data_dir, exit_after_first_frame=args.exit_after_first_frame)
    except CommandError as exc:
        prefix = f"brilliance {command}" if command else "brilliance"
        print(f"{prefix}: {exc.message}", file=sys.stderr)
        return exc.status


def entry_point() -> None:
    """The console script: exit with :func:`main`'s status."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`brilliance journal | head`): not an error of ours. Point
        # stdout at /dev/null so that the flush at exit does not fail again with a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    except KeyboardInterrupt:
        # ctrl+c before the app has the terminal (it is a key once the app runs): every save
        # is already whole on disk and the folder's lock goes with the process (issue 19).
        print("brilliance: interrupted.", file=sys.stderr)
        status = INTERRUPTED
    sys.exit(status)
