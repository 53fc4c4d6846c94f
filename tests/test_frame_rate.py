"""The app asks Textual for its frame rate before Textual is imported (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys

from brilliance import FRAME_RATE

PROBE = "import brilliance.app, textual.constants as c; print(c.MAX_FPS)"


def max_fps(environ: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environ, capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


def test_textual_draws_at_the_app_frame_rate() -> None:
    environ = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    assert max_fps(environ) == FRAME_RATE > 60


def test_a_frame_rate_the_user_set_is_kept() -> None:
    environ = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    assert max_fps({**environ, "TEXTUAL_FPS": "30"}) == 30
