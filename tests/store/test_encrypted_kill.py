"""SIGKILL during encrypted saves leaves a data file that opens with the passphrase.

The same pattern as test_atomic_kill.py, on an encrypted folder: a helper process unlocks the
folder once (from a passphrase file) and saves in an endless loop; the test kills it at random
moments and checks after every kill that the file opens, holds everything, and is newer.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from brilliance.domain.models import Person
from brilliance.store import crypto
from brilliance.store.codec import Keyring
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store
from tests.encryption import PASSPHRASE, encrypt
from tests.store.test_atomic_kill import GEN_ID, start_saver, wait_until_saving

KILLS = 20
FILLERS = 200

SAVER = """
import sys
from pathlib import Path

from brilliance.store.codec import Keyring, read_data_head
from brilliance.store.store import Store

data_dir = Path(sys.argv[1])
passphrase = (data_dir.parent / "pw").read_bytes().strip()
store = Store.open(data_dir, keyring=Keyring.unlock(passphrase, read_data_head(data_dir)))
gen = store.people.require(sys.argv[2])
n = int(gen.name.split()[1])
n += 1
gen = store.people.save(gen.model_copy(update={"name": f"gen {n}"}))
print("saving", flush=True)
while True:
    n += 1
    gen = store.people.save(gen.model_copy(update={"name": f"gen {n}"}))
"""


def read_back(data_dir: Path, fillers: dict[str, Person]) -> int:
    raw = (data_dir / DATA_FILE_NAME).read_bytes()
    assert crypto.is_encrypted(raw)
    keyring = Keyring.unlock(PASSPHRASE, raw)  # a new session, as the next start would
    with Store.open(data_dir, lock=False, keyring=keyring) as opened:
        people = {p.id: p for p in opened.people}
    gen = people.pop(GEN_ID)
    assert people == fillers
    return int(gen.name.split()[1])


def test_sigkill_during_encrypted_saves_leaves_a_file_that_opens(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    (tmp_path / "pw").write_bytes(PASSPHRASE + b"\n")
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    with Store.open(data_dir) as store, store.batch():
        for n in range(FILLERS):
            store.people.save(Person(name=f"filler {n}", notes=f"{n} " + "x" * 300))
        store.people.save(Person(id=GEN_ID, name="gen 0"))
    keyring = encrypt(data_dir)
    with Store.open(data_dir, lock=False, keyring=keyring) as opened:
        fillers = {p.id: p for p in opened.people if p.id != GEN_ID}

    rng = random.Random(18)
    last = read_back(data_dir, fillers)
    for _ in range(KILLS):
        saver = start_saver(script, data_dir)
        try:
            wait_until_saving(saver)
            time.sleep(rng.uniform(0.05, 0.3))
        finally:
            os.kill(saver.pid, signal.SIGKILL)
            saver.communicate(timeout=30)
        assert saver.returncode == -signal.SIGKILL
        current = read_back(data_dir, fillers)
        assert current > last
        last = current
