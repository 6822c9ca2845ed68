"""Output writers. JSON Lines goes to stdout or, with `-o FILE`, to a temp file that is renamed
into place, so a reader never sees a half-written file and a crash never corrupts an old one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import OutputError


def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    """One record as JSON text (compact: one line; no ASCII escaping, jq reads UTF-8)."""
    if pretty:
        return json.dumps(record, ensure_ascii=False, indent=2)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def check_writable(path: Path) -> None:
    """Fail before any processing when the output cannot be created."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not parent.is_dir():
        raise OutputError(f"{path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write to {parent} (permission denied)")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: cannot write (permission denied)")


class JsonlWriter:
    """Writes records as lines; `commit()` publishes the file (rename), `abort()` discards it."""

    def __init__(self, path: str | Path | None = None, *, pretty: bool = False, stream: IO[str] | None = None):
        self.pretty = pretty
        self.path = Path(path) if path is not None else None
        self._tmp: str | None = None
        if self.path is not None:
            check_writable(self.path)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                             dir=str(self.path.parent) or ".")
            self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            self.fh = stream if stream is not None else sys.stdout

    def write(self, record: dict[str, Any]) -> None:
        self.fh.write(dumps(record, self.pretty) + "\n")
        if self.path is None:
            self.fh.flush()

    def commit(self) -> None:
        """Make the written lines visible at `path` (atomic rename)."""
        if self.path is not None and self._tmp is not None:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Drop the temp file; an existing output file stays untouched."""
        if self.path is not None and self._tmp is not None:
            self.fh.close()
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None
