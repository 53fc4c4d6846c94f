"""How fast Brilliance is with years of data: every figure of issue 7, with targets and baseline.

    make bench                          # datasets into benchmarks/data/, then this script
    python benchmarks/bench.py          # the same, once the datasets exist
    python benchmarks/bench.py --smoke --data-dir DIR --json OUT   # CI: each figure once

It prints a table (figure, median with its spread, target, baseline, verdict) and writes
``benchmarks/results.json``. ``--save-baseline`` also stores the figures as the baseline that
later runs print beside their own (``benchmarks/baseline.json``). A missed target is reported,
never raised: the exit status is non-zero only when a measurement itself broke.

Plug-ins
--------
Each measurement is a function registered with ``@measurement(needs=...)``. ``needs`` checks
that the feature exists (an import, an attribute, a subcommand) and returns a reason when it
does not; the measurement is then skipped with a row "n/a: not built yet (needs ...)". So the
same script reports more as screens land, without edits.

How figures are taken
---------------------
* Whole processes (cold start, quick capture): wall time from ``Popen`` to the exit status, with
  ``os.wait4`` giving that one child's peak RSS. Brilliance and the bare Textual app
  (``bare_app.py``, a header, a label and a footer) run interleaved, after one warm-up each, so
  they share the machine's state; a ratio is the median of the pairwise ratios. Both exit after
  their first frame (``--exit-after-first-frame``: headless, draw once, exit).
* In-process figures (load, save, search, prep build): ``time.perf_counter`` around one call,
  repeated; the median and the spread (p25-p75, or min-max) are reported.
* Keypress to refreshed screen: the app runs under ``App.run_test`` (headless, 120x40) with
  ``TEXTUAL_FPS=1000``. Every frame the compositor produces is timestamped as it is handed to
  the display, after converting it to the escape sequences a real terminal would get (headless
  mode skips that step, so the benchmark does it). The latency of one key is the time from
  sending the key to the first frame that shows its result (the cursor on the next row, the
  detail screen up, the list filtered), checked by a predicate at each frame. Raising the frame
  cap from 60 to 1000 fps removes Textual's deliberate frame pacing (up to 16.7 ms of idle
  waiting) so that what is measured is the work a key causes: handling, layout, rendering.
  p50 and p95 are over 200 presses.
* Peak memory: the maximum RSS of a whole process, by ``os.wait4``: the app drawing its first
  frame, and a scripted session (a subprocess of this script) that visits every built screen.
* Growth: load, start, save and search on the 1-, 10- and 20-year files, with the ratios
  10y/1y and 20y/10y and the growth exponent (cost ~ years ** slope, 1.0 linear). A cost
  grows no worse than linearly when twice the data (10 -> 20 years) costs at most 2.3 times
  as much (2.0, plus a margin for noise; quadratic growth would be 4). The step from 1 to 10
  years is shown but not judged: a year of data fits in the CPU's caches and ten do not, so
  the cost per record rises once, between the two, on any machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import gc
import importlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ORIGINAL_ENV = dict(os.environ)
"""Subprocesses run with the user's environment, not the in-process frame-rate override."""
assert "textual" not in sys.modules, "TEXTUAL_FPS must be set before Textual is imported"
os.environ["TEXTUAL_FPS"] = "1000"  # see "Keypress to refreshed screen" above

HERE = Path(__file__).resolve().parent
DATA_ROOT = HERE / "data"
RESULTS_FILE = HERE / "results.json"
BASELINE_FILE = HERE / "baseline.json"
SIZES = ("1y", "10y", "20y")
MAIN_SIZE = "10y"
LINEAR_DOUBLING = 2.3
"""The most twice the data (10 -> 20 years) may cost, as a multiple, and still count as linear
growth: 2.0 is linear (less with fixed costs), 4.0 quadratic; the margin is for noise."""
TERMINAL = (120, 40)
NOTE_TEXT = "Coffee with a friend, talked about #pricing and what comes next"

sys.path.insert(0, str(HERE))
import make_dataset  # noqa: E402
from make_dataset import SEARCH_QUERIES  # noqa: E402


class BenchError(Exception):
    """A measurement could not be taken (the benchmark is broken, not slow)."""


# -- figures ----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Linear-interpolated percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Figure:
    """One row of the table: samples, the statistic checked against the target, the verdict."""

    key: str
    label: str
    unit: str = "ms"
    samples: list[float] = field(default_factory=list)
    stat: str = "p50"
    """Which statistic is the figure's value: p50 (the median) or p95."""
    target: float | None = None
    """Upper bound for the value; None for figures reported for information."""
    target_text: str = ""
    note: str = ""
    na: str | None = None
    error: str | None = None
    baseline: float | None = None

    @property
    def value(self) -> float | None:
        if not self.samples:
            return None
        return percentile(self.samples, 0.95 if self.stat == "p95" else 0.5)

    @property
    def spread(self) -> str:
        if len(self.samples) < 2:
            return ""
        if self.stat == "p95":
            median = fmt(percentile(self.samples, 0.5), self.unit)
            return f"p50 {median}, max {fmt(max(self.samples), self.unit)}"
        if len(self.samples) >= 8:
            low, high = percentile(self.samples, 0.25), percentile(self.samples, 0.75)
            return f"IQR {fmt(low, self.unit)}-{fmt(high, self.unit)}"
        return f"range {fmt(min(self.samples), self.unit)}-{fmt(max(self.samples), self.unit)}"

    @property
    def verdict(self) -> str:
        if self.error:
            return "error"
        if self.na:
            return "n/a"
        value = self.value
        if self.target is None or value is None:
            return ""
        if value <= self.target:
            return "met"
        return f"missed by {(value / self.target - 1) * 100:.0f}%"

    def as_json(self) -> dict[str, Any]:
        samples = self.samples
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "stat": self.stat,
            "value": self.value,
            "p25": percentile(samples, 0.25) if samples else None,
            "p50": percentile(samples, 0.5) if samples else None,
            "p75": percentile(samples, 0.75) if samples else None,
            "p95": percentile(samples, 0.95) if samples else None,
            "min": min(samples) if samples else None,
            "max": max(samples) if samples else None,
            "n": len(samples),
            "target": self.target,
            "target_text": self.target_text,
            "verdict": self.verdict,
            "baseline": self.baseline,
            "note": self.na or self.error or self.note,
        }


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "%":
        return f"{value:+.1f}%"
    if unit == "":  # a share, such as top-1
        return f"{value:.2f}"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


@dataclass
class Growth:
    """One cost on the 1-, 10- and 20-year files."""

    key: str
    label: str
    unit: str = "ms"
    values: dict[str, float] = field(default_factory=dict)
    na: str | None = None
    error: str | None = None
    baseline: dict[str, float] = field(default_factory=dict)
    """The baseline's values by size."""

    def _ratio(self, big: str, small: str) -> float | None:
        if big in self.values and small in self.values and self.values[small] > 0:
            return self.values[big] / self.values[small]
        return None

    @property
    def ratio(self) -> float | None:
        """Cost at 20 years over cost at 10: at most 2 when growth is linear or better."""
        return self._ratio("20y", "10y")

    @property
    def ratio_10_1(self) -> float | None:
        """Cost at 10 years over cost at 1: at most 10 when growth is linear or better."""
        return self._ratio("10y", "1y")

    @property
    def slope(self) -> float | None:
        """The growth exponent from the smallest to the largest file: cost ~ years ** slope."""
        sizes = sorted(self.values, key=lambda size: float(size.rstrip("y")))
        if len(sizes) < 2:
            return None
        first, last = sizes[0], sizes[-1]
        years = float(last.rstrip("y")) / float(first.rstrip("y"))
        if years <= 1 or self.values[first] <= 0 or self.values[last] <= 0:
            return None
        return math.log(self.values[last] / self.values[first]) / math.log(years)

    @property
    def verdict(self) -> str:
        if self.error:
            return "error"
        if self.na:
            return "n/a"
        ratio = self.ratio
        if ratio is None:
            return ""
        return "met" if ratio <= LINEAR_DOUBLING else f"missed ({ratio:.2f}x for twice the data)"

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "values": self.values,
            "ratio_10y_1y": self.ratio_10_1,
            "ratio_20y_10y": self.ratio,
            "slope": self.slope,
            "verdict": self.verdict,
            "baseline": self.baseline,
            "note": self.na or self.error or "",
        }


# -- the context every measurement gets -------------------------------------------------------


@dataclass
class Context:
    data: dict[str, Path]
    """Working copies of the datasets by size ("1y", "10y", "20y"), never written to."""
    runs: int
    """Repetitions of a whole-process figure."""
    repeats: int
    """Repetitions of an in-process figure."""
    presses: int
    smoke: bool
    scratch: Path
    figures: list[Figure] = field(default_factory=list)
    growth: list[Growth] = field(default_factory=list)
    bare_samples: list[float] = field(default_factory=list)
    in_worker: bool = False

    def wire_data(self) -> dict[str, str]:
        return {size: str(path) for size, path in self.data.items()}

    @property
    def main(self) -> Path:
        return self.data[MAIN_SIZE]

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    def writable(self, size: str = MAIN_SIZE) -> Path:
        """A fresh copy of a dataset for a measurement that writes, so others see it unchanged."""
        copy = Path(tempfile.mkdtemp(prefix=f"{size}-", dir=self.scratch))
        shutil.copy2(self.data[size] / "brilliance.json", copy / "brilliance.json")
        return copy


Needs = Callable[[], str | None]
Measure = Callable[[Context], None]


@dataclass
class Measurement:
    name: str
    title: str
    needs: Needs
    run: Measure
    rows: list[tuple[str, str]]
    """(key, label) of the rows it produces, for the n/a and error rows."""
    growth: bool = False
    fresh_process: bool = True
    """Run in a process of its own, as a user's session would be: no heap, caches or frozen
    objects left over from the measurements before it."""


MEASUREMENTS: list[Measurement] = []


def measurement(
    title: str,
    rows: list[tuple[str, str]],
    needs: Needs | None = None,
    *,
    growth: bool = False,
    fresh_process: bool = True,
) -> Callable[[Measure], Measure]:
    def register(run: Measure) -> Measure:
        MEASUREMENTS.append(
            Measurement(
                run.__name__, title, needs or (lambda: None), run, rows, growth, fresh_process
            )
        )
        return run

    return register


def has(module: str, *attributes: str) -> Needs:
    """A ``needs`` check: ``module`` imports and has each dotted attribute."""

    def check() -> str | None:
        try:
            found: Any = importlib.import_module(module)
        except ImportError:
            return f"{module}"
        for dotted in attributes:
            target = found
            for part in dotted.split("."):
                if not hasattr(target, part):
                    return f"{module}.{dotted}"
                target = getattr(target, part)
        return None

    return check


def all_of(*checks: Needs) -> Needs:
    def check() -> str | None:
        missing = [reason for c in checks if (reason := c()) is not None]
        return ", ".join(missing) if missing else None

    return check


def subcommand(name: str) -> Needs:
    def check() -> str | None:
        from brilliance import cli

        return None if name in getattr(cli, "SUBCOMMANDS", {}) else f"`brilliance {name}`"

    return check


def exit_after_first_frame() -> str | None:
    import inspect

    from brilliance.commands import launch

    run_app = getattr(launch, "run_app", None)
    if run_app is None or "exit_after_first_frame" not in inspect.signature(run_app).parameters:
        return "`brilliance --exit-after-first-frame`"
    return None


# -- helpers ----------------------------------------------------------------------------------


def brilliance_command() -> list[str]:
    script = Path(sys.executable).parent / "brilliance"
    return [str(script)] if script.exists() else [sys.executable, "-m", "brilliance"]


def bare_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py"), "--exit-after-first-frame"]


def start_command(data_dir: Path) -> list[str]:
    return [*brilliance_command(), "--exit-after-first-frame", "--data-dir", str(data_dir)]


LAUNCHER = """
import json, os, subprocess, sys, time
report, argv = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
child = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
elapsed = time.perf_counter() - started
with open(report, "w") as out:
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    json.dump({"ms": elapsed * 1000, "cpu": cpu, "maxrss": usage.ru_maxrss, "status": status}, out)
"""
"""Runs one measured process and reports its wall time, CPU time (user + system) and peak RSS.

Linux counts the parent's resident memory at fork into a child's ``ru_maxrss``, so a child
forked from this benchmark (hundreds of MiB after the in-process figures) would report at
least that much. Forking it from a fresh, small interpreter keeps the figure the child's own.
"""


def run_process(argv: list[str]) -> tuple[float, float, str]:
    """Run one whole process: (wall milliseconds, peak RSS MiB, stdout)."""
    ms, _cpu, peak, stdout = run_process_cpu(argv)
    return ms, peak, stdout


def run_process_cpu(argv: list[str]) -> tuple[float, float, float, str]:
    """Run one whole process: (wall ms, CPU ms (user + system), peak RSS MiB, stdout).

    CPU time counts only the process's own work, so on a machine busy with other work it
    moves much less than wall time does (issue 19: the figure to compare within a run).
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile(suffix=".json") as report,
    ):
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, report.name, *argv],
            stdout=out,
            stderr=err,
            env=ORIGINAL_ENV,
            check=True,
        )
        measured = json.loads(Path(report.name).read_text())
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        status = os.waitstatus_to_exitcode(measured["status"])
        if status != 0:
            raise BenchError(
                f"{' '.join(argv)} exited {status}: {err.read().decode(errors='replace')}"
            )
    scale = 2**20 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    return measured["ms"], measured["cpu"], measured["maxrss"] / scale, stdout


def timed(call: Callable[[], object], repeats: int) -> list[float]:
    """Milliseconds of ``call``, ``repeats`` times, after one untimed warm-up call."""
    call()
    samples = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def anchor_clock(store: Any) -> Any:
    """A clock stopped at the data's last journal entry: the day the dataset calls today."""
    from brilliance.domain.clock import FixedClock

    latest = max((e.written_at for e in store.journal), default=datetime.now())
    return FixedClock(latest.replace(second=0, microsecond=0))


@contextlib.contextmanager
def open_store(data_dir: Path, *, lock: bool = False, app: bool = False) -> Iterator[Any]:
    """Open a store; ``app=True`` opens it as ``commands.launch.run_app`` does for the TUI."""
    import inspect

    from brilliance.store.store import Store

    options: dict[str, Any] = {"lock": lock}
    if app and "for_the_process" in inspect.signature(Store.open).parameters:
        options["for_the_process"] = True
    store = Store.open(data_dir, **options)
    store.clock = anchor_clock(store)
    try:
        yield store
    finally:
        store.close()


def journal_text(words: int = 150) -> str:
    vocabulary = make_dataset.words(
        "met talked listened about pricing roadmap goals career introduction coffee walk "
        "promise follow up next week idea article praise honest trust learning"
    )
    return " ".join(vocabulary[i % len(vocabulary)] for i in range(words))


# -- whole processes --------------------------------------------------------------------------


@measurement(
    "cold start",
    [
        ("start_brilliance", "cold start to first frame: Brilliance"),
        ("start_bare", "cold start to first frame: bare Textual app"),
        ("start_ratio", "cold start: Brilliance / bare Textual"),
        ("start_cpu_ratio", "cold start CPU (user+sys): Brilliance / bare Textual"),
        ("start_cpu_ratio_full", "cold start CPU without Today's summary / bare Textual"),
        ("rss_first_frame", "peak RSS: first frame, 10-year file"),
    ],
    exit_after_first_frame,
    fresh_process=False,
)
def cold_start(ctx: Context) -> None:
    brilliance, bare = start_command(ctx.main), bare_command()
    # Warm the page cache and the bytecode caches. This first start is a normal one: when it
    # closes it keeps Today's summary, which the starts measured next draw their first frame
    # from, as the next start of the day does (issue 19). The summary is removed before each
    # start of the second series, so it measures the normal start (after the data file
    # changed elsewhere, or two days or more after the app last closed).
    run_process(brilliance)
    run_process(bare)
    summary = ctx.main / "brilliance.today"
    ours: list[float] = []
    floor: list[float] = []
    rss: list[float] = []
    cpu_ratios: list[float] = []
    full_ratios: list[float] = []
    for _ in range(ctx.runs):
        ms, floor_cpu, peak, _ = run_process_cpu(bare)
        floor.append(ms)
        ms, cpu, peak, _ = run_process_cpu(brilliance)
        ours.append(ms)
        rss.append(peak)
        cpu_ratios.append(cpu / floor_cpu if floor_cpu else float("nan"))
        summary.unlink(missing_ok=True)
        _, full_cpu, full_peak, _ = run_process_cpu(brilliance)  # (writes it again at close)
        rss.append(full_peak)
        full_ratios.append(full_cpu / floor_cpu if floor_cpu else float("nan"))
    ctx.bare_samples = floor
    from brilliance.app import BrillianceApp

    today = BrillianceApp.MODES.get("today")
    placeholder = getattr(today, "__module__", "").endswith("placeholder")
    note = "Today is still a placeholder screen" if placeholder else ""
    ctx.figures += [
        Figure(
            "start_brilliance", "cold start to first frame: Brilliance", samples=ours, note=note
        ),
        Figure("start_bare", "cold start to first frame: bare Textual app", samples=floor),
        Figure(
            "start_ratio",
            "cold start: Brilliance / bare Textual",
            unit="x",
            samples=[a / b for a, b in zip(ours, floor, strict=True)],
            target=1.5,  # issue 19 (issue 7 asked 1.25x)
            target_text="<= 1.5x",
            note=note,
        ),
        Figure(
            "start_cpu_ratio",
            "cold start CPU (user+sys): Brilliance / bare Textual",
            unit="x",
            samples=cpu_ratios,
            target=1.5,
            target_text="<= 1.5x",
            note="each pair run back to back; steadier than wall time on a busy machine",
        ),
        Figure(
            "start_cpu_ratio_full",
            "cold start CPU without Today's summary / bare Textual",
            unit="x",
            samples=full_ratios,
            note="the normal start: the file changed elsewhere, or two days since the last close",
        ),
        Figure(
            "rss_first_frame",
            "peak RSS: first frame, 10-year file",
            unit="MiB",
            samples=rss,
            target=120,
            target_text="<= 120 MiB",
        ),
    ]


@measurement(
    "quick capture",
    [
        ("note_process", "quick capture: `brilliance note` process"),
        ("note_ratio", "quick capture: note / bare Textual"),
    ],
    subcommand("note"),
    fresh_process=False,
)
def quick_capture(ctx: Context) -> None:
    argv = [*brilliance_command(), "note", NOTE_TEXT, "--data-dir", str(ctx.writable())]
    run_process(argv)
    samples = []
    rss = []
    for _ in range(ctx.runs):
        ms, peak, _ = run_process(argv)
        samples.append(ms)
        rss.append(peak)
    floor = ctx.bare_samples or [run_process(bare_command())[0] for _ in range(ctx.runs)]
    bare = statistics.median(floor)
    ctx.figures += [
        Figure(
            "note_process",
            "quick capture: `brilliance note` process",
            samples=samples,
            note=f"peak RSS {statistics.median(rss):.0f} MiB",
        ),
        Figure(
            "note_ratio",
            "quick capture: note / bare Textual",
            unit="x",
            samples=[s / bare for s in samples],
            target=0.5,
            target_text="<= 0.5x",
        ),
    ]


# -- in-process: the store ---------------------------------------------------------------------


@measurement("load", [("load", "load the data file (Store.open)")])
def load(ctx: Context) -> None:
    from brilliance.store.store import Store

    def open_and_close() -> None:
        Store.open(ctx.main, lock=False).close()

    ctx.figures.append(
        Figure(
            "load", "load the data file (Store.open)", samples=timed(open_and_close, ctx.repeats)
        )
    )


def save_samples(data_dir: Path, repeats: int) -> list[float]:
    from brilliance.domain.models import JournalEntry

    text = journal_text()
    with open_store(data_dir, lock=True) as store:
        entries = iter(
            [JournalEntry(written_at=store.clock.now(), text=text) for _ in range(repeats + 1)]
        )
        return timed(lambda: store.journal.save(next(entries)), repeats)


@measurement(
    "save",
    [
        ("save", "save one journal entry"),
        ("save_disk", "save: of which write + fsync + rename"),
    ],
)
def save(ctx: Context) -> None:
    from brilliance.store.storage import atomic_write

    samples = save_samples(ctx.writable(), ctx.repeats)
    data = (ctx.main / "brilliance.json").read_bytes()
    target = ctx.scratch / "disk-only.json"
    disk = timed(lambda: atomic_write(target, data), ctx.repeats)
    ctx.figures += [
        Figure(
            "save", "save one journal entry", samples=samples, target=25, target_text="<= 25 ms"
        ),
        Figure(
            "save_disk",
            "save: of which write + fsync + rename",
            samples=disk,
            note=f"the whole file, {len(data) / 2**20:.1f} MiB",
        ),
    ]


@measurement(
    "unchanged disk",
    [("unchanged_disk", "save: looking at a disk that did not change")],
    has("brilliance.store.store", "Store.sync_with_disk"),
)
def unchanged_disk(ctx: Context) -> None:
    """What every save and every inbox poll adds since the merge (issue 12) when nothing
    changed on disk: the file's stamp and the folder's scan for conflict copies."""
    with open_store(ctx.writable(), lock=True) as store:
        samples = timed(store.sync_with_disk, ctx.repeats)
    ctx.figures.append(
        Figure(
            "unchanged_disk",
            "save: looking at a disk that did not change",
            samples=samples,
            target=5,
            target_text="<= 5 ms more",
            note="Store.sync_with_disk on an unchanged folder: stat and conflict-copy scan",
        )
    )


MERGE_API = has("brilliance.store.copies", "merge_copy")


def diverge(folder: Path, seed: int, changes: int = 100) -> None:
    """Make ``changes`` changes in one copy, as a device would while apart: edits of people
    and journal entries, new entries, deleted meetings."""
    import random

    from brilliance.domain.models import JournalEntry, updated

    rng = random.Random(seed)
    with open_store(folder, lock=True) as store, store.batch():
        people = sorted(store.people.all(), key=lambda p: p.id)
        entries = sorted(store.journal.all(), key=lambda e: e.id)
        meetings = sorted(store.meetings.all(), key=lambda m: m.id)
        for n in range(changes):
            kind = n % 4
            if kind == 0:
                person = rng.choice(people)
                store.people.save(updated(person, headline=f"changed {seed}-{n}"))
            elif kind == 1:
                entry = rng.choice(entries)
                store.journal.save(updated(entry, text=f"{entry.text} (edited {seed}-{n})"))
            elif kind == 2:
                store.journal.save(JournalEntry(written_at=store.clock.now(), text=f"new {n}"))
            else:
                store.meetings.delete(rng.choice(meetings).id)


@measurement(
    "merge two diverged copies",
    [("merge", "merge two diverged copies (100 changes each)")],
    MERGE_API,
)
def merge_copies(ctx: Context) -> None:
    from brilliance.store.backups import daily_backup
    from brilliance.store.copies import merge_copy

    mine, theirs = ctx.writable(), ctx.writable()
    diverge(mine, seed=1)
    diverge(theirs, seed=2)
    samples: list[float] = []
    for _ in range(max(1, ctx.repeats // 3)):
        fresh = Path(tempfile.mkdtemp(prefix="merge-", dir=ctx.scratch))
        shutil.copy2(mine / "brilliance.json", fresh / "brilliance.json")
        with open_store(fresh, lock=True) as store:
            daily_backup(store.path, store.clock.today())  # the day's first save takes it
            started = time.perf_counter()
            result = merge_copy(store, theirs / "brilliance.json")
            samples.append((time.perf_counter() - started) * 1000)
        shutil.rmtree(fresh)
    ctx.figures.append(
        Figure(
            "merge",
            "merge two diverged copies (100 changes each)",
            samples=samples,
            target=300,
            target_text="<= 300 ms",
            note=f"read, merge, check and write: {result.merged.summary()}",
        )
    )


@measurement(
    "what the change stamps cost",
    [
        ("stamps_size", "file size with stamps, vs without"),
        ("stamps_load", "load with stamps, vs without"),
    ],
    has("brilliance.store.stamps", "STAMP_KEY"),
)
def stamps_cost(ctx: Context) -> None:
    import re

    from brilliance.store.store import Store

    stamped = ctx.main / "brilliance.json"
    raw = stamped.read_bytes()
    bare_dir = Path(tempfile.mkdtemp(prefix="unstamped-", dir=ctx.scratch))
    bare = re.sub(rb'"_stamp":"[^"]*",?', b"", raw)
    (bare_dir / "brilliance.json").write_bytes(bare)

    def load(folder: Path) -> Callable[[], None]:
        return lambda: Store.open(folder, lock=False).close()

    with_stamps = timed(load(ctx.main), ctx.repeats)
    without = timed(load(bare_dir), ctx.repeats)
    size_growth = (len(raw) / len(bare) - 1) * 100
    load_growth = (statistics.median(with_stamps) / statistics.median(without) - 1) * 100
    ctx.figures += [
        Figure(
            "stamps_size",
            "file size with stamps, vs without",
            unit="%",
            samples=[size_growth],
            target=10,
            target_text="<= +10%",
            note=f"{len(raw) / 2**20:.2f} MiB vs {len(bare) / 2**20:.2f} MiB",
        ),
        Figure(
            "stamps_load",
            "load with stamps, vs without",
            unit="%",
            samples=[load_growth],
            target=10,
            target_text="<= +10%",
            note=f"p50 {statistics.median(with_stamps):.0f} ms vs "
            f"{statistics.median(without):.0f} ms",
        ),
    ]


SEARCH_API = has("brilliance.domain.journal", "JournalIndex.search", "JournalFilter")


def search_samples(data_dir: Path, repeats: int) -> tuple[list[float], list[float]]:
    from brilliance.domain.journal import JournalFilter, JournalIndex

    with open_store(data_dir) as store:
        cold = []
        for query in SEARCH_QUERIES:
            started = time.perf_counter()
            JournalIndex().search(store.journal.all(), JournalFilter(words=query))
            cold.append((time.perf_counter() - started) * 1000)
        index = JournalIndex()
        warm: list[float] = []
        for query in SEARCH_QUERIES:
            wanted = JournalFilter(words=query)
            warm += timed(lambda w=wanted: index.search(store.journal.all(), w), repeats)
    return warm, cold


@measurement(
    "full-text search",
    [("search", "full-text search of the journal"), ("search_cold", "search: first, index cold")],
    SEARCH_API,
)
def search(ctx: Context) -> None:
    warm, cold = search_samples(ctx.main, ctx.repeats)
    queries = ", ".join(repr(q) for q in SEARCH_QUERIES)
    ctx.figures += [
        Figure(
            "search",
            "full-text search of the journal",
            samples=warm,
            target=20,
            target_text="<= 20 ms",
            note=f"queries {queries}",
        ),
        Figure("search_cold", "search: first, index cold", samples=cold),
    ]


PREP_DOMAIN = all_of(
    has("brilliance.domain.prep", "build_sheet"),
    has("brilliance.services.prep_inputs", "gather_inputs"),
    has("brilliance.domain.meetings", "next_planned"),
)


def prep_people(store: Any) -> list[Any]:
    """Whom the prep figures prepare for, in turn: the dozen on the list, by name."""
    return sorted(store.people.on_list(), key=lambda p: p.name.casefold())


def forget_caches() -> None:
    """Empty the memoised functions of Brilliance, as in a process that has just started."""
    for name, module in list(sys.modules.items()):
        if name.startswith("brilliance."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@measurement(
    "prep sheet (domain)",
    [("prep_build", "prep sheet: gather and build"), ("prep_build_first", "prep: first sheet")],
    PREP_DOMAIN,
)
def prep_build(ctx: Context) -> None:
    from brilliance.domain.meetings import next_planned
    from brilliance.domain.prep import build_sheet
    from brilliance.services.prep_inputs import gather_inputs

    with open_store(ctx.main) as store:
        people = prep_people(store)
        samples = []
        forget_caches()
        for turn in range(ctx.repeats + 1):
            person = people[turn % len(people)]
            meeting = next_planned(store.meetings.for_person(person.id), store.clock.today())
            started = time.perf_counter()
            build_sheet(gather_inputs(store, person, meeting))
            samples.append((time.perf_counter() - started) * 1000)
    rotation = f"each of the {len(people)} on the list in turn"
    ctx.figures += [
        Figure("prep_build", "prep sheet: gather and build", samples=samples[1:], note=rotation),
        Figure("prep_build_first", "prep: first sheet", samples=samples[:1]),
    ]


MATCHING_API = has("brilliance.domain.introductions", "suggest_introductions")


FRESH_BATCH = 13
"""The labelled set's batch kept unseen while the topic map was widened (issue 15m)."""


@measurement(
    "matching quality (introductions, labelled set)",
    [
        ("match_top1_shared", "introductions: top-1, goal shares a word"),
        ("match_top1_unshared", "introductions: top-1, no shared word"),
        ("match_r3_unshared", "introductions: recall@3, no shared word"),
        ("match_top1_fresh", "introductions: top-1, fresh held-out, no shared word"),
        ("match_rank", "introductions: ranking one goal"),
    ],
    MATCHING_API,
)
def matching_quality(ctx: Context) -> None:
    """Top-1 and recall at 3 on tests/domain/data/introductions.toml (held-out goals included)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_matching import engine_ranker, evaluate, load_set, own_pool_sets

    pool, cases = load_set()
    if ctx.smoke:  # a taste: every tenth goal, enough to see that it runs
        cases = cases[::10]
    ranker = engine_ranker()
    started = time.perf_counter()
    scores = evaluate(ranker, pool, cases)
    per_goal = (time.perf_counter() - started) * 1000 / len(cases)
    shared, unshared = scores["shares a word"], scores["no shared word"]
    # The honest bar: goals written before the map was widened and never studied for it (batch
    # 13; batches 8, 9 and 14 to 18 were measured once when fresh, then studied).
    fresh = [c for c in cases if c.held and c.batch == FRESH_BATCH]
    strict = evaluate(ranker, pool, fresh)["no shared word"]
    ctx.figures += [
        Figure(
            "match_top1_shared",
            "introductions: top-1, goal shares a word",
            unit="",
            samples=[shared.top1],
            note=f"{shared.count} goals",
        ),
        Figure(
            "match_top1_unshared",
            "introductions: top-1, no shared word",
            unit="",
            samples=[unshared.top1],
            note=f"{unshared.count} goals, dev and held out",
        ),
        Figure(
            "match_top1_fresh",
            "introductions: top-1, fresh held-out, no shared word",
            unit="",
            samples=[strict.top1],
            note=(
                f"{strict.count} goals of batch {FRESH_BATCH}, never studied, but written by the"
                " map's author just before widening it; the bar of 0.85 is on the maintainers'"
                " own goals (fresh batches 14-18 scored 0.57-0.73 on first sight)"
            ),
        ),
        *own_pool_figures(ranker, own_pool_sets(), evaluate, load_set, smoke=ctx.smoke),
        Figure(
            "match_r3_unshared",
            "introductions: recall@3, no shared word",
            unit="",
            samples=[unshared.recall3],
        ),
        Figure(
            "match_rank",
            "introductions: ranking one goal",
            samples=[per_goal],
            note=f"pool of {len(pool)} people, mean over {len(cases)} goals",
        ),
    ]


def own_pool_figures(
    ranker: Any, paths: list[Path], evaluate: Any, load_set: Any, *, smoke: bool
) -> list[Figure]:
    """Top-1 with no shared word on each set that carries its own pool (introductions-NN.toml):
    set 19 was written blind by a helper who never saw the engine (0.52 on first sight)."""
    figures = []
    for path in paths:
        pool, cases = load_set(path)
        if smoke:
            cases = cases[::10]
        score = evaluate(ranker, pool, cases)["no shared word"]
        name = path.stem.removeprefix("introductions-")
        figures.append(
            Figure(
                f"match_top1_set{name}",
                f"introductions: top-1, set {name} (own pool), no shared word",
                unit="",
                samples=[score.top1],
                note=(
                    f"{score.count} goals among {len(pool)} people; written blind by a helper"
                    " who never saw the engine, 0.52 on first sight, since studied"
                ),
            )
        )
    return figures


ENCRYPTION = has("brilliance.store.codec", "Keyring.create")
BENCH_PASSPHRASE = b"a passphrase for the benchmark"


def encrypted_copy(ctx: Context) -> tuple[Path, Any]:
    """A writable copy of the 10-year folder, encrypted as `brilliance encrypt` does it, with the
    keyring that opens it (derived once, with the real settings)."""
    from brilliance.store.codec import PLAIN, Keyring
    from brilliance.store.conversion import convert_folder

    folder = ctx.writable()
    keyring = Keyring.create(BENCH_PASSPHRASE)
    convert_folder(folder, PLAIN, keyring, now=datetime.now(), label="bench")
    return folder, keyring


@measurement(
    "encryption",
    [
        ("kdf", "encryption: key derivation (once a session)"),
        ("kdf_cpu", "encryption: key derivation, CPU time"),
        ("open_encrypted_extra", "encryption: open, extra over plain (beyond the KDF)"),
        ("save_encrypted", "encryption: save one journal entry"),
        ("note_encrypted", "encryption: `brilliance note`, sealed"),
    ],
    ENCRYPTION,
)
def encryption(ctx: Context) -> None:
    from brilliance.store import crypto
    from brilliance.store.store import Store

    params = crypto.DEFAULT_KDF
    salt = crypto.new_salt()
    kdf: list[float] = []
    kdf_cpu: list[float] = []
    for _ in range(min(ctx.repeats, 7)):
        cpu, wall = time.process_time(), time.perf_counter()
        crypto.derive_key(BENCH_PASSPHRASE, salt, params)
        kdf_cpu.append((time.process_time() - cpu) * 1000)
        kdf.append((time.perf_counter() - wall) * 1000)
    folder, keyring = encrypted_copy(ctx)
    extra: list[float] = []
    for _ in range(max(1, min(ctx.repeats, 9))):  # interleaved, so both share the machine's state
        plain = timed(lambda: Store.open(ctx.main, lock=False).close(), 1)[0]
        sealed = timed(lambda: Store.open(folder, lock=False, keyring=keyring).close(), 1)[0]
        extra.append(sealed - plain)
    text = journal_text()
    from brilliance.domain.models import JournalEntry

    with Store.open(folder, keyring=keyring) as store:
        store.clock = anchor_clock(store)
        entries = iter(
            [JournalEntry(written_at=store.clock.now(), text=text) for _ in range(ctx.repeats + 1)]
        )
        saves = timed(lambda: store.journal.save(next(entries)), ctx.repeats)
    argv = [*brilliance_command(), "note", NOTE_TEXT, "--data-dir", str(folder)]
    run_process(argv)
    notes = [run_process(argv)[0] for _ in range(ctx.runs)]
    size = (folder / "brilliance.json").stat().st_size / 2**20
    setting = (
        f"Argon2id, {params.cost1} passes over {params.cost2 // 1024} MiB, {params.cost3} lane"
        if params.kdf == crypto.KDF_ARGON2ID
        else f"scrypt n=2^{params.cost1}, r={params.cost2}, p={params.cost3}"
    )
    ctx.figures += [
        Figure(
            "kdf",
            "encryption: key derivation (once a session)",
            samples=kdf,
            target=500,
            target_text="about 300-500 ms",
            note=setting,
        ),
        Figure(
            "kdf_cpu",
            "encryption: key derivation, CPU time",
            samples=kdf_cpu,
            target=500,
            target_text="about 300-500 ms",
            note="the work itself, whatever else shares the cores",
        ),
        Figure(
            "open_encrypted_extra",
            "encryption: open, extra over plain (beyond the KDF)",
            samples=extra,
            target=50,
            target_text="<= 50 ms",
            note=f"AES-256-GCM over {size:.1f} MiB; pairwise differences",
        ),
        Figure(
            "save_encrypted",
            "encryption: save one journal entry",
            samples=saves,
            target=25,
            target_text="<= 25 ms",
            note="no key derivation: the session's key",
        ),
        Figure(
            "note_encrypted",
            "encryption: `brilliance note`, sealed",
            samples=notes,
            note="no passphrase asked",
        ),
    ]


# -- in-process: the TUI -------------------------------------------------------------------------


class FrameRecorder:
    """Timestamps each frame the app draws, and whether it showed what a key was meant to do."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.frames: list[tuple[float, bool]] = []
        self.shows: Callable[[Any], bool] | None = None
        original = app._display
        console = app.console

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                # What a real terminal driver would do; headless mode skips it.
                renderable.render_segments(console)
            original(screen, renderable)
            stamp = time.perf_counter()
            check = self.shows
            self.frames.append((stamp, check(screen) if check is not None else True))

        app._display = display

    async def latency(self, pilot: Any, key: str, shows: Callable[[Any], bool]) -> float:
        """Milliseconds from sending ``key`` to the first frame for which ``shows`` holds."""
        self.shows = shows
        mark = len(self.frames)
        started = time.perf_counter()
        await pilot.press(key)
        for _ in range(100):
            hits = [stamp for stamp, ok in self.frames[mark:] if ok]
            if hits:
                self.shows = None
                return (hits[0] - started) * 1000
            await pilot.pause()
        self.shows = None
        raise BenchError(f"no frame showed the result of pressing {key!r}")


SessionBody = Callable[[Any, Any, FrameRecorder], Awaitable[None]]


def run_session(data_dir: Path, start_mode: str, body: SessionBody) -> None:
    """Run ``body(app, pilot, recorder)`` in a headless app on ``data_dir``."""
    from brilliance.app import make_app

    async def main() -> None:
        with open_store(data_dir, lock=True, app=True) as store:
            app = make_app(store, store.clock, start_mode=start_mode)
            async with app.run_test(size=TERMINAL) as pilot:
                recorder = FrameRecorder(app)
                await pilot.pause()
                await body(app, pilot, recorder)

    asyncio.run(main())


async def walk_table(pilot: Any, recorder: FrameRecorder, table: Any, presses: int) -> list[float]:
    """Move the cursor ``presses`` times (down to the end, then back up), timing each key."""
    samples = []
    step = 1
    for _ in range(presses):
        row = table.cursor_row
        if row + step >= table.row_count or row + step < 0:
            step = -step
        wanted = row + step
        samples.append(
            await recorder.latency(
                pilot,
                "down" if step > 0 else "up",
                lambda _screen, w=wanted: table.cursor_row == w,
            )
        )
    return samples


def keypress_figure(key: str, label: str, samples: list[float], note: str = "") -> Figure:
    return Figure(
        key, label, samples=samples, stat="p95", target=16, target_text="p95 <= 16 ms", note=note
    )


@measurement(
    "keypress: the List",
    [("key_list", "keypress: List, wider network (p95)")],
    has("brilliance.screens.people", "PeopleScreen.action_toggle_wide"),
)
def keypress_list(ctx: Context) -> None:
    samples: list[float] = []
    rows = 0

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        nonlocal rows
        await pilot.press("w")
        await pilot.pause()
        table = app.screen.table
        rows = len(table.person_ids)  # the List's rows, some still to come (issue 19)
        table.focus()
        await pilot.pause()
        samples.extend(await walk_table(pilot, recorder, table, ctx.presses))

    run_session(ctx.main, "people", body)
    ctx.figures.append(
        keypress_figure("key_list", "keypress: List, wider network (p95)", samples, f"{rows} rows")
    )


@measurement(
    "keypress: the Journal",
    [("key_journal", "keypress: Journal list (p95)")],
    has("brilliance.screens.journal", "JournalScreen"),
)
def keypress_journal(ctx: Context) -> None:
    samples: list[float] = []
    rows = 0

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        nonlocal rows
        table = app.screen.table
        rows = len(table.entry_ids)  # the Journal's rows, some still to come (issue 19)
        table.focus()
        await pilot.pause()
        samples.extend(await walk_table(pilot, recorder, table, ctx.presses))

    run_session(ctx.main, "journal", body)
    ctx.figures.append(
        keypress_figure("key_journal", "keypress: Journal list (p95)", samples, f"{rows} rows")
    )


def first_rows_drawn(table: Any, keys: list[str]) -> bool:
    """Whether ``table`` holds the rows keyed ``keys`` as its first rows, as far as it shows.

    A filter or search key adds the rows on screen before its frame and the rest in the next
    frames (issue 19): a frame counts as showing the key's result once the visible rows are there.
    """
    visible = min(len(keys), table.size.height)
    row_keys = getattr(table, "row_keys", None)  # a LineTable's; a DataTable's are its rows
    if row_keys is None:
        row_keys = [str(key.value) for key in table.rows]
    return list(row_keys[:visible]) == keys[:visible]


async def type_and_erase(
    pilot: Any,
    recorder: FrameRecorder,
    words: list[str],
    typed: Callable[[Any], str | None],
    shown: Callable[[Any], bool],
) -> list[float]:
    """Type each word a key at a time, then erase it, timing every key to its refreshed frame."""
    samples = []
    for word in words:
        text = ""
        keys = [(ch, text := text + ch) for ch in word]
        keys += [("backspace", word[:i]) for i in range(len(word) - 1, -1, -1)]
        for key, expected in keys:
            samples.append(
                await recorder.latency(
                    pilot,
                    "space" if key == " " else key,
                    lambda screen, e=expected: typed(screen) == e and shown(screen),
                )
            )
    return samples


@measurement(
    "List filter as you type",
    [("filter_list", "List filter: keystroke to refreshed list (p95)")],
    has("brilliance.screens.people", "PeopleScreen.action_filter", "PeopleScreen.visible_people"),
)
def filter_list(ctx: Context) -> None:
    samples: list[float] = []

    def typed(screen: Any) -> str | None:
        return getattr(screen, "filter_text", None)

    def shown(screen: Any) -> bool:
        wanted = [p.id for p in screen.visible_people()]
        return wanted == list(screen.table.person_ids) and first_rows_drawn(screen.table, wanted)

    words = ["python", "pricing"] if not ctx.smoke else ["py"]

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        await pilot.press("w")
        await pilot.press("slash")
        await pilot.pause()
        samples.extend(await type_and_erase(pilot, recorder, words, typed, shown))

    run_session(ctx.main, "people", body)
    ctx.figures.append(
        Figure(
            "filter_list",
            "List filter: keystroke to refreshed list (p95)",
            samples=samples,
            stat="p95",
            target=16,  # issue 19: every key within a frame
            target_text="p95 <= 16 ms",
            note=f"wider network; typing and erasing {', '.join(map(repr, words))}",
        )
    )


@measurement(
    "Journal search as you type",
    [("search_journal", "Journal search: keystroke to results (p95)")],
    all_of(SEARCH_API, has("brilliance.screens.journal", "JournalScreen.action_search")),
)
def search_journal(ctx: Context) -> None:
    samples: list[float] = []

    def typed(screen: Any) -> str | None:
        wanted = getattr(screen, "filter", None)
        return getattr(wanted, "words", None)

    def shown(screen: Any) -> bool:
        return first_rows_drawn(screen.table, list(screen.table.entry_ids))

    words = [SEARCH_QUERIES[0]] if not ctx.smoke else [SEARCH_QUERIES[0][:2]]

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        await pilot.press("slash")
        await pilot.pause()
        samples.extend(await type_and_erase(pilot, recorder, words, typed, shown))

    run_session(ctx.main, "journal", body)
    ctx.figures.append(
        Figure(
            "search_journal",
            "Journal search: keystroke to results (p95)",
            samples=samples,
            stat="p95",
            target=16,  # issue 19: every key within a frame
            target_text="p95 <= 16 ms",
            note=f"typing and erasing {', '.join(map(repr, words))}",
        )
    )


FLOOR_ROWS = (300, 3650)
"""The List's wider network and the Journal's entries at 10 years."""


@measurement(
    "keypress floor: a bare Textual app",
    [
        ("floor_down_300", "floor: bare DataTable, down, 300 rows (p95)"),
        ("floor_down_3650", "floor: bare DataTable, down, 3650 rows (p95)"),
        ("floor_filter", "floor: bare Input key, rows replaced by a screenful (p95)"),
        ("floor_label", "floor: bare Label rewritten by a key (p95)"),
    ],
)
def keypress_floor(ctx: Context) -> None:
    """The same keys on ``bare_table_app.py``: what Textual itself takes here (issue 19)."""
    from bare_table_app import BareLabelApp, BareTableApp

    def session(rows: int, body: Callable[[Any, Any, FrameRecorder], Awaitable[None]]) -> None:
        async def main() -> None:
            app = BareTableApp(rows) if rows else BareLabelApp()
            async with app.run_test(size=TERMINAL) as pilot:
                recorder = FrameRecorder(app)
                await pilot.pause()
                await body(app, pilot, recorder)

        asyncio.run(main())

    for rows in FLOOR_ROWS:
        downs: list[float] = []

        async def walk(app: Any, pilot: Any, recorder: FrameRecorder, out: list[float] = downs):
            table = app.query_one("DataTable")
            table.focus()
            await pilot.pause()
            out.extend(await walk_table(pilot, recorder, table, ctx.presses))

        session(rows, walk)
        key = f"floor_down_{rows}"
        ctx.figures.append(
            keypress_figure(key, f"floor: bare DataTable, down, {rows} rows (p95)", downs)
        )

    typed_samples: list[float] = []
    words = ["python", "pricing"] if not ctx.smoke else ["py"]

    def typed(app: Any) -> str:
        return str(app.query_one("Input").value)

    def shown(app: Any) -> bool:
        table = app.query_one("DataTable")
        return first_rows_drawn(table, app.shown_keys) and app.shown_keys == app.matches(typed(app))

    async def filtering(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        app.query_one("Input").focus()
        await pilot.pause()
        typed_samples.extend(
            await type_and_erase(
                pilot, recorder, words, lambda s: typed(s.app), lambda s: shown(s.app)
            )
        )

    session(FLOOR_ROWS[0], filtering)
    ctx.figures.append(
        keypress_figure(
            "floor_filter",
            "floor: bare Input key, rows replaced by a screenful (p95)",
            typed_samples,
            f"{FLOOR_ROWS[0]} rows; typing and erasing {', '.join(map(repr, words))}",
        )
    )

    counts: list[float] = []

    async def count(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        for _ in range(ctx.presses):
            wanted = app.count + 1
            counts.append(
                await recorder.latency(pilot, "down", lambda s, w=wanted: s.app.count == w)
            )

    session(0, count)
    ctx.figures.append(
        keypress_figure("floor_label", "floor: bare Label rewritten by a key (p95)", counts)
    )


MODE_KEYS = [
    ("key_today_move", "keypress: Today, down/up in a list (p95)"),
    ("key_today_tab", "keypress: Today, tab to the next list (p95)"),
    ("key_switch", "keypress: 1-5 to a mode already shown (p95)"),
    ("key_first_visit", "keypress: 1-5 to a mode not yet shown (p95)"),
    ("key_review_week", "keypress: Review, [ and ] (p95)"),
    ("key_prep_move", "keypress: Prep checklist, down/up (p95)"),
    ("key_prep_tick", "keypress: Prep checklist, space ticks (p95)"),
]


@measurement(
    "keys in every mode",
    MODE_KEYS,
    all_of(
        has("brilliance.screens.review", "ReviewScreen.action_week"),
        has("brilliance.widgets.checklist", "Checklist.action_tick"),
    ),
)
def keypress_modes(ctx: Context) -> None:
    """The keys of Today, Review and Prep and the mode keys (issue 19: every key in every
    mode), each timed to the first frame that shows its result."""
    samples: dict[str, list[float]] = {key: [] for key, _ in MODE_KEYS}
    rounds = max(2, ctx.presses // 10)

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        from brilliance.screens.agenda_list import AgendaList
        from brilliance.widgets.checklist import Checklist

        # A moment on Today before the first key, as a person reads it: the other screens'
        # styles are read in that pause (brilliance/style_warm_up.py).
        await pilot.pause(1.5)
        agenda = max(app.screen.query(AgendaList), key=lambda a: a.option_count)
        agenda.focus()
        await pilot.pause()
        step = 1
        for _ in range(ctx.presses if agenda.option_count > 1 else 0):  # to the end and back
            row = agenda.highlighted or 0
            if not 0 <= row + step < agenda.option_count:
                step = -step
            samples["key_today_move"].append(
                await recorder.latency(
                    pilot,
                    "down" if step > 0 else "up",
                    lambda s, w=row + step, a=agenda: a.highlighted == w,
                )
            )
        for _ in range(rounds * 2):
            before = app.focused
            samples["key_today_tab"].append(
                await recorder.latency(pilot, "tab", lambda s, b=before: s.focused is not b)
            )
        for turn in range(rounds + 1):
            for key, mode in (
                ("2", "people"),
                ("4", "journal"),
                ("5", "review"),
                ("3", "prep"),
                ("1", "today"),
            ):
                figure = "key_first_visit" if turn == 0 and mode != "today" else "key_switch"
                samples[figure].append(
                    await recorder.latency(
                        pilot, key, lambda s, m=mode: app.current_mode == m and s is app.screen
                    )
                )
                await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        review = app.screen
        for turn in range(rounds * 2):
            key, step = (
                ("left_square_bracket", -1) if turn < rounds else ("right_square_bracket", 1)
            )
            wanted = review.week.shifted(step)
            samples["key_review_week"].append(
                await recorder.latency(pilot, key, lambda s, w=wanted: review.week == w)
            )
        await pilot.press("3")
        await app.prepare(prep_people(app.store)[0].id)
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        checklist.focus()
        await pilot.pause()
        for turn in range(ctx.presses):
            step = 1 if (turn // 5) % 2 == 0 else -1
            before = checklist.highlighted
            samples["key_prep_move"].append(
                await recorder.latency(
                    pilot,
                    "down" if step > 0 else "up",
                    lambda s, b=before: checklist.highlighted != b,
                )
            )
        for _ in range(rounds):
            key = checklist.highlighted_key
            ticked = key in checklist.checked if key else False
            samples["key_prep_tick"].append(
                await recorder.latency(
                    pilot, "space", lambda s, k=key, t=ticked: (k in checklist.checked) != t
                )
            )

    run_session(ctx.writable(), "today", body)
    for key, label in MODE_KEYS:
        figure = keypress_figure(key, label, samples[key])
        figure.na = None if samples[key] else "nothing to press it on in this dataset"
        ctx.figures.append(figure)


@measurement(
    "open a person",
    [("open_person", "open a person's detail (enter on the List)")],
    has("brilliance.screens.person", "PersonScreen"),
)
def open_person(ctx: Context) -> None:
    from brilliance.screens.person import PersonScreen

    samples: list[float] = []

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        app.screen.table.focus()
        await pilot.pause()
        for _ in range(ctx.repeats + 1):
            samples.append(
                await recorder.latency(
                    pilot, "enter", lambda screen: isinstance(screen, PersonScreen)
                )
            )
            await pilot.press("escape")
            await pilot.pause()
        del samples[0]  # the first opening builds the screen's CSS; report the steady state

    run_session(ctx.main, "people", body)
    ctx.figures.append(
        Figure("open_person", "open a person's detail (enter on the List)", samples=samples)
    )


@measurement(
    "prep sheet (screen)",
    [
        ("prep_screen", "prep sheet: p on the List to drawn sheet"),
        ("prep_screen_first", "prep sheet: the first of a session"),
    ],
    all_of(
        PREP_DOMAIN,
        has("brilliance.screens.prep", "PrepScreen.show_person"),
        has("brilliance.screens.people", "PeopleScreen.action_prep"),
    ),
)
def prep_screen(ctx: Context) -> None:
    from brilliance.screens.prep import PrepScreen

    samples: list[float] = []
    people: list[Any] = []

    async def body(app: Any, pilot: Any, recorder: FrameRecorder) -> None:
        people.extend(prep_people(app.store))
        forget_caches()
        for turn in range(ctx.repeats + 1):
            person = people[turn % len(people)]
            table = app.screen.table
            table.move_cursor(row=table.get_row_index(person.id), animate=False)
            table.focus()
            await pilot.pause()

            def drawn(shown: Any, wanted: str = person.id) -> bool:
                return (
                    isinstance(shown, PrepScreen)
                    and shown.person_id == wanted
                    and shown.sheet is not None
                )

            samples.append(await recorder.latency(pilot, "p", drawn))
            await pilot.press("2")
            await pilot.pause()

    run_session(ctx.main, "people", body)
    ctx.figures += [
        Figure(
            "prep_screen",
            "prep sheet: p on the List to drawn sheet",
            samples=samples[1:],
            target=50,
            target_text="p50 <= 50 ms",
            note=f"each of the {len(people)} on the list in turn",
        ),
        Figure(
            "prep_screen_first",
            "prep sheet: the first of a session",
            samples=samples[:1],
            note="builds the Prep screen and its styles too",
        ),
    ]


# -- memory of a whole session -------------------------------------------------------------------


async def visit_every_screen(app: Any, pilot: Any, downs: int) -> None:
    """What the memory figure's session does: every built screen, with some scrolling."""
    for mode in ("people", "journal", "prep", "review", "today"):  # review: issue 17
        if mode in app.MODES:
            await app.switch_mode(mode)
            await pilot.pause()
            table = getattr(app.screen, "table", None)
            if table is not None:
                for _ in range(downs):
                    await pilot.press("down")
    await app.switch_mode("people")
    await pilot.press("w")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")
    if hasattr(app, "prepare"):
        for person in prep_people(app.store)[:3]:
            await app.prepare(person.id)
            await pilot.pause()


def session_worker(data_dir: Path, downs: int) -> int:
    """``bench.py --session DIR``: run the session (its peak RSS is measured from outside)."""
    from brilliance.app import make_app

    async def main() -> None:
        with open_store(data_dir, lock=True, app=True) as store:
            app = make_app(store, store.clock)
            async with app.run_test(size=TERMINAL) as pilot:
                await pilot.pause()
                await visit_every_screen(app, pilot, downs)

    asyncio.run(main())
    return 0


@measurement(
    "peak memory",
    [("rss_session", "peak RSS: session visiting every screen")],
    fresh_process=False,
)
def memory(ctx: Context) -> None:
    downs = min(30, ctx.presses)
    argv = [sys.executable, str(Path(__file__).resolve()), "--session", str(ctx.main)]
    argv += ["--presses", str(downs)]
    samples = []
    for _ in range(max(1, min(3, ctx.runs))):
        samples.append(run_process(argv)[1])
    ctx.figures.append(
        Figure(
            "rss_session",
            "peak RSS: session visiting every screen",
            unit="MiB",
            samples=samples,
            target=120,
            target_text="<= 120 MiB",
            note=f"a headless scripted session (run_test), {downs} keys down each list",
        )
    )


# -- growth ---------------------------------------------------------------------------------------


@measurement(
    "growth 1 -> 10 -> 20 years",
    [
        ("grow_load", "load"),
        ("grow_start", "cold start"),
        ("grow_save", "save"),
        ("grow_search", "search"),
    ],
    growth=True,
)
def growth(ctx: Context) -> None:
    from brilliance.store.store import Store

    runs = max(1, ctx.runs // 2)
    repeats = max(1, ctx.repeats // 2)
    rows = {
        "grow_load": Growth("grow_load", "load the data file"),
        "grow_start": Growth("grow_start", "cold start to first frame"),
        "grow_save": Growth("grow_save", "save one journal entry"),
        "grow_search": Growth("grow_search", "full-text search"),
    }
    start_missing = exit_after_first_frame()
    search_missing = SEARCH_API()
    for size, data_dir in ctx.data.items():
        rows["grow_load"].values[size] = statistics.median(
            timed(lambda d=data_dir: Store.open(d, lock=False).close(), repeats)
        )
        if start_missing is None:
            run_process(start_command(data_dir))
            rows["grow_start"].values[size] = statistics.median(
                run_process(start_command(data_dir))[0] for _ in range(runs)
            )
        rows["grow_save"].values[size] = statistics.median(
            save_samples(ctx.writable(size), repeats)
        )
        if search_missing is None:
            rows["grow_search"].values[size] = statistics.median(
                search_samples(data_dir, repeats)[0]
            )
    if start_missing:
        rows["grow_start"].na = f"not built yet (needs {start_missing})"
    if search_missing:
        rows["grow_search"].na = f"not built yet (needs {search_missing})"
    ctx.growth += rows.values()


# -- running and reporting --------------------------------------------------------------------


def run_in_worker(ctx: Context, m: Measurement) -> None:
    """Run ``m`` in a fresh interpreter (``bench.py --worker``) and take its figures."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir=ctx.scratch) as out:
        argv = [sys.executable, str(Path(__file__).resolve()), "--worker", m.name]
        argv += ["--worker-out", out.name, "--worker-data", json.dumps(ctx.wire_data())]
        argv += ["--runs", str(ctx.runs), "--repeats", str(ctx.repeats)]
        argv += ["--presses", str(ctx.presses), *(["--smoke"] if ctx.smoke else [])]
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
        report = json.loads(Path(out.name).read_text())
    ctx.figures += [Figure(**f) for f in report["figures"]]
    ctx.growth += [Growth(**g) for g in report["growth"]]


def worker(name: str, out: Path, data: dict[str, str], args: argparse.Namespace) -> int:
    """``bench.py --worker NAME``: one measurement in this fresh process, figures to ``out``."""
    (m,) = [m for m in MEASUREMENTS if m.name == name]
    with tempfile.TemporaryDirectory(prefix="brilliance-worker-") as scratch:
        ctx = Context(
            data={size: Path(path) for size, path in data.items()},
            runs=args.runs,
            repeats=args.repeats,
            presses=args.presses,
            smoke=args.smoke,
            scratch=Path(scratch),
            in_worker=True,
        )
        m.run(ctx)
    report = {
        "figures": [dataclasses.asdict(f) for f in ctx.figures],
        "growth": [dataclasses.asdict(g) for g in ctx.growth],
    }
    out.write_text(json.dumps(report))
    return 0


def run_all(ctx: Context, only: set[str] | None) -> bool:
    """Run every measurement (or those named); True when none broke."""
    ok = True
    for m in MEASUREMENTS:
        if only and m.name not in only:
            continue
        missing = m.needs()
        label = f"  {m.title} ..."
        print(label, end="", flush=True)
        started = time.perf_counter()
        if missing:
            reason = f"not built yet (needs {missing})"
            if m.growth:
                ctx.growth += [Growth(key, lbl, na=reason) for key, lbl in m.rows]
            else:
                ctx.figures += [Figure(key, lbl, na=reason) for key, lbl in m.rows]
            print(" n/a")
            continue
        try:
            if m.fresh_process and not ctx.in_worker:
                run_in_worker(ctx, m)
            else:
                m.run(ctx)
        except Exception as exc:  # a broken measurement is reported, and fails the run
            ok = False
            error = f"{type(exc).__name__}: {exc}"
            done = {f.key for f in ctx.figures} | {g.key for g in ctx.growth}
            for key, lbl in m.rows:
                if key not in done:
                    if m.growth:
                        ctx.growth.append(Growth(key, lbl, error=error))
                    else:
                        ctx.figures.append(Figure(key, lbl, error=error))
            print(f" ERROR {error}")
            continue
        print(f" {time.perf_counter() - started:.1f} s")
    return ok


def load_baseline(path: Path) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    if not path.exists():
        return {}, {}
    data = json.loads(path.read_text())
    figures = {f["key"]: f["value"] for f in data.get("figures", []) if f.get("value") is not None}
    growth = {g["key"]: g.get("values", {}) for g in data.get("growth", [])}
    return figures, growth


def print_table(ctx: Context, baseline_name: str) -> None:
    header = ("figure", "value", "spread", "target", baseline_name, "verdict")
    rows = [header]
    for f in ctx.figures:
        if f.na or f.error:
            rows.append((f.label, "n/a" if f.na else "error", f.na or f.error or "", "", "", ""))
            continue
        base = fmt(f.baseline, f.unit) if f.baseline is not None else ""
        rows.append((f.label, fmt(f.value, f.unit), f.spread, f.target_text, base, f.verdict))
    widths = [max(len(str(r[i])) for r in rows if len(str(r[i])) < 70) for i in range(len(header))]
    print()
    for index, row in enumerate(rows):
        print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))
    notes = [f"  {f.label}: {f.note}" for f in ctx.figures if f.note and not (f.na or f.error)]
    if notes:
        print("\nnotes:")
        print("\n".join(notes))
    if ctx.growth:
        sizes = list(ctx.data)
        columns = "  ".join(s.rjust(8) for s in sizes)
        print(
            f"\ngrowth (median)              {columns}   10y/1y  20y/10y  slope  "
            f"{(baseline_name + ' 10y (slope)') if baseline_name else '':>21}  verdict"
        )
        for g in ctx.growth:
            if g.na or g.error:
                print(f"  {g.label:<26} {g.na or g.error}")
                continue
            cells = "  ".join(fmt(g.values.get(s), "ms").rjust(8) for s in sizes)
            ten = f"{g.ratio_10_1:.1f}x" if g.ratio_10_1 is not None else "-"
            ratio = f"{g.ratio:.2f}x" if g.ratio is not None else "-"
            before = Growth(g.key, g.label, values=g.baseline)
            base = ""
            if g.baseline.get(MAIN_SIZE):
                base = fmt(g.baseline[MAIN_SIZE], "ms")
                base += f" ({before.slope:.2f})" if before.slope is not None else ""
            slope = f"{g.slope:.2f}" if g.slope is not None else "-"
            print(
                f"  {g.label:<26} {cells}   {ten:>6}  {ratio:>7}  {slope:>5}  {base:>21}  "
                f"{g.verdict}"
            )


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def results(ctx: Context, took: float) -> dict[str, Any]:
    import textual

    return {
        "meta": {
            "when": datetime.now().isoformat(timespec="seconds"),
            "commit": git_commit(),
            "python": platform.python_version(),
            "textual": getattr(textual, "__version__", "?"),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "smoke": ctx.smoke,
            "runs": ctx.runs,
            "repeats": ctx.repeats,
            "presses": ctx.presses,
            "seconds": round(took, 1),
            "datasets": {
                size: (path / "brilliance.json").stat().st_size for size, path in ctx.data.items()
            },
        },
        "figures": [f.as_json() for f in ctx.figures],
        "growth": [g.as_json() for g in ctx.growth],
    }


def copy_datasets(sources: dict[str, Path], scratch: Path) -> dict[str, Path]:
    """Working copies, so that the measurements that write never change the real files."""
    copies: dict[str, Path] = {}
    made: dict[Path, Path] = {}
    for size, source in sources.items():
        if not (source / "brilliance.json").exists():
            raise SystemExit(
                f"bench: no data file in {source}. Make one with `python "
                f"benchmarks/make_dataset.py --years {size.rstrip('y')} --data-dir {source}` "
                "(or run `make bench`)."
            )
        if source not in made:
            made[source] = scratch / size
            made[source].mkdir(mode=0o700)
            shutil.copy2(source / "brilliance.json", made[source] / "brilliance.json")
        copies[size] = made[source]
    return copies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-root", type=Path, default=DATA_ROOT, help="holds 1y/ 10y/ 20y/")
    parser.add_argument("--data-dir", type=Path, help="one dataset for every figure (with --smoke)")
    parser.add_argument("--smoke", action="store_true", help="each measurement once, no timing")
    parser.add_argument("--runs", type=int, default=11, help="runs of each whole process (11)")
    parser.add_argument("--repeats", type=int, default=21, help="repeats in-process (21)")
    parser.add_argument("--presses", type=int, default=200, help="keypresses per list (200)")
    parser.add_argument("--only", nargs="*", help="run only these measurements (function names)")
    parser.add_argument("--json", type=Path, default=RESULTS_FILE, help="where to write results")
    parser.add_argument("--baseline", type=Path, default=BASELINE_FILE, help="baseline to compare")
    parser.add_argument("--save-baseline", action="store_true", help="also write --baseline")
    parser.add_argument("--session", type=Path, help=argparse.SUPPRESS)  # the memory worker
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # one measurement, fresh process
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.session:
        return session_worker(args.session, args.presses)
    if args.worker:
        return worker(args.worker, args.worker_out, json.loads(args.worker_data), args)
    if args.smoke:
        args.runs, args.repeats, args.presses = 1, 1, 3
    if args.data_dir:
        sources = dict.fromkeys(SIZES, args.data_dir)
    else:
        sources = {size: args.data_root / size for size in SIZES}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="brilliance-bench-") as scratch_name:
        scratch = Path(scratch_name)
        ctx = Context(
            data=copy_datasets(sources, scratch),
            runs=args.runs,
            repeats=args.repeats,
            presses=args.presses,
            smoke=args.smoke,
            scratch=scratch,
        )
        print(f"Benchmarking {sources[MAIN_SIZE]} ({'smoke' if args.smoke else 'full'} run)")
        ok = run_all(ctx, set(args.only) if args.only else None)
        took = time.perf_counter() - started
        baseline, baseline_growth = load_baseline(args.baseline)
        for f in ctx.figures:
            f.baseline = baseline.get(f.key)
        for g in ctx.growth:
            g.baseline = baseline_growth.get(g.key, {})
        print_table(ctx, "baseline" if baseline else "")
        report = results(ctx, took)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {args.json} in {took:.0f} s")
    if args.save_baseline:
        args.baseline.write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.baseline}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
