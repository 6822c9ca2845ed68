"""The one place that knows where the `models/` data directory lives.

In a wheel, hatch copies the top-level `models/` into `extractor/models/`; in a source
checkout or an editable install it sits beside the package. Everything that reads pattern
files or lexicons asks `models_dir()` so both layouts work, and `EXTRACTOR_MODELS_DIR`
lets a user point the tool at a modified copy.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """Return the directory holding `config.cfg`, `lexicons/` and `patterns/`."""
    override = os.environ.get("EXTRACTOR_MODELS_DIR")
    candidates = [Path(override)] if override else []
    candidates += [_PACKAGE_DIR / "models", _PACKAGE_DIR.parent / "models"]
    for cand in candidates:
        if (cand / "config.cfg").is_file():
            return cand
    raise FileNotFoundError(
        "extractor data directory not found (looked in: " + ", ".join(map(str, candidates)) + ")"
    )


def lexicon_path(name: str) -> Path:
    """Path of a file under `models/lexicons/`."""
    return models_dir() / "lexicons" / name
