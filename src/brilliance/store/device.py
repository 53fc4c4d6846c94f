"""This device's id: made once per copy of the data folder, kept in the folder.

The id goes into every change stamp this device makes (see ``stamps``). It must differ between
two copies of the folder, yet a sync tool copies every file of the folder to the other device,
so a plain ``device-id`` file would arrive on the other machine and both would claim one id.

So each copy keeps its id in a file named after *where it is*: a hash of the machine's host
name and the folder's identity on this machine (device and inode numbers) picks the file
``devices/<key>.json``. A sync tool copies those files too, but each machine only ever reads
the one named for itself; a copied file is a harmless stranger (and names the other device in
notices). A folder copied or restored elsewhere (another inode, another machine) finds no file
of its own and mints a new id. Nothing breaks if two copies ever share an id: the merge orders
versions with equal stamps by their content, so it still converges.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import socket
from pathlib import Path

import orjson

from brilliance.store.stamps import DEVICE_PATTERN
from brilliance.store.storage import atomic_write

DEVICES_DIR = "devices"


def machine_key(data_dir: Path) -> str:
    """What names this copy of the folder on this machine: host name and folder identity."""
    info = os.stat(data_dir)
    seed = f"{socket.gethostname()}\0{info.st_dev}:{info.st_ino}".encode()
    return hashlib.sha256(seed).hexdigest()[:16]


def device_id(data_dir: Path) -> str:
    """This copy's device id, made (and kept in the folder) the first time it is asked for.

    If the folder cannot be written the id is still made, for this run only.
    """
    key = machine_key(data_dir)
    path = data_dir / DEVICES_DIR / f"{key}.json"
    with contextlib.suppress(OSError, orjson.JSONDecodeError):
        known = orjson.loads(path.read_bytes())
        if isinstance(known, dict) and DEVICE_PATTERN.match(str(known.get("id", ""))):
            return str(known["id"])
    fresh = secrets.token_hex(4)
    record = {"id": fresh, "host": socket.gethostname()}
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, exist_ok=True)
        atomic_write(path, orjson.dumps(record, option=orjson.OPT_INDENT_2))
    return fresh


def device_names(data_dir: Path) -> dict[str, str]:
    """Host names of the devices that have used copies of this folder, by device id."""
    names: dict[str, str] = {}
    folder = data_dir / DEVICES_DIR
    if not folder.is_dir():
        return names
    for path in folder.glob("*.json"):
        with contextlib.suppress(OSError, orjson.JSONDecodeError):
            known = orjson.loads(path.read_bytes())
            if isinstance(known, dict) and isinstance(known.get("id"), str):
                names[known["id"]] = str(known.get("host", ""))[:60]
    return names
