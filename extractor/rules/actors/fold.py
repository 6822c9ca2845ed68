"""The comparison form of an actor name: the key mentions are grouped and matched by.

"The Houthis'" and "houthis" fold alike: curly apostrophe, possessive and a leading "the" dropped,
lower case, punctuation runs -> one space.
"""

from __future__ import annotations

import re

from ..string_memo import string_memo

_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_NON_WORD = re.compile(r"[^\w]+")


@string_memo(32768)
def fold_name(text: str) -> str:
    """'The Israel Defense Forces’' -> 'israel defense forces' (memoised: the same names come
    back mention after mention)."""
    t = text.replace("’", "'").strip()
    if t.endswith("'s"):
        t = t[:-2]
    t = _LEADING_THE.sub("", t)
    return _NON_WORD.sub(" ", t.lower()).strip()
