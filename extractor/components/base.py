"""Shared plumbing for components whose data lives in files under `models/`.

A component names the data files it needs (`DATA_FILES`). `initialize()` loads them from
`models/` (or a directory given in the `[initialize]` config), `to_disk`/`from_disk`
copy them with the pipeline, and a component used straight from `nlp.add_pipe(...)`
without initialisation loads the shipped defaults on first use.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text  # noqa: F401  (components import it from here)
from ..resources import models_dir


class GazetteerUser:
    """Mixin: the offline gazetteer, opened on first use only (start-up never pays for it)."""

    _gaz: Any = None

    @property
    def gazetteer(self) -> Any:
        if self._gaz is None:
            from ..gazetteer import get_gazetteer

            self._gaz = get_gazetteer()
        return self._gaz


class DataComponent:
    """Base class: subclasses set DATA_FILES (paths relative to models/) and implement
    `_load(files: dict[str, Path])` and `process(doc)`."""

    DATA_FILES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._data_paths: dict[str, Path] | None = None

    # -- data ---------------------------------------------------------------------------
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   data_dir: str | Path | None = None) -> None:
        """Load the data files from `data_dir` (default: the shipped `models/`)."""
        base = Path(data_dir) if data_dir else models_dir()
        self._set_data({rel: base / rel for rel in self.DATA_FILES})

    def _set_data(self, paths: dict[str, Path]) -> None:
        missing = [str(p) for p in paths.values() if not p.exists()]
        if missing:
            raise FileNotFoundError(f"{self.name}: missing data files: {missing}")
        self._load(paths)
        self._data_paths = paths

    def _load(self, paths: dict[str, Path]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _ensure(self) -> None:
        if self._data_paths is None:
            self.initialize()

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Copy the data files this component was built from into `path`."""
        self._ensure()
        assert self._data_paths is not None
        out = Path(path)
        for rel, src in self._data_paths.items():
            dst = out / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> DataComponent:
        """Load the data files previously written by `to_disk`."""
        base = Path(path)
        self._set_data({rel: base / rel for rel in self.DATA_FILES})
        return self

    # -- processing -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        self.process(doc)
        return doc

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
