"""Load and validate the data files in `models/` (word lists and JSON rule files).

Word lists are UTF-8 text, one entry per line, `#` starts a comment. JSON rule files are
validated against the keys a component declares, so a typo in a rule file is an error
instead of a silent no-op. Loaded data is returned as immutable tuples/frozensets or fresh
dicts; callers never share mutable module-level state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


class LexiconError(ValueError):
    """A data file in models/ is malformed."""


def read_wordlist(path: Path) -> tuple[str, ...]:
    """Read a one-entry-per-line list, dropping comments and blank lines, keeping order."""
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated lexicon (comments and blank lines dropped)."""
    return [line.split("\t") for line in read_wordlist(path)]


def write_wordlist(path: Path, entries: Iterable[str], header: str = "") -> None:
    """Write a word list (used by components' `to_disk`)."""
    lines = [f"# {h}" for h in header.splitlines()] if header else []
    path.write_text("\n".join([*lines, *entries]) + "\n", encoding="utf-8")


def read_json(path: Path, allowed_keys: Iterable[str] | None = None) -> Any:
    """Read a JSON rule file; with `allowed_keys`, reject unknown top-level keys."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: not valid JSON ({exc})") from exc
    if allowed_keys is not None:
        if not isinstance(data, Mapping):
            raise LexiconError(f"{path}: expected a JSON object")
        unknown = set(data) - set(allowed_keys)
        if unknown:
            raise LexiconError(f"{path}: unknown keys {sorted(unknown)}")
    return data


def write_json(path: Path, data: Any) -> None:
    """Write a JSON rule file deterministically."""
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
