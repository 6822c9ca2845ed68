"""A look-ahead on the characters a regex match can start with.

Why: Python's regex engine tries every alternative of a pattern at every character of the text;
an alternation of many names or number words run over a whole article spends most of its time at
positions where no alternative can start. A leading `(?=[...])` on the possible first characters
lets the engine skip those positions at once; it never changes what matches. Shared by the
rules of several fields (number words, legislature names, month and weekday names), so it lives
below them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def first_char_guard(words: Iterable[str], *, also: str = "") -> str:
    """`(?=[...])` on the first characters of `words` (literal text, escaped here), with `also`
    added to the class as written (r"\\d" for "any digit"); "" when there is nothing to guard."""
    chars = sorted({w[0] for w in words if w})
    if not chars and not also:
        return ""
    return "(?=[" + also + "".join(re.escape(c) for c in chars) + "])"
