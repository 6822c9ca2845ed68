"""A non-editable install (a built wheel) carries models/ and works from another directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EURONEWS, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    try:
        import hatchling  # noqa: F401
    except ImportError:
        pytest.skip("hatchling not installed (pip install -e '.[test]')")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    (whl,) = out.glob("extractor-*.whl")
    return whl


def test_wheel_contains_models_and_schema(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "extractor/models/config.cfg" in names
    assert "extractor/output.schema.json" in names
    assert any(n.startswith("extractor/models/lexicons/") for n in names)
    assert "extractor/models/maps/world-countries.json" in names  # the report's map outlines


def test_installed_wheel_runs_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("EXTRACTOR_MODELS_DIR", None)
    code = ("import extractor, extractor.resources as r, json, sys;"
            "print(r.models_dir()); print(extractor.__file__)")
    res = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True,
                         check=True)
    models, init = res.stdout.splitlines()
    assert models.startswith(str(target)), models
    assert init.startswith(str(target)), init
    res = subprocess.run([sys.executable, "-m", "extractor.cli", str(EURONEWS), "--json"], cwd=elsewhere, env=env,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert '"publisher":"Euro News"' in res.stdout
