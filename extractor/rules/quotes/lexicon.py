"""The word lists the quote rules read, loaded by QuotesComponent and passed in as one frozen object.

Speech verbs decide what is a cue, work nouns tell a title ("the film “...”") from a quotation,
speaker nouns say which common nouns may speak, and resolution.json's sets steer reference
resolution (directive verbs, document and channel nouns, person roles, institution nominals).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteLexicon:
    """All lower-cased. `speech`: speech_verbs.txt; `works`: work_nouns.txt; `speaker_nouns`:
    speaker_nouns.txt; from resolution.json: `directive_verbs` that govern a short quotation
    ("ordered an “all-out” effort"), `document_nouns` that resolve to their issuer ("the
    statement", "the website"), `person_roles`, role nouns that stand for one person ("the head of
    state", "the warlord"), and `org_nominals`, institution nouns with the words a compatible named
    organisation must contain ("the military" -> "... Command", "*" = any organisation). `nations`:
    demonyms and country aliases (demonyms.tsv, country_aliases.tsv) -> ISO country code, so that
    "the Belarusian leader" and "Belarus's president" agree and "the US President" is not the
    Russian one. `non_speakers`: heads of phrases
    that never speak, weapons, events and places ("the drones", "the explosion", "the village").
    `gendered`: honorifics and
    role words that tell a person's gender ("ms" -> "f", "spokesman" -> "m"), so that "he" does
    not continue a woman's quotation. `title_abbreviations`: "gov" -> "governor", so that "former Gov. Jeb Bush" is
    "the former governor". `relay_nouns`: the reporters who only pass words on ("..., an AFP
    reporter said", "..., a correspondent reports"): their cue yields to the one of whoever spoke.
    `naming_verbs`: verbs that give something a name ("a website called “...”", "the plan was dubbed
    “...”"): in the passive, with no "by X", they name nobody as a speaker.
    `office_titles`: the specific offices ("president", "minister", "spokesman") that tell two
    people apart: "the president" is not the one introduced as "Foreign Minister X".
    `speech_nouns`: nouns for something said ("mantra", "warning", "claim"): a quotation right after
    one with a possessor ("his mantra “...”") is the possessor's wording. `leader_nouns`: generic
    words for whoever leads a country or body ("the Russian leader", "the strongman") and
    `staff_titles`: offices held for someone else (spokesman, aide, envoy): a leader noun never
    stands for a person introduced by a staff title ("the Russian leader" is not "Russia's foreign
    ministry spokeswoman X"). `opinion_verbs`: verbs of assessment (consider, believe, estimate):
    "it considers Russia would need “...”" is the assessment of whatever "it" stands for.
    `media_roles`: the people who ask or report (host, anchor, moderator, reporter): someone
    introduced as one of them ("hosts Jane Roe and Mary Moe") never stands for another role
    ("the mayor", "the candidate")."""

    speech: frozenset[str] = frozenset()
    works: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    person_roles: frozenset[str] = frozenset()
    non_speakers: frozenset[str] = frozenset()
    gendered: Mapping[str, str] = field(default_factory=dict)
    title_abbreviations: Mapping[str, str] = field(default_factory=dict)
    nations: Mapping[str, str] = field(default_factory=dict)
    org_nominals: Mapping[str, frozenset[str]] = field(default_factory=dict)
    relay_nouns: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    leader_nouns: frozenset[str] = frozenset()
    staff_titles: frozenset[str] = frozenset()
    opinion_verbs: frozenset[str] = frozenset()
    media_roles: frozenset[str] = frozenset()
