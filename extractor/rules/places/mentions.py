"""Collecting place mentions: GPE / LOC entities, the country owning an institution, the dateline.

Nothing else: raw tokens are never matched against the gazetteer, so common words (Of, Mobile,
Reading) only become places when the tagger or a place context says so. Each mention is a dict
(name, offsets, hint, sentence, "in X" evidence, medium flag) that later steps fill with "res".
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ...extensions import doc_text
from ..entities.common import PLACE_LABELS, PREP_PLACE_STRICT
from .associations import association_place
from .bodies import body_place
from .clean import clean_place
from .countries import is_country
from .hints import region_word_after, type_hint
from .lexicon import PlacesLexicon

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

#: one place mention: text, name, start, end, hint, sent (start, end), prep, medium, key, res
Mention = dict[str, Any]


def collect_mentions(doc: Doc, lex: PlacesLexicon, gaz: Any) -> list[Mention]:
    """Every place mention before the footer, in text order, keyed by the folded name."""
    from ...gazetteer import fold

    layout = doc._.extractor_layout or {}
    footer_start = (layout.get("footer") or {}).get("start", len(doc_text(doc)) + 1)
    out: list[Mention] = []
    ents = [e for e in doc.ents if e.start_char < footer_start]
    local = frozenset(e.text.lower().removeprefix("the ") for e in ents if e.label_ in PLACE_LABELS)
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            # "the Titus County Jail", "Guernsey County Common Pleas Court" tagged as a place
            owner = body_place(ent, lex, gaz, local) if len(ent) >= 3 else None
            if owner is not None:
                out.append(make_mention(owner, None, lex, gaz))
                continue
            span, hint = clean_place(ent, lex, gaz)
            if span is not None:
                out.append(make_mention(span, hint or type_hint(span, lex), lex, gaz))
        elif ent.label_ in ("ORG", "PERSON", "FAC"):
            # "Russia's defense ministry": the country is a place mention; so is the town a local
            # body serves ("the Beverly Hills Police Department", "McMinn County Sheriff X")
            owner = _institution_owner(ent, lex, gaz) if ent.label_ == "ORG" else None
            if owner is None and len(ent) >= 2:
                owner = body_place(ent, lex, gaz, local)
            if owner is None and ent.label_ == "ORG":
                owner = association_place(ent, lex, gaz)  # "the Jamaica Cancer Society"
            if owner is not None:
                out.append(make_mention(owner, None, lex, gaz))
    _add_dateline_places(doc, layout, out, lex, gaz)
    for m in out:
        m["key"] = fold(m["name"])
    return sorted([m for m in out if m["key"]], key=lambda m: m["start"])


def make_mention(span: Span, hint: str | None, lex: PlacesLexicon, gaz: Any) -> Mention:
    """The mention record of `span`, with its place evidence ("in X") and medium flag."""
    text = span.text
    name = text.title() if text.isupper() and len(text) > 3 and "." not in text else text
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    before = span.doc[span.start - 1] if span.start > 0 else None
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    after = nxt.lower_ if nxt is not None else ""
    # "in X" (not "in X's kingdom"): evidence for an unknown name
    prep = before is not None and before.lower_ in PREP_PLACE_STRICT and after not in _POSSESSIVE
    # "wrote in Politico", "believe in Satan": a publication or a belief, not a place
    medium = prep and before.head.lemma_.lower() in lex.not_place_heads and not is_country(text, lex, gaz)
    return {"medium": medium,
            "text": text, "name": name, "start": span.start_char, "end": span.end_char, "hint": hint,
            "sent": (sent.start_char, sent.end_char), "res": None, "prep": prep and not medium,
            "region_word": region_word_after(span, lex.region_words) if hint == "region" else None,
            # "a Palestine man", "Jordan police": the home of a person or a local body (not "U.S.
            # residents", "UK police": a country's initials stand where no adjective is used)
            "resident": nxt is not None and nxt.is_lower and after in lex.resident_nouns
            and not (text.isupper() or "." in text)}


def drop_unplaced_media(mentions: list[Mention]) -> None:
    """A name read as a medium ("wrote in Politico") stays only when it resolved to a country,
    a region or a big city."""
    mentions[:] = [m for m in mentions if not m["medium"] or (m["res"] is not None and (
        m["res"]["type"] in ("country", "region") or m["res"].get("pop", 0) >= 100000))]


def _institution_owner(ent: Span, lex: PlacesLexicon, gaz: Any) -> Span | None:
    """The place owning an ORG: "Russia's defense ministry" (a country before a possessive), "the
    U.S. military", "Gaza civil defence agency" (a place followed by lower-case words only)."""
    for i, tok in enumerate(ent):
        if tok.lower_ in _POSSESSIVE and i > 0:
            owner = ent[:i]
            return owner if is_country(owner.text, lex, gaz) else None
    i = next((k for k, tok in enumerate(ent) if tok.is_lower), 0)
    if i == 0:
        return _capital_institution_owner(ent, lex, gaz)
    owner = ent[:i]
    if owner.text.lower() in lex.demonyms:
        return None  # "German foreign ministry": a nationality, not a place (nor a parish of Man)
    if i > 0 and all(t.is_lower for t in ent[i:]) and owner.text[:1].isupper() and (
            is_country(owner.text, lex, gaz)
            or any(not c.alternate for c in gaz.lookup(owner.text))):
        return owner
    return None


def _capital_institution_owner(ent: Span, lex: PlacesLexicon, gaz: Any) -> Span | None:
    """"Pakistan Army", "the U.S. Army", "the US National Guard": a country before one of the
    state institutions of the entity lexicon, capitalised as a name."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    for k in (1, 2):
        cut = start + k
        if cut >= ent.end:
            return None
        tail = tuple(t.lower_ for t in ent.doc[cut:ent.end] if t.lower_ not in _POSSESSIVE)
        if tail in lex.institutions and is_country(ent.doc[start:cut].text, lex, gaz):
            return ent.doc[start:cut]
    return None


def _add_dateline_places(doc: Doc, layout: dict[str, Any], out: list[Mention], lex: PlacesLexicon,
                         gaz: Any) -> None:
    """"KYIV, Ukraine (AP) —": each comma part of the dateline place not already a mention."""
    dl = layout.get("dateline")
    if dl and dl.get("place"):
        start = dl["place_start"]
        for part in dl["place"].split(","):
            lead = len(part) - len(part.lstrip())
            s, e = start + lead, start + lead + len(part.strip())
            start += len(part) + 1
            if e > s and not any(m["start"] <= s < m["end"] for m in out):
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.text == doc_text(doc)[s:e]:
                    out.append(make_mention(span, None, lex, gaz))
