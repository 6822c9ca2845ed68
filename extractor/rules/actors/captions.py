"""People and bodies named only in a picture caption are not the story's actors: "Night Wolves
leader Alexander Zaldostanov arrives for the ceremony (Alexander Nemenov/AP)". A caption is a
line that ends in a picture credit in brackets (a name, a slash, an agency: the credit itself is
dropped with the page furniture, rules/entities/page_furniture.py). Only the end of each mention's
own line is read.
"""

from __future__ import annotations

import re

from ..entities.page_furniture import is_picture_credit
from .keys import Group

#: a credit written twice at the line end, as one outlet prints it: "... Potsdam, Germany. Legion
#: Media Legion Media", "Sputnik Sputnik"
_DOUBLED_CREDIT = re.compile(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*){0,2}) \1$")
#: how far before the line end the credit's opening bracket may be
_CREDIT_CHARS = 80


def in_caption(text: str, pos: int) -> bool:
    """Does the line holding character `pos` end in a bracketed picture credit?"""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    tail = text[max(text.rfind("\n", 0, pos) + 1, end - _CREDIT_CHARS):end].rstrip()
    if not tail.endswith(")"):
        return _DOUBLED_CREDIT.search(tail) is not None
    k = tail.rfind("(")
    return k >= 0 and is_picture_credit(tail[k + 1:-1])


def drop_caption_only(text: str, groups: list[Group]) -> None:
    """Empty the groups all of whose mentions are on caption lines (`text`: the document's text,
    read once: spaCy rebuilds `Doc.text` on every access)."""
    for g in groups:
        spans = g["spans"]
        if spans and len(spans) <= 2 and all(in_caption(text, s.end_char) for s in spans):
            g["spans"] = []
