"""What an amount counts: the noun it modifies, the noun of a partitive, or nothing (a bare number).

"six fatalities" -> fatalities; "three Kh-22 supersonic cruise missiles" -> missiles;
"74 of the 117 drones" -> drones, with 117 as the stated total; "23 of which" / "26 of them"
-> the antecedent noun; "injuring seven" -> None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .amounts import NumberMatch, find_numbers
from .context import CountsDoc
from .lexicon import CountsLexicon
from .weapon_class import weapon_class

#: pronouns that point back to an earlier noun ("26 of them", "23 of which")
_BACK_PRONOUNS = frozenset(["them", "which", "those", "these", "whom"])


def counted_thing(ctx: CountsDoc, span: Span, sent: Span) -> tuple[Token | None, NumberMatch | None, Token | None]:
    """(counted noun, stated total of a partitive, partitive head) of the amount `span`."""
    doc = ctx.doc
    nxt = doc[span.end] if span.end < sent.end else None
    out_of = nxt is not None and nxt.lower_ == "out" and span.end + 1 < sent.end \
        and doc[span.end + 1].lower_ == "of"
    if nxt is not None and (nxt.lower_ == "of" or out_of):
        head, total = partitive(ctx, span, sent)
        return head, total, head
    return counted_noun(ctx.lex, span, sent), None, None


def counted_noun(lex: CountsLexicon, span: Span, sent: Span) -> Token | None:
    """The noun the number counts ("six fatalities" -> fatalities), or None for a bare number."""
    doc = span.doc
    tok = span[-1]
    h = tok.head
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and h.i > tok.i and h.i - tok.i <= 7 \
            and h.pos_ in ("NOUN", "PROPN", "ADJ") and h.i < sent.end:
        # "three Kh-22 supersonic cruise missiles": climb compounds to the phrase head
        while h.dep_ == "compound" and h.head.i > h.i and h.head.i - tok.i <= 7 \
                and h.head.pos_ in ("NOUN", "PROPN"):
            h = h.head
        between = [doc[k] for k in range(tok.i + 1, h.i)]
        verb_between = any(t.pos_ == "VERB" and (t.tag_ in ("VBD", "VBZ", "VBP")
                                                 or t.lemma_.lower() in lex.suffer_verbs)
                           for t in between)  # "seven more suffered gunshot wounds"
        if not any(t.is_punct and t.text not in "-‐" for t in between) and not verb_between \
                and h.ent_type_ not in ("DATE", "TIME") and h.lower_ not in lex.figures.weekdays:
            return _hyphen_tail(lex, h)  # not "wounded 22 Tuesday", "18 injured Monday morning"
    # linear fallback: adjectives / compounds / proper names up to the last noun
    last: Token | None = None
    for k in range(span.end, min(sent.end, span.end + 6)):
        t = doc[k]
        if t.ent_type_ in ("DATE", "TIME"):
            break  # "over 30 injured Wednesday": a date is never what is counted
        if t.pos_ in ("NOUN", "PROPN") or weapon_class(lex, t):  # weapon names are often mis-tagged
            last = t
            if k + 1 < sent.end and (doc[k + 1].pos_ in ("NOUN", "PROPN") or weapon_class(lex, doc[k + 1])) \
                    and not doc[k + 1].is_punct:
                continue
            break
        if t.pos_ in ("ADJ", "NUM") or t.text in "-‐" or (t.tag_ in ("VBN", "VBG") and k + 1 < sent.end
                                                           and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
            continue
        break
    return last


def _hyphen_tail(lex: CountsLexicon, h: Token) -> Token:
    """The last part of a hyphenated word the tokenizer split ("two ex-combatants" -> combatants) when that part
    names people; else the word itself."""
    doc = h.doc
    t = h
    while t.i + 2 < len(doc) and doc[t.i + 1].text in "-‐" and not t.whitespace_ and not doc[t.i + 1].whitespace_:
        t = doc[t.i + 2]
    return t if t.i != h.i and (t.lemma_.lower() in lex.people or t.lower_ in lex.people) else h


def partitive(ctx: CountsDoc, span: Span, sent: Span) -> tuple[Token | None, NumberMatch | None]:
    """ "74 of the 117 drones" -> (drones, 117); "23 of which" / "26 of them" -> (antecedent, None)."""
    doc, lex = ctx.doc, ctx.lex
    of = doc[span.end + 1] if doc[span.end].lower_ == "out" else doc[span.end]
    total: NumberMatch | None = None
    possessor: Token | None = None
    for k in range(of.i + 1, min(sent.end, of.i + 8)):
        t = doc[k]
        if t.lower_ in _BACK_PRONOUNS:
            return antecedent(lex, doc, span.start, sent), None
        if t.like_num and total is None:
            found = find_numbers(ctx.text[t.idx:t.idx + 40])
            if found and found[0].start == 0 and found[0].value is not None and found[0].skip is None:
                total = NumberMatch(t.idx, t.idx + found[0].end, found[0].text, found[0].value)
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            # climb compounds: "the 20 Shahed drones"
            while k + 1 < sent.end and doc[k + 1].pos_ in ("NOUN", "PROPN") and not doc[k + 1].is_punct:
                k += 1
            if k + 2 < sent.end and doc[k + 1].tag_ == "POS" and t.dep_ == "poss":
                possessor = doc[k]
                continue  # "three of the group's members": the possessor is not what is counted
            return doc[k], total
        if t.pos_ in ("ADJ", "VERB") and (t.lower_ in lex.cas_adjs or t.lower_ in lex.cas_nouns) \
                and not (k + 1 < sent.end and doc[k + 1].pos_ in ("NOUN", "PROPN")):
            return _casualty_group_of(lex, doc, k, sent), total
        if t.pos_ in ("DET", "ADJ", "NUM", "VERB") or t.text in "-‐" or t.tag_ in ("PRP$", "POS") or (
                t.pos_ == "ADV" and possessor is not None):
            continue  # "five of their fighters", "37 of the 40 Shahed drones" (Shahed mis-tagged as a verb)
        break
    return possessor, None  # "one of the court's ..." with no noun found: still not a bare number


def _casualty_group_of(lex: CountsLexicon, doc: Doc, k: int, sent: Span) -> Token | None:
    """ "9 of the dead were civilians" is a subset by who (the casualty word at k is what is counted); "two of
    the injured are in critical condition" is not a separate count (None)."""
    t = doc[k]
    who = doc[k + 2] if k + 2 < sent.end and doc[k + 1].lemma_ == "be" else None
    if who is not None and who.pos_ == "DET" and k + 3 < sent.end:
        who = doc[k + 3]
    ok = who is not None and (who.lemma_.lower() in lex.people or who.ent_type_ == "NORP"
                              or who.lower_ == "from")  # "53 of the dead were from Maguindanao"
    return t if ok else None


def antecedent(lex: CountsLexicon, doc: Doc, before: int, sent: Span) -> Token | None:
    """Nearest preceding plural noun that names weapons or people (this or the previous sentence)."""
    lo = sent.start
    if lo > 0:
        lo = doc[lo - 1].sent.start
    for k in range(before - 1, lo - 1, -1):
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS"):
            if weapon_class(lex, t) or t.lemma_.lower() in lex.people:
                return t
            if k >= sent.start and t.dep_ not in ("nsubj", "nsubjpass"):
                return t  # nearest plural noun of the clause decides ("20 of them" = garages), not its subject
    return None
