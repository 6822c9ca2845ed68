"""Spelling variants of one place: "Kherbet Selm" / "Khirbet Selm", "Deir al-Balah" / "Deir El-Balah".

Names are compared with the Arabic article normalised (`article_form`) and by close spelling;
two places that both come from the gazetteer are never variants of each other. `VariantIndex`
keeps the cost per name independent of how many places the text names before it.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

_ARTICLE_RE = re.compile(r"\b(?:al|el|ad|ed|ash|esh|as|es|at|et|az|ez|ar|er|an|en)[-\s]+(?=\w)")


def article_form(folded: str) -> str:
    """A folded name with the Arabic article normalised: 'deir el-balah' == 'deir al balah'."""
    return _ARTICLE_RE.sub("al ", folded.replace("-", " ")).strip()


#: Candidate checks one document may spend on spelling variants. Ordinary articles need few: the
#: most place entries in any article of our data sets is 44 (51 spellings), under 2,300 checks
#: even if all shared a first letter and a length. A hostile text naming 20,000 distinct villages
#: would need 200 million (the old loop, refolding every earlier name for each new one, took 44 s
#: for 830 names); past the budget a name joins an earlier place only when spelled alike.
MAX_VARIANT_CHECKS = 20_000
#: How similar two spellings must be (difflib ratio), as in entities.common.spelling_variant.
_SIMILAR = 0.85


class VariantIndex:
    """The spellings of the places merged so far (each group's reading and its mentions, as
    folded `article_form`s), indexed by form and by shape (first letter, word count, length), so
    that the group a new name is a spelling variant of is found among a few candidates. Gives
    the same answer as comparing with every earlier group in order: the earliest group holding
    the same form or a close spelling (same first letter and word count, length within 2,
    similarity >= 0.85), never pairing two gazetteer places."""

    def __init__(self, budget: int = MAX_VARIANT_CHECKS) -> None:
        self.budget = budget
        self.checks = 0
        self._pos: dict[Any, int] = {}
        self._res_form: dict[Any, str] = {}
        self._mention_forms: dict[Any, set[str]] = {}
        self._by_form: dict[str, set[Any]] = {}
        self._by_shape: dict[tuple[str, int, int], list[tuple[int, Any, str]]] = {}
        self._indexed: set[tuple[Any, str]] = set()

    @property
    def exhausted(self) -> bool:
        """True once the budget ran out (later names were matched only by identical form)."""
        return self.checks >= self.budget

    def add_group(self, gid: Any, reading_name: str) -> None:
        """A new group (at the end of the merge order) whose reading is named `reading_name`."""
        self._pos[gid] = len(self._pos)
        self._mention_forms[gid] = set()
        self.set_reading(gid, reading_name)

    def set_reading(self, gid: Any, reading_name: str) -> None:
        """The group's reading changed (the gazetteer's wins): its name's form replaces the old one."""
        self._res_form[gid] = form = _form(reading_name)
        self._index(gid, form)

    def add_mention(self, gid: Any, mention_name: str) -> None:
        """A mention joined the group."""
        form = _form(mention_name)
        self._mention_forms[gid].add(form)
        self._index(gid, form)

    def find(self, name: str, reading: dict[str, Any], groups: dict[Any, dict[str, Any]]) -> Any:
        """The id of the earliest group `name` (folded) is the same or a close spelling of."""
        form = article_form(name)
        has_pid = bool(reading.get("pid"))
        best: tuple[int, Any] | None = None
        for g in self._by_form.get(form, ()):
            if self._holds(g, form) and not (has_pid and groups[g]["res"].get("pid")) \
                    and (best is None or self._pos[g] < best[0]):
                best = (self._pos[g], g)
        if len(form) < 6 or self.exhausted:
            return best[1] if best else None
        n_words = len(form.split())
        shapes = (self._by_shape.get((form[:1], n_words, size), ()) for size in range(len(form) - 2, len(form) + 3))
        for pos, g, other in sorted(entry for shape in shapes for entry in shape):
            if best is not None and pos >= best[0]:
                break
            self.checks += 1
            if self.exhausted:
                break
            if self._holds(g, other) and not (has_pid and groups[g]["res"].get("pid")) \
                    and difflib.SequenceMatcher(None, form, other).ratio() >= _SIMILAR:
                best = (pos, g)
                break
        return best[1] if best else None

    def _holds(self, gid: Any, form: str) -> bool:
        return form == self._res_form[gid] or form in self._mention_forms[gid]

    def _index(self, gid: Any, form: str) -> None:
        if (gid, form) in self._indexed:
            return
        self._indexed.add((gid, form))
        self._by_form.setdefault(form, set()).add(gid)
        self._by_shape.setdefault((form[:1], len(form.split()), len(form)), []).append((self._pos[gid], gid, form))


def _form(name: str) -> str:
    from ...gazetteer import fold

    return article_form(fold(name))
