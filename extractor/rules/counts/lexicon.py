"""The word lists behind the counts component, loaded once from `models/lexicons/counts/`.

Kept apart from the rules so that the rules read as grammar and the vocabulary stays data
(casualty words, weapon names, action verbs, qualifiers, demonyms). See the README beside
the files for where each list came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from ...lexicons import LexiconError, read_json, read_wordlist

FILES = (
    "lexicons/counts/casualty_terms.json",
    "lexicons/counts/people_nouns.txt",
    "lexicons/counts/weapons.json",
    "lexicons/counts/weapon_actions.json",
    "lexicons/counts/qualifiers.json",
    "lexicons/counts/vague_amounts.txt",
    "lexicons/counts/demonyms.json",
    "lexicons/counts/article_figures.json",
)


def _str_map(data: object, where: str) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise LexiconError(f"{where}: expected an object of strings")
    return {k.lower(): v for k, v in data.items() if not k.startswith("_")}


def _phrases(data: object) -> tuple[str, ...]:
    """A list of lower-case phrases, longest first (so that the longest match wins)."""
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise LexiconError("expected a list of strings")
    return tuple(sorted((x.lower() for x in data), key=len, reverse=True))


def _words(data: object) -> frozenset[str]:
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise LexiconError("expected a list of strings")
    return frozenset(x.lower() for x in data)


@dataclass(frozen=True)
class FiguresLexicon:
    """The words of article_figures.json: relations between counts, single victims, hedges, background
    dates, forecasts and stated zeros (see the file's `_comment`)."""

    additive_before: tuple[str, ...]
    additive_after: frozenset[str]
    total_before: tuple[str, ...]
    total_after: tuple[str, ...]
    generic_heads: frozenset[str]
    single_never: frozenset[str]
    single_pronouns: frozenset[str]
    not_single_determiners: frozenset[str]
    honorifics: frozenset[str]
    distinct_persons: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    past_words: tuple[str, ...]
    since_cumulative: frozenset[str]
    months: frozenset[str]
    forecast_nouns: frozenset[str]
    forecast_verbs: frozenset[str]
    zero_nouns: dict[str, tuple[str, ...]]
    zero_pronouns: frozenset[str]
    weekdays: frozenset[str]
    body_nouns: frozenset[str]
    body_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    incident_markers: tuple[str, ...]
    incident_plurals: frozenset[str]
    pair_nouns: frozenset[str]
    group_of_nouns: frozenset[str]
    war_nouns: frozenset[str]
    rate_words: frozenset[str]
    time_units: frozenset[str]
    additive_ordinals: frozenset[str]
    day_leads: frozenset[str]
    overview_words: tuple[str, ...]
    pair_pronouns: frozenset[str]

    #: the keys of article_figures.json
    KEYS: ClassVar[tuple[str, ...]] = (
        "additive_before", "additive_after", "total_before", "total_after", "generic_heads", "single_never",
        "single_pronouns", "not_single_determiners", "honorifics", "distinct_persons", "hedge_adverbs",
        "hedge_verbs", "past_words", "since_cumulative", "months", "forecast_nouns", "forecast_verbs",
        "zero_nouns", "zero_pronouns", "weekdays", "body_nouns", "body_verbs", "speech_verbs",
        "incident_markers", "incident_plurals", "pair_nouns", "group_of_nouns",
        "war_nouns", "rate_words", "time_units", "additive_ordinals", "day_leads", "overview_words", "pair_pronouns")
    #: keys whose phrases are matched longest first
    PHRASE_KEYS: ClassVar[frozenset[str]] = frozenset(["additive_before", "total_before", "total_after",
                                                       "past_words", "incident_markers", "overview_words"])

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FiguresLexicon:
        """Validate and convert the parsed file."""
        zero = data["zero_nouns"]
        if not isinstance(zero, dict) or not all(isinstance(v, list) for v in zero.values()):
            raise LexiconError("zero_nouns: expected an object of lists")
        fields: dict[str, object] = {k: (_phrases(data[k]) if k in cls.PHRASE_KEYS else _words(data[k]))
                                     for k in cls.KEYS if k != "zero_nouns"}
        return cls(zero_nouns={k.lower(): tuple(v) for k, v in zero.items()}, **fields)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CountsLexicon:
    """Immutable view of the counts word lists."""

    cas_verbs: dict[str, str]
    cas_nouns: dict[str, str]
    cas_adjs: dict[str, str]
    cas_phrases: dict[str, str]
    cas_before: dict[str, str]
    intransitive: frozenset[str]
    toll_verbs: frozenset[str]
    tally_words: frozenset[str]
    noun_verbs: dict[str, frozenset[str]]
    people_verbs: dict[str, str]
    among_words: dict[str, str]
    loss_context: frozenset[str]
    suffer_verbs: frozenset[str]
    suffer_objects: dict[str, str]
    toll_words: frozenset[str]
    toll_kinds: dict[str, str]
    inherit_cues: tuple[str, ...]
    fatal_adverbs: frozenset[str]
    companion_preps: tuple[str, ...]
    parent_nouns: frozenset[str]
    limb_verbs: frozenset[str]
    limbs: frozenset[str]
    shot_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    severity_adverbs: frozenset[str]
    people: frozenset[str]
    weapon_names: tuple[tuple[str, str], ...]  # (name, class), longest name first
    act_object: dict[str, str]
    act_subject: dict[str, str]
    act_with: dict[str, str]
    act_nouns: dict[str, str]
    attack_context: frozenset[str]
    transfer_verbs: frozenset[str]
    maybe_transfer_verbs: frozenset[str]
    not_by_heads: frozenset[str]
    qual_before: dict[str, str]
    qual_after: dict[str, str]
    vague: tuple[str, ...]
    demonyms: dict[str, str]
    figures: FiguresLexicon  # how counts relate and which is the article's figure (article_figures.json)
    #: every word without which no casualty kind can be read in a sentence (see casualty_cues)
    casualty_cues: frozenset[str] = frozenset()

    @classmethod
    def load(cls, paths: dict[str, Path]) -> CountsLexicon:
        """Read and validate every file (keys as in FILES)."""
        cas = read_json(paths[FILES[0]], allowed_keys=("_comment", "verbs", "nouns", "adjectives", "phrases",
                                                       "toll_words", "toll_kinds", "inherit_cues",
                                                       "before_phrases", "intransitive", "toll_verbs",
                                                       "tally_words", "noun_verbs", "people_verbs",
                                                       "among_words", "loss_context", "suffer_verbs",
                                                       "suffer_objects", "fatal_adverbs", "companion_preps",
                                                       "parent_nouns", "limb_verbs", "limbs",
                                                       "shot_verbs", "harm_verbs", "severity_adverbs"))
        weapons = read_json(paths[FILES[2]], allowed_keys=("_comment", "classes"))
        acts = read_json(paths[FILES[3]], allowed_keys=("_comment", "object", "subject", "with", "nouns",
                                                        "attack_context", "transfer_verbs", "maybe_transfer_verbs",
                                                        "not_by_heads"))
        quals = read_json(paths[FILES[4]], allowed_keys=("_comment", "before", "after"))
        demonyms = read_json(paths[FILES[6]])
        figs = read_json(paths[FILES[7]], allowed_keys=("_comment", *FiguresLexicon.KEYS))
        names = [(name.lower(), klass) for klass, lst in weapons["classes"].items() for name in lst]
        names.sort(key=lambda nc: len(nc[0]), reverse=True)
        lex = cls(
            cas_verbs=_str_map(cas["verbs"], "casualty verbs"),
            cas_nouns=_str_map(cas["nouns"], "casualty nouns"),
            cas_adjs=_str_map(cas["adjectives"], "casualty adjectives"),
            cas_phrases=_str_map(cas["phrases"], "casualty phrases"),
            cas_before=_str_map(cas["before_phrases"], "casualty phrases before"),
            intransitive=frozenset(w.lower() for w in cas["intransitive"]),
            toll_verbs=frozenset(w.lower() for w in cas["toll_verbs"]),
            tally_words=frozenset(w.lower() for w in cas["tally_words"]),
            noun_verbs={k.lower(): frozenset(v) for k, v in cas["noun_verbs"].items()},
            people_verbs=_str_map(cas["people_verbs"], "people verbs"),
            among_words=_str_map(cas["among_words"], "among words"),
            loss_context=frozenset(w.lower() for w in cas["loss_context"]),
            suffer_verbs=frozenset(w.lower() for w in cas["suffer_verbs"]),
            suffer_objects=_str_map(cas["suffer_objects"], "suffer objects"),
            toll_words=frozenset(w.lower() for w in cas["toll_words"]),
            toll_kinds=_str_map(cas["toll_kinds"], "toll kinds"),
            inherit_cues=tuple(c.lower() for c in cas["inherit_cues"]),
            fatal_adverbs=frozenset(w.lower() for w in cas["fatal_adverbs"]),
            companion_preps=_phrases(cas["companion_preps"]),
            parent_nouns=frozenset(w.lower() for w in cas["parent_nouns"]),
            limb_verbs=frozenset(w.lower() for w in cas["limb_verbs"]),
            limbs=frozenset(w.lower() for w in cas["limbs"]),
            shot_verbs=frozenset(w.lower() for w in cas["shot_verbs"]),
            harm_verbs=frozenset(w.lower() for w in cas["harm_verbs"]),
            severity_adverbs=frozenset(w.lower() for w in cas["severity_adverbs"]),
            people=frozenset(w.lower() for w in read_wordlist(paths[FILES[1]])),
            weapon_names=tuple(names),
            act_object=_str_map(acts["object"], "object actions"),
            act_subject=_str_map(acts["subject"], "subject actions"),
            act_with=_str_map(acts["with"], "with actions"),
            act_nouns=_str_map(acts["nouns"], "noun actions"),
            attack_context=frozenset(w.lower() for w in acts["attack_context"]),
            transfer_verbs=frozenset(w.lower() for w in acts["transfer_verbs"]),
            maybe_transfer_verbs=frozenset(w.lower() for w in acts["maybe_transfer_verbs"]),
            not_by_heads=frozenset(w.lower() for w in acts["not_by_heads"]),
            qual_before=_str_map(quals["before"], "qualifiers before"),
            qual_after=_str_map(quals["after"], "qualifiers after"),
            vague=read_wordlist(paths[FILES[5]]),
            demonyms=_str_map(demonyms, "demonyms"),
            figures=FiguresLexicon.from_json(figs),
        )
        return replace(lex, casualty_cues=casualty_cues(lex))


#: words of casualty phrases that say nothing on their own ("lost their lives": "lives" says it)
_PHRASE_GLUE = frozenset(["a", "among", "and", "are", "at", "down", "for", "from", "her", "his", "in", "of", "put",
                          "the", "their", "those", "to", "were", "who", "with"])


def casualty_cues(lex: CountsLexicon) -> frozenset[str]:
    """The words (lower case, as written or as lemma) of which a sentence needs one for any casualty kind
    to be read in it: every word a kind comes from (the verbs, nouns, adjectives, "among" words, toll and
    injury words, "taken hostage", "lost his life", body nouns) and the last telling word of every
    casualty phrase ("gunned down" -> "gunned", "taken to hospital" -> "hospital").

    Why: the single-victim rule (casualty_single.py) has a candidate in nearly every sentence (every
    "he", every "official"); only those in a sentence with one of these words can be a casualty, and
    asking the kind rules about the others cost a fifth of the counts component's time."""
    words: set[str] = set()
    for table in (lex.cas_verbs, lex.cas_nouns, lex.cas_adjs, lex.among_words, lex.toll_kinds, lex.suffer_objects,
                  lex.noun_verbs, lex.people_verbs, lex.intransitive, lex.toll_words, lex.fatal_adverbs,
                  lex.limb_verbs, lex.shot_verbs, lex.harm_verbs, lex.figures.body_nouns):
        for entry in table:  # "gun down": "gun"
            words.update([w for w in entry.lower().split() if w not in _PHRASE_GLUE] or entry.lower().split())
    for phrase in (*lex.cas_phrases, *lex.cas_before):
        telling = [w for w in phrase.lower().split() if w not in _PHRASE_GLUE]
        words.update(telling[-1:] or phrase.lower().split())
    return frozenset(words)
