"""The spaCy Matchers and regexes the repairs run on every article, built once from the lexicon:
place contexts ("the village of X", "X, a village", "the X region", "the X refugee camp"), runs of
capitalised proper nouns, and the possessive-institution regex ("Russia's defense ministry").
`place_matches` runs the place matcher only around its anchor words (one numpy.isin pass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import EntityLexicon


@dataclass(frozen=True)
class EntityMatchers:
    """Everything compiled from the lexicon that the repairs match with."""

    place_matcher: Matcher  # rules SETTLE_OF, NAME_COMMA_SETTLE, NAME_REGION, NAME_SETTLE
    place_anchor_ids: numpy.ndarray  # LOWER ids of the words every place pattern holds
    propn_matcher: Matcher  # RUN: 1-3 capitalised proper nouns
    inst_re: re.Pattern[str]  # "'s" + an institution ("'s defense ministry")
    inst_by_first: dict[str, list[tuple[str, ...]]]  # institutions by their first word
    #: the gazetteer's country names as written, as token tuples by the hash of their first token
    country_names: dict[int, tuple[tuple[str, ...], ...]] | None = None
    country_first_ids: numpy.ndarray | None = None  # the keys of country_names, for one isin pass


def _place_matcher(vocab: Vocab, lex: EntityLexicon) -> tuple[Matcher, numpy.ndarray]:
    # flags, not regexes: the matcher checks every token of every article
    name_tok = {"IS_TITLE": True, "IS_STOP": False}
    hyph = {"ORTH": {"IN": ["-", "‑"]}, "OP": "?"}
    name = [name_tok, hyph, {"IS_TITLE": True, "OP": "?"}, {"IS_TITLE": True, "OP": "?"}]
    settle = sorted(w for w in lex.settlement_words if " " not in w)
    region_lc = sorted(lex.region_words)
    region_cap = [w.capitalize() for w in ("oblast", "province", "governorate", "region", "prefecture", "krai")]
    m = Matcher(vocab)
    # "the village of Kolisnykivka", "the town of Bakhmut"
    m.add("SETTLE_OF", [[{"LOWER": {"IN": settle}}, {"LOWER": "of"}, *name]])
    # "Kolisnykivka, a village in ...", "Al-Fashir, the capital of ..."
    m.add("NAME_COMMA_SETTLE", [[*name, {"ORTH": ","}, {"LOWER": {"IN": ["a", "an", "the"]}},
                                 {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "{0,2}"},
                                 {"LOWER": {"IN": settle}}]])
    # "the Kharkiv region", "Idlib province", "Kherson Oblast"
    m.add("NAME_REGION", [[*name, {"ORTH": {"IN": region_lc + region_cap}}]])
    # "the Nuseirat refugee camp", "Zamzam displacement camp", "Zawaida town"
    # (lower-case generic words only: "Kansas City", "Gaza City" are names of their own)
    m.add("NAME_SETTLE", [[*name, {"ORTH": {"IN": ["refugee", "displacement", "displaced", "IDP"]}},
                           {"ORTH": {"IN": ["camp", "camps"]}}],
                          [*name, {"ORTH": {"IN": ["village", "town", "city", "neighbourhood", "neighborhood"]}}]])
    # every place pattern holds one of these words: the matcher only runs around them
    anchors = set(settle) | set(region_lc) | {"camp", "camps", "village", "town", "city", "neighbourhood",
                                              "neighborhood"}
    anchor_ids = numpy.array(sorted(vocab.strings.add(w.lower()) for w in anchors), dtype="uint64")
    return m, anchor_ids


def build_matchers(vocab: Vocab, lex: EntityLexicon,
                   country_names: tuple[tuple[str, ...], ...] = ()) -> EntityMatchers:
    """Compile the place matcher, the proper-noun run matcher, the institution regex and the
    country-name index (`country_names`: the names as token texts; indexed by the hash of their
    first token, computed without adding anything to the shared vocabulary)."""
    place_matcher, anchor_ids = _place_matcher(vocab, lex)
    runs = Matcher(vocab)  # runs of capitalised proper nouns (1-3 tokens)
    runs.add("RUN", [[{"POS": "PROPN", "IS_STOP": False, "IS_LOWER": False, "IS_PUNCT": False,
                       "OP": "{1,3}"}]], greedy="LONGEST")
    # institutions: "Russia's defense ministry", "the Ukrainian air force"
    # one C-level regex instead of a Matcher pattern per institution: runs on every article
    alts = "|".join(r"\s+".join(re.escape(w) for w in words)
                    for words in sorted(lex.institutions, key=len, reverse=True))
    inst_re = re.compile(r"(?:'s|’s|'|’)\s+(?:" + alts + r")\b", re.IGNORECASE)
    inst_by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in lex.institutions:
        inst_by_first.setdefault(words[0], []).append(words)
    by_first: dict[int, list[tuple[str, ...]]] = {}
    for words in country_names:
        by_first.setdefault(hash_string(words[0]), []).append(words)
    names = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
    first_ids = numpy.array(sorted(names), dtype="uint64")
    return EntityMatchers(place_matcher, anchor_ids, runs, inst_re, inst_by_first, names, first_ids)


def country_matches(doc: Doc, matchers: EntityMatchers) -> list[tuple[int, int]]:
    """(start, end) of every country name written as in the gazetteer: the candidates' first
    tokens found with one array operation, the longest name starting there checked word by word."""
    if not matchers.country_names:
        return []
    orths = doc.to_array(ORTH)
    out: list[tuple[int, int]] = []
    end = 0
    for i in numpy.nonzero(numpy.isin(orths, matchers.country_first_ids))[0].tolist():
        if i < end:
            continue
        for words in matchers.country_names[int(orths[i])]:
            j = i + len(words)
            if j <= len(doc) and all(doc[i + k].text == w for k, w in enumerate(words)):
                out.append((i, j))
                end = j
                break
    return out


def place_matches(doc: Doc, matchers: EntityMatchers) -> list[tuple[int, int, int]]:
    """`place_matcher` run only on stretches around its anchor words (found with one array
    operation); a match never reaches further than 12 tokens before or 8 after its anchor,
    so the matches are those of the whole doc, at a fraction of the cost."""
    lowers = doc.to_array(LOWER)
    hits = numpy.nonzero(numpy.isin(lowers, matchers.place_anchor_ids))[0].tolist()
    spans: list[list[int]] = []
    for i in hits:
        a, b = max(0, i - 12), min(len(doc), i + 9)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    out: list[tuple[int, int, int]] = []
    place_matcher = matchers.place_matcher
    for a, b in spans:
        out += [(mid, a + s, a + e) for mid, s, e in place_matcher(doc[a:b])]
    return out
