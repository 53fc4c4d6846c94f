"""The dependency direction: domain -> nothing of ours, no UI or storage library;
store -> domain, never the UI.

Each check imports the modules in a fresh interpreter, so what this test process has already
imported (textual, for the pilot tests) cannot hide or fake a dependency.
"""

from __future__ import annotations

import functools
import json
import pkgutil
import subprocess
import sys
from types import ModuleType

import brilliance.domain
import brilliance.store

CHECK = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def modules_of(package: ModuleType) -> list[str]:
    """Every module in ``package`` and its subpackages, found on disk."""
    return [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def loaded_after_importing(modules: list[str]) -> list[str]:
    """The names in ``sys.modules`` of a fresh interpreter after importing ``modules``."""
    return list(_loaded(tuple(modules)))


@functools.cache
def _loaded(modules: tuple[str, ...]) -> tuple[str, ...]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *modules],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return tuple(json.loads(result.stdout))


def starting_with(loaded: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return [name for name in loaded if name.startswith(prefixes)]


def test_every_domain_module_is_found() -> None:
    modules = modules_of(brilliance.domain)
    for expected in ("models", "cadence", "errors", "clock", "journal", "prep", "today"):
        assert f"brilliance.domain.{expected}" in modules


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    modules = modules_of(brilliance.domain)
    loaded = loaded_after_importing(modules)
    assert set(modules) <= set(loaded)  # every module really was imported
    assert starting_with(loaded, ("textual", "tinydb")) == []
    # Nor the terminal rendering library underneath Textual.
    assert starting_with(loaded, ("rich",)) == []


def test_domain_imports_nothing_else_of_ours() -> None:
    loaded = loaded_after_importing(modules_of(brilliance.domain))
    ours = [name for name in loaded if name == "brilliance" or name.startswith("brilliance.")]
    outside = [
        name
        for name in ours
        if name not in ("brilliance", "brilliance.domain")
        and not name.startswith("brilliance.domain.")
    ]
    assert outside == []


def test_store_never_imports_textual() -> None:
    modules = modules_of(brilliance.store)
    for expected in ("store", "storage", "repositories", "backups", "errors", "migrations"):
        assert f"brilliance.store.{expected}" in modules
    loaded = loaded_after_importing(modules)
    assert set(modules) <= set(loaded)
    assert starting_with(loaded, ("textual", "rich")) == []
    ours = [name for name in loaded if name.startswith("brilliance.")]
    assert all(name.startswith(("brilliance.store", "brilliance.domain")) for name in ours), ours


def test_the_check_would_notice_textual() -> None:
    """The check above is not vacuous: importing Textual shows up in the same way."""
    loaded = loaded_after_importing(["textual.app"])
    assert "textual" in starting_with(loaded, ("textual", "tinydb"))
