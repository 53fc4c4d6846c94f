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
EXAMPLES = (
    "brilliance export --format json --out brilliance-backup.json",
    "brilliance export journal --format markdown > journal.md",
)

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
    parser.add_argument(
        "--force", action="store_true", help="replace existing files without asking (scripts)"
    )


def fail(message: str) -> int:
    print(f"brilliance export: {message}", file=sys.stderr)
    return 1


def may_replace(existing: list[Path], args: argparse.Namespace) -> bool:
    """Ask before replacing files that exist (``--force`` says yes; no terminal says no)."""
    if not existing or args.force:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    shown = ", ".join(str(p) for p in existing[:3]) + (" ..." if len(existing) > 3 else "")
    try:
        answer = input(f"Replace {shown}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


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
    from brilliance.store.paths import own_file
    from brilliance.store.safe_files import private_folder
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
        if reason := own_file(out, data_dir):
            return fail(f"{out} is {reason}; nothing was written. Choose another --out.")
        if not may_replace([out] if out.exists() else [], args):
            return fail(f"{out} exists; nothing was written. Add --force to replace it.")
        try:
            private_folder(out.parent)
            atomic_write(out, data)
        except OSError as exc:
            return fail(f"cannot write {out}: {exc.strerror or exc}")
        print(f"Exported {args.what} as {args.format} to {out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def write_folder(files: dict[str, bytes], args: argparse.Namespace, data_dir: Path) -> int:
    """Exports of several files go into a folder (--out, or exports/WHAT in the data folder)."""
    from brilliance.store.paths import EXPORTS_DIR_NAME, own_file
    from brilliance.store.safe_files import private_folder
    from brilliance.store.storage import atomic_write

    folder = Path(args.out).expanduser() if args.out else data_dir / EXPORTS_DIR_NAME / args.what
    if args.out and (reason := own_file(folder, data_dir)):
        return fail(f"{folder} is {reason}; nothing was written. Choose another --out.")
    if folder.exists() and not folder.is_dir():
        return fail(f"{folder} is a file, not a folder; nothing was written.")
    existing = [folder / name for name in files if (folder / name).exists()]
    if not may_replace(existing, args):
        return fail(
            f"{len(existing)} of the files exist in {folder}; nothing was written. "
            "Add --force to replace them, or choose another --out."
        )
    try:
        private_folder(folder)
        for name, content in files.items():
            atomic_write(folder / name, content)
    except OSError as exc:
        return fail(f"cannot write into {folder}: {exc.strerror or exc}")
    print(f"Exported {len(files)} file(s) to {folder}", file=sys.stderr)
    return 0
