"""A save killed at any moment leaves the old file or the new one, never a broken one.

A helper process opens the store and saves in an endless loop; the test kills it with SIGKILL
at a random moment, fifty times, and after every kill checks the file and that the next
process gets the lock (only the kernel can have released it).
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from brilliance.domain.models import Person
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store

KILLS = 50
FILLERS = 300
GEN_ID = "gen"

# Imports only what it needs, to start fast. It prints one line, after it holds the lock and
# has saved once, and nothing after that.
SAVER = """
import sys
from pathlib import Path

import pytest

from brilliance.store.store import Store

store = Store.open(Path(sys.argv[1]))
gen = store.people.require(sys.argv[2])
n = int(gen.name.split()[1])
n += 1
gen = store.people.save(gen.model_copy(update={"name": f"gen {n}"}))
print("saving", flush=True)
while True:
    n += 1
    gen = store.people.save(gen.model_copy(update={"name": f"gen {n}"}))
"""


def start_saver(script: Path, data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(data_dir), GEN_ID],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_saving(saver: subprocess.Popen[str], timeout: float = 60) -> None:
    """Block until the saver says it holds the lock and has saved; fail if it dies instead."""
    assert saver.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(saver.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
    line = saver.stdout.readline().strip() if ready else ""
    if line != "saving":
        saver.kill()
        _, stderr = saver.communicate(timeout=30)
        raise AssertionError(f"the saver did not start saving: {line!r}\n{stderr}")


def read_back(data_dir: Path, fillers: dict[str, Person]) -> int:
    """Check the file after a kill; return the generation it holds."""
    raw = (data_dir / DATA_FILE_NAME).read_bytes()
    tables = json.loads(raw)  # plain JSON, whatever moment the kill came at
    assert len(tables["people"]) == FILLERS + 1
    with Store.open(data_dir, lock=False) as opened:
        people = {p.id: p for p in opened.people}
    gen = people.pop(GEN_ID)
    assert people == fillers  # nothing else was lost or mangled
    word, number = gen.name.split()
    assert word == "gen"
    return int(number)


def test_sigkill_during_saves_never_breaks_the_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    with Store.open(data_dir) as store, store.batch():
        for n in range(FILLERS):
            store.people.save(
                Person(name=f"filler {n}", notes=f"{n} " + "x" * 300, skills=["a", "b"])
            )
        store.people.save(Person(id=GEN_ID, name="gen 0"))
    assert (data_dir / DATA_FILE_NAME).stat().st_size > 100_000
    with Store.open(data_dir, lock=False) as opened:
        fillers = {p.id: p for p in opened.people if p.id != GEN_ID}

    rng = random.Random(20261124)
    last = read_back(data_dir, fillers)
    assert last == 0
    for _ in range(KILLS):
        saver = start_saver(script, data_dir)
        try:
            # It got the lock although the previous saver was killed holding it.
            wait_until_saving(saver)
            time.sleep(rng.uniform(0.05, 0.4))
        finally:
            os.kill(saver.pid, signal.SIGKILL)
            saver.communicate(timeout=30)
        assert saver.returncode == -signal.SIGKILL  # it was still saving when killed
        current = read_back(data_dir, fillers)
        # It saved at least once before saying so: the file is newer, never older.
        assert current > last
        last = current

    with Store.open(data_dir) as store:  # and the lock is free for us too
        assert store.people.require(GEN_ID).name == f"gen {last}"


def test_next_open_clears_the_temporary_file_of_a_killed_save(tmp_path: Path) -> None:
    """A save killed between creating its temporary file and the rename leaves that file
    behind (about one kill in two above); the next process to hold the lock should remove it
    rather than let copies of the data pile up in the folder (and in sync tools)."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.people.save(Person(name="Ana"))
    leftover = data_dir / f".{DATA_FILE_NAME}.k1ll3d_x.tmp"  # as atomic_write names them
    leftover.write_bytes(b'{"people": {"half": ')
    with Store.open(data_dir) as store:
        store.people.save(Person(name="Bo"))
    assert not leftover.exists()
