"""Spelling variants of one place: "Kherbet Selm" / "Khirbet Selm", "Deir al-Balah" / "Deir El-Balah".

Names are compared with the Arabic article normalised (`article_form`) and by close spelling;
two places that both come from the gazetteer are never variants of each other.
"""

from __future__ import annotations

import re
from typing import Any

from ..entities.common import spelling_variant

_ARTICLE_RE = re.compile(r"\b(?:al|el|ad|ed|ash|esh|as|es|at|et|az|ez|ar|er|an|en)[-\s]+(?=\w)")


def article_form(folded: str) -> str:
    """A folded name with the Arabic article normalised: 'deir el-balah' == 'deir al balah'."""
    return _ARTICLE_RE.sub("al ", folded.replace("-", " ")).strip()


def variant_group(name: str, r: dict[str, Any], order: list[Any], groups: dict[Any, dict[str, Any]]) -> Any:
    """The id of the earlier group whose name (or a mention's) `name` is a spelling variant of."""
    from ...gazetteer import fold

    form = article_form(name)
    for g in order:
        other = groups[g]["res"]
        if r.get("pid") and other.get("pid"):
            continue  # two gazetteer places are two places
        forms = {article_form(fold(other["name"]))} | {article_form(fold(x["name"]))
                                                       for x in groups[g]["mentions"]}
        if form in forms or spelling_variant(form, forms):
            return g
    return None
