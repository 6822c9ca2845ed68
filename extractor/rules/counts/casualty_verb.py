"""Casualty kind given by the verb that governs the count: "killed 12 bandits", "injuring seven",
"killing a child, three women and a man", "we lost two soldiers in the ambush".

Also the noun phrase right before the amount that does the same job ("claimed the lives of 12
people", "the evacuation of 5,000 residents").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .casualty_clause import CasualtyClause
from .casualty_predicate import has_object, limb_wound
from .context import CountsDoc
from .grammar import QUALIFIER_WORDS, conj_first, list_first, verb_key
from .lexicon import CountsLexicon


def governing_verb_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: the governing verb before ("killed at least two people", "injuring seven")."""
    kind, vtok = governing_verb(ctx.doc, ctx.lex, c.span, c.head, c.sent)
    if kind is not None and vtok is not None and vtok.idx < c.ev_start and c.span[0].i - vtok.i <= 5:
        c.ev_start = vtok.idx
    elif kind is not None and vtok is not None and vtok.idx >= c.ev_end and vtok.i - c.span[-1].i <= 15:
        c.ev_end = _verb_end(vtok)  # "A local worker for the Red Cross was shot dead"
    c.kind = kind


def companion_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: victims named after "alongside", "along with", "together with" on a casualty verb share its kind
    and add to its subject ("Mr. Madaki was killed alongside his nephew", "killed along with four others")."""
    lex = ctx.lex
    tok = list_first(c.head if c.head is not None else c.span[-1])
    if tok.dep_ != "pobj":
        return
    prep, verb = tok.head, tok.head.head
    phrase = prep.lower_
    before = ctx.doc[prep.i - 1] if prep.i > 0 else prep
    if prep.lower_ == "with" and before.lower_ in ("along", "together"):
        phrase = f"{before.lower_} with"  # "along" hangs on "with" or on the verb, as the parser likes
        verb = verb.head if verb.i == before.i else verb
    if phrase not in lex.companion_preps or verb.pos_ != "VERB":
        return
    if verb_key(verb, lex.cas_verbs) is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "was killed and burned along with his wife"
    key = verb_key(verb, lex.cas_verbs)
    later = later_casualty(lex, verb, killed_only=key is not None)
    kind = later[0] if later is not None else (lex.cas_verbs[key] if key is not None else None)
    if kind is not None and not combined_verbs(lex, verb):
        c.kind, c.adds = kind, True


def phrase_before_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a noun phrase before ("claimed the lives of 12 people", "the evacuation of 5,000 residents")."""
    m = c.m
    before = ctx.text[max(c.sent.start_char, m.qstart - 30):m.qstart].lower()
    for phrase, kind in ctx.lex.cas_before.items():
        if before.endswith(phrase + " "):
            c.kind, c.ev_start = kind, m.qstart - len(phrase) - 1
            break


def governing_verb(doc: Doc, lex: CountsLexicon, span: Span, head: Token | None,
                   sent: Span) -> tuple[str | None, Token | None]:
    """Kind given by the verb whose object (or passive subject) the counted phrase is ("killed two people")."""
    partitive = head is not None and span.end < len(doc) and doc[span.end].lower_ == "of" \
        and span[-1].dep_ in ("nsubj", "nsubjpass", "dobj", "obj")
    g = list_first(head if head is not None and not partitive else span[-1])  # "One of the members was shot"
    if g.dep_ == "pobj" and g.head.lower_ == "of" and g.head.head.lemma_.lower() in lex.figures.group_of_nouns:
        g = list_first(g.head.head)  # "killed a family of six": the family's role
    h = g.head
    x = next((c for c in h.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if g.dep_ == "nsubjpass" and x is not None and (h.lower_ in lex.figures.hedge_verbs
                                                    or h.lemma_.lower() in lex.figures.speech_verbs):
        h = x  # "a passenger in the car was said to have been shot in the leg", "were believed to have been killed"
    if g.dep_ == "conj" and h.pos_ == "VERB" and g.pos_ in ("NOUN", "PROPN") and h.i < g.i and any(
            c.dep_ in ("dobj", "obj") and c.i < g.i for c in h.children):
        g = next(c for c in h.children if c.dep_ in ("dobj", "obj"))  # "killing a child, three women and a man"
    if h.pos_ == "VERB" and g.dep_ in ("dobj", "obj", "nsubjpass", "oprd") and (g.dep_ == "nsubjpass" or h.i < g.i):
        found = _object_kind(lex, g, h)
        if found is not None:
            return found
    if g.dep_ == "nsubj" and h.pos_ == "VERB" and h.i > g.i:
        if h.lemma_.lower() in lex.intransitive:
            return lex.cas_verbs[h.lemma_.lower()], h  # "At least 14 people, among them three children, died"
        if h.lemma_.lower() in lex.noun_verbs.get("life", ()) and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "life" for c in h.children):
            return "killed", h  # "31 persons, mostly women and children, lost their lives"
    pkey = verb_key(h, lex.people_verbs)
    if head is not None and pkey is not None and g.dep_ in ("dobj", "obj") and h.i < g.i and (
            head.lemma_.lower() in lex.people or head.lower_ in lex.people) and any(
            t.lemma_.lower() in lex.loss_context for t in sent):
        return lex.people_verbs[pkey], h  # "we lost two soldiers in the ambush" (not "lost 200 workers")
    return _verb_right_before(doc, lex, span, head, sent)


def _verb_end(verb: Token) -> int:
    """End of a verb with its particle or result ("gunned down", "shot dead", "beaten to death")."""
    end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.i > verb.i and c.i - verb.i <= 3 and (c.dep_ in ("prt", "oprd", "advcl", "acomp") and c.pos_ != "VERB"
                                                   or (c.dep_ == "prep" and c.lower_ == "to")):
            end = max(end, c.right_edge.idx + len(c.right_edge.text))
    return end


def _object_kind(lex: CountsLexicon, g: Token, h: Token) -> tuple[str | None, Token | None] | None:
    """Kind given by the verb `h` whose object or passive subject is `g`; None when it gives none."""
    vkey = verb_key(h, lex.cas_verbs)
    later = later_casualty(lex, h, killed_only=vkey is not None) if g.dep_ == "nsubjpass" else None
    if later is not None:
        return later  # "was kidnapped and killed", "was ambushed and murdered", "were shot and wounded"
    res_kind = resultative(lex, h, g)[0] if g.dep_ != "oprd" else None
    if res_kind == "killed":
        return res_kind, h  # "beat five men to death", "was stabbed to death"
    if vkey is not None:
        if combined_verbs(lex, h):
            return None, None  # "killing or wounding 25 people": one figure of two kinds
        return lex.cas_verbs[vkey], h
    if res_kind is not None:
        return res_kind, h  # "left five members of the family dead", "was shot dead", "left 12 injured"
    limb = limb_wound(lex, h)
    if limb is not None:
        return limb, h  # "shot him in the leg", "a woman was stabbed in the arm"
    return None


def later_casualty(lex: CountsLexicon, verb: Token, *, killed_only: bool) -> tuple[str, Token] | None:
    """A casualty verb coordinated after the verb and sharing its passive subject decides the victims' fate:
    "was kidnapped and killed", "was ambushed and murdered", "were shot and wounded" (after a casualty verb
    only a killing does: "were abducted and beaten" stays captured)."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i and not any(
                x.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for x in c.children):
            key = verb_key(c, lex.cas_verbs)
            if key is not None and (lex.cas_verbs[key] == "killed" or not killed_only):
                return lex.cas_verbs[key], c
    return None


def resultative(lex: CountsLexicon, verb: Token, obj: Token) -> tuple[str | None, Token | None]:
    """Kind given by what the verb left its object as: "left six inmates dead", "shot the chief dead",
    "hacked five civilians to death", "left 12 people injured" (the adjective or "to death" after the object)."""
    for c in verb.children:
        if c.i <= obj.i and not (c.dep_ == "advmod" and c.lower_ in lex.fatal_adverbs) \
                and not (c.dep_ == "prep" and c.lower_ == "to"):  # "beat to death a deputy minister"
            continue
        if c.dep_ in ("oprd", "acomp", "advcl", "xcomp", "ccomp", "advmod") and c.lower_ in lex.cas_adjs \
                and not any(x.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for x in c.children):  # not a clause
            # of its own: "shot three suspects after gunmen killed two officers"
            doc = verb.doc
            nxt = doc[c.i + 2] if c.i + 2 < len(doc) and doc[c.i + 1].lower_ in ("and", "or") else None
            if nxt is not None and nxt.lower_ in lex.cas_adjs and lex.cas_adjs[nxt.lower_] != lex.cas_adjs[c.lower_] \
                    and not has_object(nxt):
                return None, None  # "lost 6,000 dead and wounded": one figure of two kinds
            return lex.cas_adjs[c.lower_], c
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children):
            return "killed", c
        if c.dep_ == "advmod" and c.lower_ in lex.fatal_adverbs:
            return "killed", c  # "were fatally shot", "was mortally wounded"
        if c.dep_ == "prep" and c.lower_ == "with" and c.i > obj.i:  # "left 14 people with injuries"
            what = next((p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in lex.suffer_objects), None)
            if what is not None:
                fatal = any(x.lower_ in ("fatal", "deadly", "mortal") for x in what.children)
                return ("killed" if fatal else lex.suffer_objects[what.lemma_.lower()]), c
    return None, None


def combined_verbs(lex: CountsLexicon, verb: Token) -> bool:
    """ "killed or injured 25", "killing and wounding 40": the verb is the second of a killed/injured pair
    sharing its object, so the count is of both kinds together ("kidnapped and killed eight" is killed)."""
    first = verb.head
    if verb.dep_ != "conj" or first.pos_ != "VERB" or not 0 < verb.i - first.i <= 2:
        return False
    fkey, vkey = verb_key(first, lex.cas_verbs), verb_key(verb, lex.cas_verbs)
    return fkey is not None and vkey is not None \
        and {lex.cas_verbs[fkey], lex.cas_verbs[vkey]} == {"killed", "injured"} \
        and not any(c.dep_ in ("dobj", "obj") for c in first.children)


def _verb_right_before(doc: Doc, lex: CountsLexicon, span: Span, head: Token | None,
                       sent: Span) -> tuple[str | None, Token | None]:
    """Linear: the casualty verb right before the qualifier/number, or before the list whose member the
    counted phrase is ("killing a teenager, five women and ...", "killing 12 administrators and engineers and
    four technicians")."""
    k = span[0].i - 1
    while k >= sent.start and doc[k].lower_ in QUALIFIER_WORDS:
        k -= 1
    # a member of a list whose first member is the verb's object: "killing a teenager, five women and ..."
    # (not the subject of a clause of its own: "wounding four, an official said")
    hops = 0
    subj = conj_first(head) if head is not None else None
    listed = subj is not None and not (subj.dep_ in ("nsubj", "nsubjpass") and subj.head.i > subj.i)
    while listed and k >= sent.start and doc[k].lower_ in (",", "and") and hops < 3:  # not "killed Ali, 45"
        j = k - 1
        while j >= sent.start and k - j <= 5 and (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                                   or doc[j].tag_ == "PRP$") and doc[j].text != ",":
            j -= 1
        if j == k - 1 or j < sent.start:
            break
        k, hops = j, hops + 1
    if k >= sent.start:
        t = doc[k]
        tkey = verb_key(t, lex.cas_verbs)
        if t.pos_ == "VERB" and tkey is not None and tkey not in ("die",) and not combined_verbs(lex, t):
            return lex.cas_verbs[tkey], t
    return None, None
