"""Document and channel speakers: "the statement said", "the website said", "the post read" speak
for whoever issued or published them, as the text says it: in the phrase itself ("X's statement",
"the EU statement", "a statement from X", "a video posted by X"), through the verb the document
hangs off ("X said in a statement", "X published a video", "X wrote on its website", "a report
was published by X"), at the last earlier mention of such a document, else the speaker of the
attribution just before. A channel never speaks for itself: unresolved, it stays a description.

The issuer is found as a token here; turning it into a name (an entity, a proper noun, or a
nominal like "the ministry" resolved in turn) is the caller's `resolve` function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from .context import QuoteContext
from .grammar import INDEFINITE
from .resolve import actor_at

#: resolves an issuer token to (name, actor id), or None when it names nobody
Resolver = Callable[[Token], tuple[str, str | None] | None]
#: prepositions that attach a document to the verb of its issuer ("said in", "wrote on", "via")
_THROUGH = frozenset({"in", "on", "through", "via", "at"})
#: entity labels that can issue a document ("an Independence Day statement" is no EVENT's)
_ISSUERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: prepositions that name the issuer inside the document phrase ("a statement from/by/of X")
_FROM = frozenset({"from", "by", "of"})


def _agent(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb ("released by the ministry")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The subject of the verb a document hangs off, or its passive agent, outside quotes; for "it"
    or "they" in a reported clause, the subject of the verb reporting it."""
    agent = _agent(verb)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in ctx.quoted]
    if len(subjects) == 1 and subjects[0].lower_ in ("it", "they") and verb.dep_ == "ccomp" \
            and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(ctx, verb.head)  # "X said that it had opened a case": X
    return next((c for c in subjects if c.lower_ not in ("it", "this", "that", "which")), None)


def _untagged_issuer(ctx: QuoteContext, t: Token) -> bool:
    """A proper noun the tagger left untyped names an issuer only when the actors know it ("the
    Kremlin statement"), not as a day or an occasion ("an Independence Day statement")."""
    return t.pos_ == "PROPN" and t.ent_type_ in ("", *_ISSUERS) \
        and actor_at(ctx, t.idx, t.idx + len(t.text)) is not None


def _in_phrase(ctx: QuoteContext, doc_tok: Token, resolve: Resolver) -> tuple[str, str | None] | None:
    """The issuer named inside the document phrase: "X's statement", "the EU statement", "a German
    statement", "a statement from X", "a video posted by X", "a post on X's channel"."""
    for c in doc_tok.children:
        ent = ctx.entity_of(c)
        named = (c.dep_ in ("poss", "compound") and (ent.label_ in _ISSUERS if ent is not None else
                                                      _untagged_issuer(ctx, c))) \
            or (c.dep_ == "amod" and ent is not None and ent.label_ in ("NORP", "ORG"))  # "a German statement"
        if named and c.lower_ not in ("its", "their", "his", "her", "our"):
            found = resolve(c)
            if found is not None:
                return found
        if c.dep_ == "prep" and (c.lower_ in _FROM or c.lower_ in _THROUGH):
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if g.lemma_.lower() in ctx.lex.document_nouns:  # "a post on the ministry's channel"
                    found = _in_phrase(ctx, g, resolve)
                elif c.lower_ in _FROM:
                    found = resolve(g)
                else:
                    found = None
                if found is not None:
                    return found
        if c.dep_ == "acl":  # "a video posted by the ministry"
            agent = _agent(c)
            found = resolve(agent) if agent is not None else None
            if found is not None:
                return found
    return _agent_after_title(ctx, doc_tok, resolve)


def _agent_after_title(ctx: QuoteContext, doc_tok: Token, resolve: Resolver) -> tuple[str, str | None] | None:
    """"the resolution entitled “...” adopted by X": the parser hangs the participle on the quoted
    title, not on the document; its agent is the issuer all the same."""
    doc = ctx.doc
    for i in range(doc_tok.i + 1, min(len(doc), doc_tok.i + 40)):
        t = doc[i]
        if i in ctx.quoted:
            continue
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i in ctx.quoted:
            agent = _agent(t)
            return resolve(agent) if agent is not None else None
        if not (t.tag_ == "VBN" and t.dep_ == "acl" and t.head.i == doc_tok.i) and t.pos_ not in ("PUNCT", "SPACE"):
            break  # only the document's own participle ("entitled") and its title lie in between
    return None


def issuer(ctx: QuoteContext, doc_tok: Token, resolve: Resolver) -> tuple[str, str | None] | None:
    """The issuer of a document noun: named in its phrase, else the subject (or passive agent) of
    the verb it is the object of ("X issued a statement") or that it is attached to by a
    preposition ("X said in a statement", "X wrote on its website")."""
    found = _in_phrase(ctx, doc_tok, resolve)
    if found is not None:
        return found
    verb = None
    if doc_tok.dep_ in ("dobj", "nsubjpass") and doc_tok.head.pos_ in ("VERB", "AUX"):
        verb = doc_tok.head
    elif doc_tok.dep_ == "pobj" and doc_tok.head.lower_ in _THROUGH and doc_tok.head.head.pos_ in ("VERB", "AUX"):
        verb = doc_tok.head.head
    while verb is not None and verb.dep_ in ("xcomp", "conj") and _subject(ctx, verb) is None:
        verb = verb.head  # "X went on to publish a video", "X met and issued a statement"
    subject = _subject(ctx, verb) if verb is not None else None
    if subject is not None and subject.lemma_.lower() not in ctx.lex.document_nouns:
        return resolve(subject)
    return None


#: posts and the verbs that publish them on a platform ("X wrote on Telegram", "X tweeted")
_POSTS = frozenset({"post", "tweet", "message", "update"})
_PUBLISHING = frozenset({"post", "write", "tweet", "publish", "share"})


def _published_on(verb: Token, doc_lemma: str) -> bool:
    """Does `verb` publish a post on a platform ("wrote on X", "posted on Telegram", "tweeted")?"""
    if doc_lemma not in _POSTS or verb.lemma_.lower() not in _PUBLISHING:
        return False
    return verb.lemma_.lower() == "tweet" or any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def _refers_back(tok: Token) -> bool:
    """Is the document mention definite ("the resolution", "this report"), so that it refers to
    one introduced earlier rather than introducing a new one ("a resolution")?"""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _earlier_document_issuer(ctx: QuoteContext, span: Span, resolve: Resolver) -> tuple[str, str | None] | None:
    """The issuer at the last earlier mention of the same kind of document within 600 tokens (the
    verb of the same word counts: "X posted ... the post said"; a definite mention without issuer,
    "voted against the resolution", refers further back to where it was introduced), else at one
    of the last 3 mentions of another kind ("stated in a press release ... the statement")."""
    lemma = span.root.lemma_.lower()
    docs = ctx.lex.document_nouns
    for same in (True, False):
        n = 0
        for i in range(span.start - 1, max(-1, span.start - 600), -1):
            tok = ctx.doc[i]
            low = tok.lemma_.lower()
            if i in ctx.quoted:
                continue
            if same and tok.pos_ == "VERB" and (low == lemma or _published_on(tok, lemma)):
                # "The governor posted ... the post said", "X wrote on Telegram ... the post read"
                subject = _subject(ctx, tok)
                found = resolve(subject) if subject is not None else None
                if found is not None:
                    return found
            if (low == lemma if same else low in docs and low != lemma) and tok.pos_ in ("NOUN", "PROPN"):
                found = issuer(ctx, tok, resolve)
                if found is not None or (same and not _refers_back(tok)):
                    return found  # "the statement" is the last statement introduced, issuer or not
                n += 1  # "voted against the resolution" refers further back: go on
                if n >= 3:
                    break
    return None


#: how many paragraphs a chain of "the statement said" quotations may skip and still be one document
_CHAIN_PARAGRAPHS = 4


def same_document_goes_on(ctx: QuoteContext, span: Span,
                          last: tuple[dict[str, Any], int] | None) -> tuple[str, str | None] | None:
    """"..., the statement said. [...] ..., the statement read.": a definite document mention right
    after a quotation attributed to a mention of the same document noun, already resolved to its
    issuer, is the same document (a long statement quoted piece by piece); its issuer goes on."""
    if last is None or ctx.para_index(span.start_char) - last[1] > _CHAIN_PARAGRAPHS:
        return None
    prev = last[0]
    mention = (prev.get("mention") or {}).get("text") or ""
    name = prev.get("name")
    if not name or prev.get("method") != "nominal" or name == mention:
        return None
    prev_head = mention.rsplit(None, 1)[-1].lower() if mention.strip() else ""
    if prev_head not in (span.root.lower_, span.root.lemma_.lower()):
        return None
    return name, prev.get("actor_id")


def resolve_document(ctx: QuoteContext, span: Span, last: tuple[dict[str, Any], int] | None,
                     resolve: Resolver) -> tuple[str, str | None] | None:
    """"the statement" -> its issuer: named in the phrase itself or by the verb it hangs off, at
    the last earlier mention of that kind of document ("a statement from X", "X said in a
    statement"), else the speaker of the attribution just before (a statement is issued by
    whoever was last quoted)."""
    found = issuer(ctx, span.root, resolve)
    if found is not None:
        return found
    if span[0].lower_ not in INDEFINITE:  # "a joint statement" is a new one, not the last one
        found = same_document_goes_on(ctx, span, last)
        if found is not None:
            return found
        found = _earlier_document_issuer(ctx, span, resolve)
        if found is not None:
            return found
    if last is not None and last[0].get("name") and ctx.para_index(span.start_char) - last[1] <= 2 \
            and last[0].get("method") not in ("nominal", "adjacent"):
        return last[0]["name"], last[0].get("actor_id")
    return None
