"""What the start path loads before Today's first frame (issue 19), checked by module names.

Each check runs the real command, ``brilliance --exit-after-first-frame``, in a fresh
interpreter on the sample data and lists the modules it imported: no timings, only what was
loaded. Other modes' screens, the meaning engine's stemmer and the encryption libraries are
for later (when opened, when a sheet is built, for an encrypted folder only).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.store.store import Store

PROBE = """
import atexit, json, sys
from pathlib import Path
from brilliance.cli import main

def report() -> None:
    Path(sys.argv[2]).write_text(json.dumps(sorted(sys.modules)))

atexit.register(report)
sys.exit(main(["--exit-after-first-frame", "--data-dir", sys.argv[1]]))
"""

LATER = (
    "brilliance.screens.people",
    "brilliance.screens.person",
    "brilliance.screens.prep",
    "brilliance.screens.journal",
    "brilliance.screens.help",
    "brilliance.screens.welcome",
    "brilliance.screens.modals.profile",
    "brilliance.screens.modals.person_form",
    "Stemmer",
    "cryptography",
    "argon2",
)


def modules_at_first_frame(data_dir: Path, tmp_path: Path) -> set[str]:
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir), str(out)],
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard for a loaded machine, not a timing
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(out.read_text()))


def test_first_frame_loads_only_todays_screen(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        build_demo(store, clock.today())
    loaded = modules_at_first_frame(data_dir, tmp_path)
    assert "brilliance.screens.today" in loaded  # the probe did reach the first frame
    assert sorted(name for name in LATER if name in loaded) == []


# -- a start from Today's summary (brilliance.today, written when the app closes) -------------

BEFORE_THE_DATA = ("pydantic", "brilliance.domain.models", "brilliance.store.store", "tinydb")
"""What a start from the summary leaves until after its first frame."""


def sample_folder(data_dir: Path, clock: FixedClock) -> None:
    with Store.open(data_dir) as store:
        build_demo(store, clock.today())


def test_a_start_keeps_the_summary_and_the_next_one_draws_from_it(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    sample_folder(data_dir, clock)
    first = modules_at_first_frame(data_dir, tmp_path)
    assert "pydantic" in first  # no summary yet: the normal start, which writes one at close
    assert (data_dir / "brilliance.today").is_file()
    second = modules_at_first_frame(data_dir, tmp_path)
    assert "brilliance.screens.today" in second
    assert sorted(name for name in BEFORE_THE_DATA if name in second) == []
    assert sorted(name for name in LATER if name in second) == []


def test_a_stale_summary_is_not_used(data_dir: Path, clock: FixedClock, tmp_path: Path) -> None:
    sample_folder(data_dir, clock)
    modules_at_first_frame(data_dir, tmp_path)  # writes the summary
    with Store.open(data_dir) as store:  # a change made elsewhere (a command, a sync)
        store.save_profile(store.profile.model_copy(update={"name": "Someone else"}))
    loaded = modules_at_first_frame(data_dir, tmp_path)
    assert "pydantic" in loaded  # the normal start


def test_open_elsewhere_is_refused_with_the_same_words(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    sample_folder(data_dir, clock)
    modules_at_first_frame(data_dir, tmp_path)  # writes the summary
    assert (data_dir / "brilliance.today").is_file()

    def refused() -> tuple[int, str]:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "brilliance",
                "--exit-after-first-frame",
                "--data-dir",
                str(data_dir),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        return done.returncode, done.stderr

    with Store.open(data_dir):  # the folder is open in another window
        with_summary = refused()
        (data_dir / "brilliance.today").unlink()
        without = refused()
    assert with_summary == without
    assert with_summary[0] == 1 and "open" in with_summary[1]
