"""brilliance today and brilliance demo from the shell."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from brilliance.demo import build_demo
from brilliance.domain.models import Person
from brilliance.store.store import Store


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_today_prints_the_agenda(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        build_demo(store, store.clock.today())
    result = cli("today", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in (
        "Idea of the day:",
        "Due and overdue",
        "Coming up this week",
        "Promises due",
        "No value given in 30 days",
        "Journal:",
        "This month:",
        "weekly, 12 weeks:",
    ):
        assert heading in out
    # Key hints belong to the app: the shell's sentences name no keys.
    for hint in ("(j writes it)", "press 2", "Prep (3)"):
        assert hint not in out
    assert "Send Bruno the conference call for speakers" in out


def test_today_without_data_says_how_to_start(tmp_path: Path) -> None:
    result = cli("today", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "brilliance demo" in result.stderr


def test_today_does_not_import_textual(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        build_demo(store, store.clock.today())
    code = (
        "import sys; from brilliance.cli import main; main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "today", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith("[]")


def test_demo_leaves_the_real_data_folder_untouched(tmp_path: Path) -> None:
    real = tmp_path / "real"
    with Store.open(real) as store:
        store.people.save(Person(name="Me"))
    before = {p.name: p.read_bytes() for p in real.iterdir() if p.is_file()}
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "BRILLIANCE_DATA_DIR": str(real), "TMPDIR": str(temp)}
    result = cli("demo", "--exit-after-first-frame", "--data-dir", str(real), env=env)
    assert result.returncode == 0, result.stderr
    after = {p.name: p.read_bytes() for p in real.iterdir() if p.is_file()}
    assert after == before
    assert list(temp.iterdir()) == []  # the temporary sample folder is cleaned up
