"""The content files in ``assets/``: question bank, prompts, ideas, venues.

Installed from a wheel they live at ``brilliance/assets`` inside the package; in a source
checkout (an editable install) they are the repository's top-level ``assets/`` folder.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def assets_dir() -> Path:
    """Where the content files are, installed or in a checkout."""
    for candidate in (PACKAGE_DIR / "assets", PACKAGE_DIR.parent.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "Brilliance's assets folder is missing; reinstall the package (pip install brilliance)."
    )


@cache
def load_toml(name: str) -> dict[str, Any]:
    """One TOML content file, parsed once per process."""
    with (assets_dir() / name).open("rb") as handle:
        return tomllib.load(handle)
