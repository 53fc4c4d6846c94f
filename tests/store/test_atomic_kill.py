"""A save killed at any moment leaves the old file or the new one, never a broken one."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from brilliance.store.store import DATA_FILE_NAME, Store

KILLS = 50

SAVER = """
import sys
from pathlib import Path
from brilliance.store.store import Store
from brilliance.domain.models import Person
store = Store.open(Path(sys.argv[1]))
counter = store.people.find_by_name("counter")
if counter is None:
    with store.batch():
        for n in range(300):
            store.people.save(Person(name=f"filler {n}", notes="x" * 300, skills=["a", "b"]))
    counter = store.people.save(Person(name="counter", notes="0"))
n = int(counter.notes)
print("saving", flush=True)
while True:
    n += 1
    counter = store.people.save(counter.model_copy(update={"notes": str(n)}))
"""


def read_counter(data_dir: Path) -> int:
    json.loads((data_dir / DATA_FILE_NAME).read_bytes())  # parses as plain JSON
    with Store.open(data_dir, lock=False) as opened:
        counter = opened.people.find_by_name("counter")
        assert counter is not None
        assert len(opened.people) == 301
        return int(counter.notes)


def test_sigkill_during_saves_never_breaks_the_file(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    data_dir = tmp_path / "data"
    last = 0
    for _ in range(KILLS):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(data_dir)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None
        assert saver.stdout.readline().strip() == "saving"  # it got the lock after the kill
        time.sleep(rng.uniform(0.01, 0.15))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        current = read_counter(data_dir)
        assert current >= last  # the old state or a newer one, never older
        last = current
    assert last > KILLS  # the saver really was saving between kills
