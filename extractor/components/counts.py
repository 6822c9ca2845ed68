"""The counts component: writes doc._.extractor_casualties, doc._.extractor_weapons and doc._.extractor_totals.

Thin spaCy wiring only: it loads the word lists of models/lexicons/counts/ (rules/counts/lexicon.py),
compiles the patterns built from them once, and runs the rules of `extractor/rules/counts/` on each
document (see that package's docstring for how an amount becomes a casualty or weapon entry).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.counts.document import read_counts
from ..rules.counts.lexicon import FILES, CountsLexicon
from ..rules.counts.patterns import CountsPatterns
from .base import DataComponent


class CountsComponent(DataComponent):
    """Writes doc._.extractor_casualties, doc._.extractor_weapons and doc._.extractor_totals (contract shapes)."""

    DATA_FILES: ClassVar[tuple[str, ...]] = FILES

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.lex: CountsLexicon | None = None
        self.patterns: CountsPatterns | None = None

    def _load(self, paths: dict[str, Path]) -> None:
        """Load the word lists and precompile the patterns built from them (once per instance)."""
        self.lex = CountsLexicon.load(paths)
        self.patterns = CountsPatterns.compile(self.lex)

    def process(self, doc: Doc) -> None:
        """Find every amount, decide what it counts, and write the de-duplicated entries."""
        assert self.lex is not None and self.patterns is not None
        casualties, weapons, totals = read_counts(doc, self.lex, self.patterns)
        doc._.extractor_casualties = casualties
        doc._.extractor_weapons = weapons
        doc._.extractor_totals = totals
