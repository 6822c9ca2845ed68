"""A person's titles, read around each mention of the name.

Premodifiers: "Kremlin spokesperson Dmitry Peskov" (the words before the name up to the last
title word); appositions: "John Healey, the British defense secretary," (a comma phrase holding
a title word).
"""

from __future__ import annotations

from spacy.tokens import Span


def titles_of(span: Span, titles: frozenset[str]) -> list[str]:
    """Premodifier ('Kremlin spokesperson Dmitry Peskov') and appositive titles."""
    found = []
    premodifier = _premodifier_title(span, titles)
    if premodifier is not None:
        found.append(premodifier)
    apposition = _appositive_title(span, titles)
    if apposition is not None:
        found.append(apposition)
    return found


def _premodifier_title(span: Span, titles: frozenset[str]) -> str | None:
    """Tokens left of the name up to a determiner / punctuation / verb, cut after the last title."""
    doc = span.doc
    i = span.start - 1
    start = span.start
    while i >= 0 and i >= span.start - 6:
        t = doc[i]
        if t.is_punct and t.text != "-" or t.pos_ in ("DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
            break
        if t.pos_ == "ADP" and not (t.lower_ == "of" and i > 0 and doc[i - 1].lower_ in titles):
            break
        if "\n" in t.whitespace_ or t.is_space:
            break
        start = i
        i -= 1
    if start < span.start:
        words = doc[start:span.start]
        heads = [k for k, t in enumerate(words) if t.lower_ in titles or t.lower_.rstrip("s") in titles]
        if heads:
            last = heads[-1]
            while start + last + 2 < span.start and words[last + 1].text == "-":
                last += 2  # "President-elect", "Attorney-General"
            title = doc[start: start + last + 1]
            if title.text and title.text[:1] and not title.text.endswith("'s"):
                return title.text
    return None


def _appositive_title(span: Span, titles: frozenset[str]) -> str | None:
    """"John Healey, the British defense secretary,": a short comma phrase holding a title word."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        j = span.end + 1
        if doc[j].lower_ in ("the", "a", "an"):
            j += 1
        k = j
        while k < len(doc) and k < j + 8 and (not doc[k].is_punct or doc[k].text == "-") and \
                not doc[k].is_space and doc[k].pos_ not in ("VERB", "AUX", "PRON"):
            k += 1
        if k > j and k < len(doc) and doc[k].text in (",", ".", ";"):
            phrase = doc[j:k]
            if any(t.lower_ in titles for t in phrase) and phrase.text[:1]:
                return phrase.text
    return None
