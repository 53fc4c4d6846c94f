"""Issue 13, items 6, 9, 10 and 15: exports never clobber data, never run as formulas, never
forge a page, and never overwrite each other."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.journal import with_text
from brilliance.domain.models import JournalEntry, Person
from brilliance.portability.exporters import people_csv, people_markdown
from brilliance.portability.importers import import_csv, import_journal_markdown
from brilliance.portability.journal_markdown import render_markdown
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

NOW = datetime(2026, 11, 24, 9, 30)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Store.open(data_dir, clock=FixedClock(NOW)) as store:
        store.people.save(Person(name="Ana"))
        store.people.save(Person(name="Bo"))  # a second day's save makes a backup
    return data_dir


@pytest.mark.parametrize(
    "target",
    [
        DATA_FILE_NAME,
        "brilliance.lock",
        "inbox.jsonl",
        "inbox.lock",
        "inbox-rejected.jsonl",
        "brilliance-mine-2026-11-24-093000.json",
        "backups/brilliance-2026-11-24.json",
    ],
)
def test_export_out_onto_the_folders_own_files_is_refused(folder: Path, target: str) -> None:
    before = (folder / DATA_FILE_NAME).read_bytes()
    out = folder / target
    result = cli(
        "export", "people", "--format", "csv", "--out", str(out), "--force",
        "--data-dir", str(folder),
    )  # fmt: skip
    assert result.returncode == 1
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert (folder / DATA_FILE_NAME).read_bytes() == before


def test_export_out_onto_a_link_to_the_data_file_is_refused(folder: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.csv"
    link.symlink_to(folder / DATA_FILE_NAME)
    before = (folder / DATA_FILE_NAME).read_bytes()
    result = cli(
        "export", "people", "--format", "csv", "--out", str(link), "--force",
        "--data-dir", str(folder),
    )  # fmt: skip
    assert result.returncode == 1
    assert (folder / DATA_FILE_NAME).read_bytes() == before


def test_export_asks_before_overwriting_any_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    out.write_text("mine, keep me\n")
    args = ("export", "people", "--format", "csv", "--out", str(out), "--data-dir", str(folder))
    refused = cli(*args)
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert out.read_text() == "mine, keep me\n"
    assert cli(*args, "--force").returncode == 0
    assert "Ana" in out.read_text()
    pages = ("export", "people", "--format", "markdown", "--data-dir", str(folder))
    assert cli(*pages).returncode == 0
    assert cli(*pages).returncode == 1  # the pages exist now
    assert cli(*pages, "--force").returncode == 0


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "'=already quoted"]


def test_csv_export_neutralises_formulas_and_import_undoes_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d", clock=FixedClock(NOW)) as store:
        for text in FORMULAS:
            store.people.save(Person(name=f"N {text.strip()}", headline=text, notes=text))
        exported = people_csv(store).decode()
        originals = {p.name: p for p in store.people}
    for line in exported.splitlines()[1:]:
        for cell in line.split('","'):
            assert not cell.strip('"').startswith(("=", "+", "-", "@", "\t", "\r"))
    plan = import_csv(exported, [])
    assert not plan.rejected
    for person in plan.people:
        assert person.headline == originals[person.name].headline
        assert person.notes == originals[person.name].notes.strip()  # the import trims cells


def test_markdown_people_pages_cannot_be_forged(tmp_path: Path) -> None:
    hostile = "Ana\n# Fake heading\r## Also fake\u2028[click](http://evil)\x0c<script>x</script>"
    with Store.open(tmp_path / "d", clock=FixedClock(NOW)) as store:
        store.people.save(Person(name="Eve [me](http://evil)", headline="<b>x</b>", notes=hostile))
        (page,) = people_markdown(store).values()
    text = page.decode()
    headings = [line for line in text.split("\n") if line.startswith("#")]
    assert headings == ["# Eve \\[me\\](http://evil)", "## Notes", "## Meetings"]
    assert "<script>" not in text and "<b>" not in text
    assert "](http" not in text.replace("\\](http", "")
    assert "\r" not in text and "\u2028" not in text and "\x0c" not in text


def test_journal_markdown_keeps_carriage_returns_and_line_separators_inside_lines() -> None:
    when = datetime(2026, 11, 24, 9, 30)
    entry = with_text(
        JournalEntry(written_at=when, created_at=when, updated_at=when),
        "one\rstill one\u2028and\x0cthis\nline two",
        [],
    )
    plan = import_journal_markdown(render_markdown([entry]), [])
    (back,) = plan.journal
    assert back.text == entry.text


def test_prep_exports_keep_every_script_and_never_overwrite(tmp_path: Path) -> None:
    from brilliance.portability.prep_export import export_name
    from brilliance.store.safe_files import write_new_file

    day = date(2026, 11, 24)
    names = {export_name(Person(name=n), day) for n in ("王小明", "李娜", "Ελένη", "Иван")}
    assert len(names) == 4
    assert "prep-王小明-2026-11-24.md" in names
    first = write_new_file(tmp_path / "exports" / "prep-x.md", b"first")
    second = write_new_file(tmp_path / "exports" / "prep-x.md", b"second")
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert oct((tmp_path / "exports").stat().st_mode & 0o777) == "0o700"
