"""Places tied to a count: where the weapons came down ("over Bryansk") or the people were hit.

The candidates are the place mentions of the places component (else GPE/LOC entities); a count
takes the place of its own locative phrase, "there" or no place at all points back to the one
place of the previous sentence, and a reference point ("south of Manila") is a last resort.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...extensions import doc_text

#: (start, end, name) of a place mention, in character offsets
Mention = tuple[int, int, str]


def place_mentions(doc: Doc) -> list[Mention]:
    """(start, end, name) of every place mention: from the places component, else GPE/LOC entities."""
    out: list[Mention] = []
    for p in doc._.extractor_places or []:
        for mt in p.get("mentions") or []:
            out.append((mt["start"], mt["end"], p.get("name") or mt["text"]))
    if not out:
        for e in doc.ents:
            if e.label_ in ("GPE", "LOC"):
                out.append((e.start_char, e.end_char, re.sub(r"^the\s+", "", e.text, flags=re.I)))
    out.sort()
    return out


def weapon_place(doc: Doc, tok: Token, sent: Span, places: list[Mention], verb: Token | None) -> str | None:
    """A place tied to the count: "destroyed 30 of the drones over Bryansk"; "shot down there" refers to
    the one place of the sentence (or of the previous one)."""
    after = max(tok.i, verb.i if verb is not None and verb.i > tok.i else tok.i)
    if after + 1 < sent.end and doc[after + 1].lower_ == "there" or (
            after + 2 < sent.end and doc[after + 2].lower_ == "there" and doc[after + 1].lower_ == "down"):
        names = {n for s, e, n in places if sent.start_char <= s < sent.end_char
                 and doc_text(doc)[e:e + 2] not in ("'s", "’s")}
        if len(names) == 1:
            return names.pop()
        return previous_sentence_place(doc, sent, places) if not names else None
    lo = doc[after].idx + len(doc[after].text)
    hi = doc[min(after + 8, sent.end - 1)].idx + len(doc[min(after + 8, sent.end - 1)].text)
    for s, e, name in places:
        if lo <= s < hi:
            between = doc_text(doc)[lo:s]
            if re.search(r"[,;]", between) or not re.search(r"\b(over|in|above|near)\b", between):
                return None
            if doc_text(doc)[e:e + 2] in ("'s", "’s"):
                continue
            # a list of places is not one place
            listed = re.match(r"\s*(,|and\b)\s*[A-Z]", doc_text(doc)[e:e + 8])
            if listed and not re.match(r"\s*,\s*(the|a)\b", doc_text(doc)[e:e + 10]):
                return None
            return name
    return None


#: A place after these words is a reference point, not where the count happened ("just south of Manila").
_REF_POINT = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                        r"south-east|south-west)\s+of\s+(?:the\s+)?$|\b(?:km|kilometres|kilometers|miles)\s+"
                        r"(?:from|of|outside)\s+(?:the\s+)?$", re.I)
#: The count's own locative phrase: a preposition, up to four words, then possibly a list of names
#: ("in the provinces of Cavite, Laguna and Batangas").
_OWN_PP = re.compile(r"\b(?:in|near|at|of|across|outside|off)\s+(?:[^\s,;]+\s+){0,4}"
                     r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+and\s+|,\s+|\s+and\s+))*$")
#: A separator that starts a breakdown of the count ("14 people: ten in Gaza City", "three – one in Aleppo").
_BREAKDOWN_SEP = re.compile(r"[:–—]\s*(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                            r"(?:were\s+|was\s+)?(?:in|near|at|outside)\b", re.I)
#: A locative phrase with a capitalised name ("in the Regencies of Cilacap").
_NAMED_PP = re.compile(r"\b(?:in|near|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}[A-Z]")


def casualty_place(doc: Doc, span: Span, sent: Span, places: list[Mention]) -> str | None:
    """The place the clause ties the count to: "in the city of X" after it, else the nearest before it;
    "there" / no place at all points back to the one place of the previous sentence."""
    inside = [(s, e, n) for s, e, n in places if sent.start_char <= s < sent.end_char
              and doc_text(doc)[e:e + 2] not in ("'s", "’s")]
    after = [(s, e, n) for s, e, n in inside if s >= span.end_char]
    found = _place_after(doc, span, after)
    if found is not None:
        return found
    before = [(s, e, n) for s, e, n in inside if e <= span.start_char]
    if before:
        s, e, n = before[-1]
        lead = doc_text(doc)[sent.start_char:s]
        first = doc.char_span(s, e, alignment_mode="expand")
        subject = first is not None and first.root.dep_ in ("nsubj", "nsubjpass")  # "Israel says it killed 17"
        if re.search(r"\b(in|near|at|of|across|outside|on)\s+(?:[^\s,;]+\s+){0,4}$", lead, re.I) \
                or (lead.strip() == "" and not subject):
            return n
    if not inside and sent.start > 0:
        return previous_sentence_place(doc, sent, places)
    return None


def _place_after(doc: Doc, span: Span, after: list[Mention]) -> str | None:
    """The place named by the count's own locative phrase after it ("killed five in Kyiv and Mykolaiv"), else
    the place after a reference point when the phrase names no unknown place; None when neither."""
    ref_point: int | None = None
    for i, (s, _e, _n) in enumerate(after):
        between = doc_text(doc)[span.end_char:s]
        if len(between) >= 80 or ";" in between or _BREAKDOWN_SEP.search(between):
            break  # the place belongs to another clause or to a breakdown ("14 people: ten in Gaza City")
        if _REF_POINT.search(between):
            ref_point = i if ref_point is None else ref_point  # "just south of Manila" is a reference point
            continue
        if _OWN_PP.search(between):
            return _join_places(doc, after[i:])
    if ref_point is not None and not _NAMED_PP.search(doc_text(doc)[span.end_char:after[ref_point][0]]):
        return _join_places(doc, after[ref_point:])  # unless the count's own PP names an unknown place
    return None


def previous_sentence_place(doc: Doc, sent: Span, places: list[Mention]) -> str | None:
    """The only place named in the previous sentence ("In Odesa, a drone hit ... Three employees there were killed")."""
    prev = doc[sent.start - 1].sent
    names = {n for s, _e, n in places if prev.start_char <= s < prev.end_char}
    return names.pop() if len(names) == 1 else None


def _join_places(doc: Doc, mentions: list[Mention]) -> str:
    """ "in Kyiv and Mykolaiv" -> "Kyiv and Mykolaiv"; a single place otherwise."""
    s0, e0, n0 = mentions[0]
    if len(mentions) > 1:
        s1, _e1, n1 = mentions[1]
        if re.fullmatch(r"\s+and\s+", doc_text(doc)[e0:s1]) and n1 != n0:
            return f"{n0} and {n1}"
    return n0
