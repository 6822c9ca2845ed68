"""The comparison form of an actor name: the key mentions are grouped and matched by.

"The Houthis'" and "houthis" fold alike: curly apostrophe, possessive and a leading "the" dropped,
lower case, punctuation runs -> one space.
"""

from __future__ import annotations

import re


def fold_name(text: str) -> str:
    """'The Israel Defense Forces’' -> 'israel defense forces'."""
    t = text.replace("’", "'").strip()
    if t.endswith("'s"):
        t = t[:-2]
    t = re.sub(r"^(?:the|The)\s+", "", t)
    return re.sub(r"[^\w]+", " ", t.lower()).strip()
