"""The dependency direction: domain imports nothing of ours and no UI or storage library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import brilliance.domain
import brilliance.store

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in set({forbidden!r}))
print(' '.join(bad))
"""


def modules_of(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [info.name for info in pkgutil.iter_modules(path, prefix)]


def imported_forbidden(modules: list[str], forbidden: set[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(forbidden=forbidden), *modules],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_domain_is_pure() -> None:
    modules = modules_of(brilliance.domain)
    assert "brilliance.domain.models" in modules
    assert imported_forbidden(modules, {"textual", "tinydb", "rich"}) == ""


def test_store_does_not_import_textual() -> None:
    modules = modules_of(brilliance.store)
    assert "brilliance.store.store" in modules
    assert imported_forbidden(modules, {"textual", "rich"}) == ""
