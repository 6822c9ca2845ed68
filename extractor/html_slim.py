"""Bounding what HTML costs before trafilatura sees it (issue 17).

trafilatura parses a page into an lxml tree and copies and cleans it several times; its memory
grows with the markup, about 33-41 MB per MB (a 10 MB page peaked at 486 MB before any article
was processed). Most of a huge real page is not markup around the article but inline scripts
(framework state, analytics), styles and SVG icons, which trafilatura drops anyway, only after
lxml has built them into the tree. So:

- a page longer than `SLIM_ABOVE` characters first loses its scripts (JSON-LD metadata, which
  trafilatura reads for date and author, is kept), styles, SVG, <noscript>, <template> and
  comments, in one linear pass (an unclosed <script> runs to the end of the page, as in a
  browser); smaller pages are passed unchanged, so ordinary outputs cannot change;
- a page still longer than `MAX_CHARS` after that is refused as `too_long`: its tree would not
  fit in a worker's 400 MB next to the spaCy pipeline.

lxml also stops reading at 255 levels of nesting; `nesting_depth` lets the "no article body"
error say so when a page nests deeper.
"""

from __future__ import annotations

import re

#: Pages longer than this are slimmed before extraction.
SLIM_ABOVE = 1_000_000
#: Pages longer than this after slimming are refused (`too_long`): ~33 MB of trees per MB.
MAX_CHARS = 4_000_000
#: lxml's (libxml2's) nesting limit without its "huge tree" option.
PARSER_MAX_DEPTH = 255

_OPENER = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>|<!--", re.IGNORECASE)
_CLOSERS = {t: re.compile(rf"</{t}\s*>", re.IGNORECASE) for t in ("script", "style", "svg", "noscript", "template")}
_JSON_LD = re.compile(r"application/ld\+json", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"])


def slim_html(html: str) -> str:
    """`html` without scripts (but JSON-LD), styles, SVG, <noscript>, <template> and comments."""
    out: list[str] = []
    pos = 0
    while True:
        m = _OPENER.search(html, pos)
        if m is None:
            break
        out.append(html[pos:m.start()])
        tag = (m.group(1) or "").lower()
        if tag:
            close = _CLOSERS[tag].search(html, m.end())
            end = close.end() if close else -1
        else:
            end = html.find("-->", m.end())
            end = end + 3 if end >= 0 else -1
        if end < 0:  # unclosed: runs to the end of the page
            pos = len(html)
            break
        if tag == "script" and _JSON_LD.search(m.group()):
            out.append(html[m.start():end])
        pos = end
    out.append(html[pos:])
    return "".join(out)


def nesting_depth(html: str, cap: int = 10_000) -> int:
    """How deep elements nest (void and self-closed elements do not count), up to `cap`."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            depth = max(0, depth - 1)
        elif not selfclose and name not in _VOID:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest >= cap:
                    break
    return deepest
