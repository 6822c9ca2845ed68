"""From `doc.ents` to groups of mentions, one per actor, in order of first mention.

Each PERSON / ORG / NORP entity is cleaned (clean.py), dropped when it is no actor (publisher.py,
not_actors.py), and filed under its grouping key (keys.py); a NORP that is no actor on its own
("Houthi rebels") still joins the group its plural names ("the Houthis").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from .clean import (
    clean_mention,
    comma_parts,
    leader_body,
    opens_with_a_gerund,
    person_after_a_body,
    trim_to_known_name,
)
from .fold import fold_name
from .keys import Group, KeyIndex, group_key, register_aliases
from .lexicon import ActorsLexicon
from .not_actors import (
    inside_title,
    is_generic_word,
    is_medium,
    is_party_affiliation,
    modifies_a_noun,
    names_a_kind,
    names_an_event,
    norp_is_actor,
)
from .own_journalists import is_own_journalist
from .publisher import cites_publisher, dateline_range, publisher_keys

ACTOR_LABELS = ("PERSON", "ORG", "NORP")


def group_mentions(doc: Doc, lex: ActorsLexicon, country_code: Callable[[str], str]) -> list[Group]:
    """The groups, in the order they were created."""
    dateline = dateline_range(doc)
    publishers, agencies = publisher_keys(doc)
    groups: list[Group] = []
    by_key: KeyIndex = {}
    ents = doc.ents
    full_names = {name for e in ents if e.label_ == "PERSON" and " " in (name := fold_name(e.text))}
    parts = (piece for e in ents for part in comma_parts(leader_body(e))
             for piece in person_after_a_body(part, lex.generic_org_words, lex.titles))
    for ent in parts:
        if ent.label_ not in ACTOR_LABELS or is_party_affiliation(ent):
            continue  # "(D-Va.)": a party affiliation, not an organisation
        span = _actor_span(ent, lex, full_names, dateline)
        if span is None or _country_after_gerund(ent, span, lex, country_code) or _is_a_country(span, country_code):
            continue  # "Citing Germany's decision"; "Nazi Germany" tagged PERSON: countries are places
        folded = fold_name(span.text)
        if not folded or (folded in publishers and not (folded in agencies and cites_publisher(span))) \
                or span.text.lower() in lex.demonyms:
            continue  # the publisher (unless cited: "BelTA has learned"); "Palestinians" (collectives)
        if _named_but_no_actor(span, lex):
            continue
        if ent.label_ == "NORP" and not norp_is_actor(span, lex):
            _join_plural_group(span, folded, by_key)
            continue
        key = group_key(span, ent.label_, by_key, lex, country_code)
        if ent.label_ == "NORP":
            key = ("NORP", folded)
        group = by_key.get(key)
        if group is None:
            group = {"type": ent.label_, "spans": [], "keys": {key}}
            groups.append(group)
            by_key[key] = group
        group["spans"].append(span)
        register_aliases(group, span, by_key)
    return groups


def _actor_span(ent: Span, lex: ActorsLexicon, full_names: set[str], dateline: tuple[int, int]) -> Span | None:
    """The cleaned mention, or None when it is empty, inside the dateline or part of a title."""
    span = clean_mention(ent, lex)
    if span is not None and ent.label_ == "PERSON":
        span = trim_to_known_name(span, full_names, lex.titles)
    if span is None or dateline[0] <= span.start_char < dateline[1]:
        return None  # "KHARTOUM, Sudan (AP) —": the agency is the publisher
    if ent.label_ == "ORG" and (inside_title(span, lex) or modifies_a_noun(span, lex) or names_a_kind(ent, span, lex)):
        return None  # "Secretary of State X"; "Russian government assets"; "to a Ukraine Support Fund"
    return span


def _named_but_no_actor(span: Span, lex: ActorsLexicon) -> bool:
    """"said on Telegram" (a medium); "Typhoon Yagi" (an event); "our correspondent X reports";
    "the Ministry also said" (a lone common noun)."""
    return is_medium(span, lex) or names_an_event(span, lex) or is_own_journalist(span) \
        or is_generic_word(span, lex)


def _is_a_country(span: Span, country_code: Callable[[str], str]) -> bool:
    """A mention that is a country's name, whatever its tag ("Nazi Germany" with "Germany" tagged
    PERSON): countries are places, never actors."""
    text = span.text
    return len(span) <= 3 and text[:1].isupper() and country_code(text) != text.lower()


def _country_after_gerund(ent: Span, span: Span, lex: ActorsLexicon, country_code: Callable[[str], str]) -> bool:
    """"Citing Germany's decision", "Signaling American resolve": a capitalised -ing word opening the
    sentence before a country or a nationality is a verb and its object, no actor."""
    if len(ent) < 2 or not opens_with_a_gerund(ent[0], tagged=False):
        return False
    rest = span.text if span.start > ent.start else span[1:].text
    return rest.lower() in lex.demonyms or country_code(rest) != rest.lower()


def _join_plural_group(span: Span, folded: str, by_key: KeyIndex) -> None:
    """"Houthi rebels" after "the Houthis": a mention of the group."""
    group = by_key.get(("ORG", folded + "s")) or by_key.get(("NORP", folded + "s"))
    if group is not None:
        group["spans"].append(span)
