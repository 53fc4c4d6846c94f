"""``brilliance export [WHAT] --format FORMAT [--out FILE]``: take your data with you.

Exporters are registered in ``EXPORTERS`` by (what, format); each returns the bytes to write.
Without ``--out`` the export goes to standard output.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brilliance.store.store import Store

HELP = "export your data (a full JSON backup, the journal as Markdown, ...)"

EXPORTERS: dict[tuple[str, str], str] = {
    ("all", "json"): "brilliance.portability.backup:export_backup",
    ("journal", "markdown"): "brilliance.portability.journal_markdown:export_journal",
    ("people", "markdown"): "brilliance.portability.exporters:people_markdown",
    ("people", "csv"): "brilliance.portability.exporters:people_csv",
    ("meetings", "ics"): "brilliance.portability.exporters:calendar_ics",
    ("all", "ics"): "brilliance.portability.exporters:calendar_ics",
}
"""(what, format) -> "module:function" taking a Store and returning bytes, or a dict of
file name -> bytes for exports that are a folder of files (one page per person)."""

PLAIN_WARNING = (
    "brilliance export: note that the export is plain text, NOT encrypted like your data "
    "folder; keep it somewhere safe or delete it when done."
)

WHATS = ("all", "journal", "people", "meetings")
FORMATS = ("json", "markdown", "ics", "csv")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=WHATS,
        help="what to export (default: all)",
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="the file format")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def exporter(what: str, fmt: str) -> Callable[[Store], bytes | dict[str, bytes]] | None:
    target = EXPORTERS.get((what, fmt))
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    found: Callable[[Store], bytes | dict[str, bytes]] = getattr(
        importlib.import_module(module_name), function
    )
    return found


def available() -> str:
    return ", ".join(f"{what} as {fmt}" for what, fmt in EXPORTERS)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands import open_store
    from brilliance.store.storage import atomic_write

    export = exporter(args.what, args.format)
    if export is None:
        print(
            f"brilliance export: {args.what} cannot be exported as {args.format}. "
            f"Available: {available()}.",
            file=sys.stderr,
        )
        return 2
    store = open_store(data_dir, lock=False)
    if store is None:
        return 1
    with store:
        data = export(store)
        encrypted = store.codec.encrypted
    if encrypted:
        if isinstance(data, dict) and not args.out:
            print(
                "brilliance export: this folder is encrypted, and an export is plain text: give "
                "--out FOLDER, outside the data folder, rather than writing it inside.",
                file=sys.stderr,
            )
            return 2
        print(PLAIN_WARNING, file=sys.stderr)
    if isinstance(data, dict):
        return write_folder(data, args, data_dir)
    if args.out:
        out = Path(args.out).expanduser()
        try:
            atomic_write(out, data)
        except OSError as exc:
            print(f"brilliance export: cannot write {out}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"Exported {args.what} as {args.format} to {out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def write_folder(files: dict[str, bytes], args: argparse.Namespace, data_dir: Path) -> int:
    """Exports of several files go into a folder (--out, or exports/WHAT in the data folder)."""
    from brilliance.store.paths import EXPORTS_DIR_NAME
    from brilliance.store.storage import atomic_write

    folder = Path(args.out).expanduser() if args.out else data_dir / EXPORTS_DIR_NAME / args.what
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for name, content in files.items():
            atomic_write(folder / name, content)
    except OSError as exc:
        print(f"brilliance export: cannot write into {folder}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Exported {len(files)} file(s) to {folder}", file=sys.stderr)
    return 0
