"""The word lists the actor rules need, loaded by components/actors.py and passed in frozen.

`ActorsLexicon` holds demonyms, institution nouns, platforms, titles, portfolio words, event and
facility nouns, speech verbs and known acronyms (models/lexicons/entities/).
"""

from __future__ import annotations

from dataclasses import dataclass

#: verbs whose "by" agent is a cited source ("a casualty list provided by the hospital")
SOURCE_VERBS = frozenset({"provide", "release", "issue", "publish", "compile", "report", "confirm", "give",
                          "share", "announce"})


@dataclass(frozen=True)
class ActorsLexicon:
    """Loaded word lists (lower-cased unless noted)."""

    demonyms: dict[str, str]  # "russian" -> "RU" ("-" for a demonym of no country)
    institutions: list[str]  # as written, longest first
    inst_set: frozenset[str]  # the institutions, lower-cased
    platforms: frozenset[str]
    titles: frozenset[str]
    portfolio: frozenset[str]
    not_actor_words: frozenset[str]  # as written ("Typhoon", "Hurricane")
    event_nouns: frozenset[str]
    event_heads: frozenset[str]  # as written ("War", "Revolution"): last words of event names
    generic_org_words: frozenset[str]  # as written ("Ministry", "Institute"): alone, no one body
    kind_heads: frozenset[str]  # as written ("Fund", "Agreement"): "a X Fund" is one of a kind
    belonging_nouns: frozenset[str]  # nouns an institution before them only qualifies ("assets")
    facility_words: frozenset[str]  # as written, capitalised ("Hospital")
    speech_verbs: frozenset[str]  # person verbs + SOURCE_VERBS
    acronyms: dict[str, set[str]]  # "IDF" -> folded expansions
