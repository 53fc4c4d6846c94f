"""A clean install the way terminal users install tools: pipx and uv, from this checkout's wheel.

Each installs the wheel (built as tests/test_packaging.py builds it) with its dependencies from
the package index into a fresh environment of its own under tmp_path, then runs the installed
command from outside the checkout. Some 10 s each with a warm package cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brilliance import __version__
from tests.test_packaging import ROOT, build_wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this checkout's venv or source on any path."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    return {**env, **extra}


def check_installed(command: Path, python: Path, workdir: Path) -> None:
    env = clean_env(BRILLIANCE_DATA_DIR=str(workdir / "data"))
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, text=True, cwd=workdir, env=env
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"brilliance {__version__}"
    demo = subprocess.run(
        [str(command), "demo", "--exit-after-first-frame"],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stderr
    # The installed copy runs, not this checkout.
    where = subprocess.run(
        [str(python), "-c", "import brilliance; print(brilliance.__file__)"],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    assert not where.stdout.strip().startswith(str(ROOT))
    assert not (workdir / "data").exists()  # the demo never touches the user's data folder


def run_installer(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pipx_install(wheel: Path, tmp_path: Path) -> None:
    env = clean_env(
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "bin"),
        PIPX_MAN_DIR=str(tmp_path / "man"),
    )
    run_installer(
        [sys.executable, "-m", "pipx", "install", "--python", sys.executable, str(wheel)], env
    )
    venv = tmp_path / "pipx" / "venvs" / "brilliance"
    check_installed(tmp_path / "bin" / "brilliance", venv / "bin" / "python", tmp_path)


def test_uv_tool_install(wheel: Path, tmp_path: Path) -> None:
    env = clean_env(UV_TOOL_DIR=str(tmp_path / "tools"), UV_TOOL_BIN_DIR=str(tmp_path / "bin"))
    run_installer(
        [sys.executable, "-m", "uv", "tool", "install", "--python", sys.executable, str(wheel)],
        env,
    )
    venv = tmp_path / "tools" / "brilliance"
    check_installed(tmp_path / "bin" / "brilliance", venv / "bin" / "python", tmp_path)
