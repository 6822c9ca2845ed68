"""Casualty kind given by what follows the counted phrase: "three soldiers died", "25 people were killed",
"12 dead", "nine others sustained injuries", "remain missing", "the 870 people who were injured"; the
predicate of the sentence wins over a relative clause ("Six boys who were abducted were shot dead").

The predicate must be intransitive or passive: "two recordings ..., one captured by a camera" and
"6,000 dead and wounded" (a combined figure of two kinds) are no casualty counts.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .casualty_clause import CasualtyClause
from .context import CountsDoc
from .grammar import verb_key
from .lexicon import CountsLexicon

#: auxiliaries/adverbs allowed between a counted phrase and its predicate
_PRED_FILLER = frozenset(["be", "have", "also", "reportedly", "there", "later", "each", "all", "both", "now",
                          "so", "far", "still", "were", "was", "been", "are", "is", "had", "has", "have",
                          "being", "allegedly", "subsequently", "initially", "then", "confirmed", "reported",
                          "remain", "remained", "remains", "as", "other", "more", "said"])

Found = tuple[str | None, Token | None]


def predicate_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: the predicate after the counted phrase ("three soldiers died", "250 taken hostage")."""
    head, span = c.head, c.span
    last = head if head is not None else span[-1]
    if head is not None and head.i < span.start and span.end + 1 < c.sent.end:
        last = ctx.doc[span.end + 1]  # "One of those killed was ...": read after the pronoun, not its antecedent
    kind, end_tok = predicate_after(ctx, last, c.sent)
    rel = next((r for r in last.children if r.dep_ == "relcl" and r.i > last.i), None) if head is not None else None
    if kind is None and rel is not None:
        kind, end_tok = predicate_after(ctx, rel.right_edge, c.sent)  # "Six boys who were abducted were shot dead"
    if kind is None and head is not None and head.i > span.end and head.lemma_.lower() in ctx.lex.noun_verbs:
        kind, end_tok = predicate_after(ctx, span[-1], c.sent)  # "250 taken hostage"
    if kind is not None and end_tok is not None:
        c.ev_end = max(c.ev_end, end_tok.idx + len(end_tok.text))
    c.kind = kind


def relative_clause_kind(ctx: CountsDoc, c: CasualtyClause) -> None:
    """Kind rule: a relative clause on the counted noun ("the 870 people who were injured", "the 40 people
    who died")."""
    head = c.head
    if head is None:
        return
    if head.dep_ in ("nsubj", "nsubjpass") and verb_key(head.head, ctx.lex.cas_verbs) is not None:
        return  # "12 students who were kidnapped in December have been killed": the main verb decides
    kind, rtok = relative_clause(ctx.lex, head)
    if kind is not None and rtok is not None and rtok.i - head.i <= 4:
        c.ev_end = max(c.ev_end, rtok.idx + len(rtok.text))
    c.kind = kind


def relative_clause(lex: CountsLexicon, head: Token) -> Found:
    """Kind given by a passive or intransitive relative clause on the counted noun ("who were injured"), or on
    the last member of its list ("two adults and four children who died")."""
    members = [head]
    while True:
        nxt = next((c for c in members[-1].children if c.dep_ == "conj" and c.i > members[-1].i), None)
        if nxt is None or len(members) > 4:
            break
        members.append(nxt)
    for c in (ch for m in members for ch in m.children):
        if c.dep_ != "relcl" or c.i < head.i or c.pos_ != "VERB" or c.head.lower_ in ("who", "which"):
            continue
        key = verb_key(c, lex.cas_verbs)
        if key is None:
            continue
        passive = any(x.dep_ == "auxpass" for x in c.children)
        if (passive or key in lex.intransitive) and not any(x.dep_ in ("dobj", "obj") for x in c.children):
            return lex.cas_verbs[key], c
    return None, None


def predicate_after(ctx: CountsDoc, last: Token, sent: Span) -> Found:
    """Kind given by what follows the counted phrase ("were killed", "died", "12 dead", "remain missing")."""
    doc, lex = ctx.doc, ctx.lex
    k = last.i + 1
    k, limit = _after_aside(doc, k, sent), last.i + 6  # "Six children - three of them from one family - have ..."
    limit += k - (last.i + 1)
    while k < sent.end and k <= limit:
        skip = _after_aside(doc, k, sent)  # "At least four other (non-soldiers) were injured"
        limit, k = limit + skip - k, skip
        if k >= sent.end:
            break
        t = doc[k]
        low, lem = t.lower_, t.lemma_.lower()
        rest = ctx.text[t.idx:t.idx + 40].lower()
        pm = ctx.patterns.phrase.match(rest)
        if pm:
            kind = lex.cas_phrases[pm.group().strip()]
            endc = t.idx + pm.end()
            end_tok = doc.char_span(t.idx, endc, alignment_mode="expand")
            return kind, (end_tok[-1] if end_tok is not None else t)
        if low in lex.cas_adjs and t.pos_ in ("ADJ", "VERB", "NOUN"):
            return _adjective_predicate(doc, lex, last, k, sent)
        if t.pos_ == "VERB" and lem in lex.suffer_verbs:
            return _suffered(lex, t)
        if t.pos_ == "VERB" and (t.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in t.children)) \
                and limb_wound(lex, t) is not None:
            return limb_wound(lex, t), t  # "was shot in the leg"
        if t.pos_ == "VERB" and lem in lex.cas_verbs:
            has_aux = any(c.dep_ == "auxpass" for c in t.children)
            if last.pos_ == "NUM" and not has_aux and any(c.dep_ == "agent" for c in t.children) \
                    and lex.cas_verbs[lem] not in ("killed", "injured"):
                return None, None  # "two recordings ..., one captured by a camera" (not "15 wounded by a bomb")
            passive = t.tag_ == "VBN" or has_aux
            if lem in lex.intransitive or (passive and not any(c.dep_ == "dobj" for c in t.children)):
                return lex.cas_verbs[lem], t
            return None, None
        if low in _PRED_FILLER or lem in _PRED_FILLER or t.pos_ in ("ADV", "AUX", "PART") \
                or low in lex.figures.hedge_verbs or low in lex.figures.hedge_adverbs \
                or t.ent_type_ in ("DATE", "TIME"):  # "were last night killed", "was Sunday afternoon killed"
            k += 1
            continue
        if t.pos_ == "ADP" and k + 1 < sent.end and doc[k + 1].pos_ == "PROPN":
            break
        break
    return None, None


def limb_wound(lex: CountsLexicon, verb: Token) -> str | None:
    """ "shot in the leg", "stabbed in the arm": a wound in a limb is an injury, and so is harm said to be bad
    ("was seriously beaten", "were badly burned"), unless a killing is coordinated after it ("was shot in the leg
    and died"); None when the verb says neither."""
    lem = verb.lemma_.lower()
    limb = (lem in lex.limb_verbs or verb.lower_ in lex.limb_verbs) and any(
        c.dep_ == "prep" and c.lower_ in ("in", "on") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in lex.limbs for p in c.children) for c in verb.children)
    severe = (lem in lex.harm_verbs or verb.lower_ in lex.harm_verbs) and any(
        c.dep_ == "advmod" and c.lower_ in lex.severity_adverbs for c in verb.children)
    if not (limb or severe):
        return None
    fate = next((lex.cas_verbs[c.lemma_.lower()] for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and lex.cas_verbs.get(c.lemma_.lower()) == "killed"), None)
    return fate or "injured"


#: marks that open an aside between a count and its predicate, and the marks that close it
_ASIDES = {"-": "-", "–": "–", "—": "—", "(": ")", "[": "]"}


def _after_aside(doc: Doc, k: int, sent: Span) -> int:
    """The token after an aside in dashes or brackets that starts at token k ("Six children - three of them from
    one family - have been killed", "four other (non-soldiers) were injured"), else k."""
    close = _ASIDES.get(doc[k].text) if k < sent.end else None
    if close is None:
        return k
    for j in range(k + 1, min(sent.end, k + 16)):
        if doc[j].text == close:
            return j + 1
    return k


def _adjective_predicate(doc: Doc, lex: CountsLexicon, last: Token, k: int, sent: Span) -> Found:
    """A casualty adjective (or participle) at token k after the phrase: "12 dead", "three wounded"."""
    t = doc[k]
    low, lem = t.lower_, t.lemma_.lower()
    if t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children) and lem not in lex.intransitive:
        return None, None
    if last.pos_ == "NUM" and any(c.dep_ == "agent" for c in t.children) \
            and not any(c.dep_ == "auxpass" for c in t.children) and lex.cas_adjs[low] not in ("killed", "injured"):
        return None, None  # "two recordings ..., one captured by a camera" (not "15 wounded by a bomb")
    if k + 2 < sent.end and doc[k + 1].lower_ in ("and", "or") and doc[k + 2].lower_ in lex.cas_adjs \
            and lex.cas_adjs[doc[k + 2].lower_] != lex.cas_adjs[low] and not has_object(doc[k + 2]):
        return None, None  # "6,000 dead and wounded": a combined figure of two kinds
    return lex.cas_adjs[low], t


def has_object(tok: Token) -> bool:
    """A verb with an object of its own: "shot two men dead and wounded a third" is two clauses, not the
    combined figure of "6,000 dead and wounded"."""
    return tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in tok.children)


def _suffered(lex: CountsLexicon, t: Token) -> Found:
    """ "nine others sustained injuries", "three suffered fatal wounds", "10 persons sustained various degrees of
    injuries", "four survived the attack with injuries" (also when the parser hangs the verb on its object)."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "obj")]
    objs += [p for x in [t, *objs] for c in x.children if c.dep_ == "prep" and c.lower_ == "with"
             for p in c.children if p.dep_ == "pobj"]  # "survived (the attack) with injuries"
    objs += [p for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj"]  # "various degrees of injuries"
    if t.dep_ == "amod":
        objs.append(t.head)  # "12 others had sustained injuries" parsed with "sustained" modifying "injuries"
    obj = next((o for o in objs if o.lemma_.lower() in lex.suffer_objects), None)
    if obj is None:
        return None, None
    fatal = any(c.lower_ in ("fatal", "deadly", "mortal") for c in obj.children)
    return ("killed" if fatal else lex.suffer_objects[obj.lemma_.lower()]), obj
