"""``python -m brilliance.screenshots DIR``: SVG screenshots of the four modes on the sample data.

Run by ``make screenshots`` so the README's pictures stay true as the app changes. The clock
is frozen so that the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from brilliance.app import make_app
from brilliance.demo import build_demo
from brilliance.domain.clock import FixedClock
from brilliance.store.store import Store

MOMENT = datetime(2026, 11, 24, 9, 30)
SIZE = (120, 40)


async def take(out: Path) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="brilliance-shots-") as folder:
        clock = FixedClock(MOMENT)
        store = Store.open(Path(folder), clock=clock)
        build_demo(store, MOMENT.date())
        app = make_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:

            async def shot(name: str) -> None:
                await pilot.pause(0.3)
                written.append(Path(app.save_screenshot(f"{name}.svg", str(out))))

            await shot("today")
            await pilot.press("2")
            await shot("list")
            await app.prepare("demo-p00")
            await shot("prep")
            await pilot.press("4")
            await shot("journal")
        store.close()
    return written


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(take(out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
