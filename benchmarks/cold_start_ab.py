"""Cold start to Today's first frame, before against after, interleaved (issue 19).

    git archive <commit> | tar -x -C /tmp/before
    .venv/bin/python benchmarks/cold_start_ab.py --before /tmp/before/src --data DIR --runs 11

Each round runs the bare Textual app, then ``brilliance --exit-after-first-frame`` from the
``--before`` sources, then from this checkout's, each on its own copy of DIR's data file
(both start from Today's summary: a first start writes it). On a machine shared with other
work the three run in the same seconds, so their ratios to the bare app stay comparable.
Prints each one's median wall and CPU (user + system) time and its ratios to the bare app
(median and range), with the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One whole process: (wall ms, CPU ms)."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    if status:
        sys.exit(f"{argv} failed with status {status}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the sources to compare")
    parser.add_argument("--data", type=Path, required=True, help="a folder with brilliance.json")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cold-start-ab-"))
    sources = {"before": args.before.resolve(), "after": HERE.parent / "src"}
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare": ([sys.executable, str(HERE / "bare_app.py"), "--exit-after-first-frame"], {})
    }
    for name, src in sources.items():
        folder = work / name
        folder.mkdir(mode=0o700)
        shutil.copy(args.data / "brilliance.json", folder)
        argv = [sys.executable, "-m", "brilliance", "--exit-after-first-frame"]
        commands[name] = ([*argv, "--data-dir", str(folder)], {"PYTHONPATH": str(src)})
    try:
        for argv, extra in commands.values():  # warm the caches; write Today's summaries
            run(argv, os.environ | extra)
            run(argv, os.environ | extra)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (argv, extra) in commands.items():
                times[name].append(run(argv, os.environ | extra))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    bare = times["bare"]
    for name, samples in times.items():
        wall = [w / b[0] for (w, _), b in zip(samples, bare, strict=True)]
        cpu = [c / b[1] for (_, c), b in zip(samples, bare, strict=True)]
        print(
            f"{name:6s} wall {statistics.median(w for w, _ in samples):5.0f} ms"
            f"  cpu {statistics.median(c for _, c in samples):5.0f} ms"
            f"  | / bare: wall {statistics.median(wall):.2f}x ({min(wall):.2f}-{max(wall):.2f})"
            f"  cpu {statistics.median(cpu):.2f}x ({min(cpu):.2f}-{max(cpu):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
