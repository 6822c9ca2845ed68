"""The order of the entity repairs: each step takes the document's context and the current entity
list and returns the new list. Order matters (later steps trust earlier ones: the relabelling
step records the article's people, which every later place step respects), so a new rule is one
line in STEPS at the place where its inputs are ready.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span
from spacy.util import filter_spans

from .acronyms import paren_acronyms
from .context import EntityContext
from .cuts import cut_at_layout
from .datelines import dateline_places
from .documents import documents
from .fused_places import fused_places, hyphen_pairs, hyphenated_places
from .glued_names import split_glued_names
from .headline import keep_confirmed_headline
from .institutions import institutions
from .joins import extend_spans, join_and, join_particles
from .legislatures import legislatures
from .named_groups import named_groups
from .non_places import drop_non_places, drop_place_compounds, features_are_places
from .page_furniture import drop_furniture
from .party_affiliations import party_affiliation_places
from .people import bracketed_names, first_names, surnames_not_places
from .place_contexts import context_places, possessive_places, prep_places, spread_places, the_places
from .relabel import relabel_by_evidence
from .splits import split_of_country, split_place_pairs
from .storms import storms
from .subheadings import confirmed_subheadings
from .the_names import the_names
from .untagged_countries import untagged_countries
from .vessels import vessels
from .weapon_systems import weapon_systems

Step = Callable[[EntityContext, list[Span]], list[Span]]


def non_overlapping(ctx: EntityContext, ents: list[Span]) -> list[Span]:
    """The longest of overlapping spans (spaCy's filter_spans), in document order."""
    return sorted(filter_spans(ents), key=lambda s: s.start)


STEPS: tuple[Step, ...] = (
    cut_at_layout,  # line breaks, headline boundary, footer (cuts.py)
    drop_furniture,  # "CLICK HERE TO GET THE ... APP", "Other Topics of Interest ..." (page_furniture.py)
    keep_confirmed_headline,  # headline spans only when the body confirms them (headline.py)
    confirmed_subheadings,  # "A Donbas First Strategy": the same for title-case subheadings (subheadings.py)
    dateline_places,  # "MINSK, 20 June (BelTA) –", "Title. BYESVILLE --" (datelines.py)
    party_affiliation_places,  # "Rep. Charles Rangel, D-N.Y.," (party_affiliations.py)
    drop_non_places,  # "UN", "M23", "Floodwaters", streets (non_places.py)
    fused_places,  # "a Beijing-based commentator", "the U.S.-led coalition" (fused_places.py)
    join_particles,  # "Ursula von der" + "Leyen" (joins.py)
    split_glued_names,  # "ambassador to Egypt Dan Kurtzer", "... of Belarus Andrei Savinykh" (glued_names.py)
    split_of_country,  # "Sakha Republic of Russia" (splits.py)
    split_place_pairs,  # "Kangra, Himachal Pradesh", "Kharkiv, Sumy" (splits.py)
    features_are_places,  # "Bolan Pass" (non_places.py)
    the_places,  # "by The Hague court" with "Hague" tagged PERSON (place_contexts.py)
    surnames_not_places,  # "Zelenskyy" tagged GPE after "Volodymyr Zelenskyy" (people.py)
    relabel_by_evidence,  # one name, one reading; fills ctx.people / ctx.person_any (relabel.py)
    context_places,  # "the village of X", "X region" (place_contexts.py)
    prep_places,  # "in Jassem", "near Kobane" (place_contexts.py)
    possessive_places,  # "Ukraine's Kharkiv" (place_contexts.py)
    untagged_countries,  # "Slovenia acted ..." with no tag at all (untagged_countries.py)
    join_and,  # "Jammu and Kashmir" (joins.py)
    institutions,  # "Russia's defense ministry" (institutions.py)
    extend_spans,  # "Governor Oleksandr" + "Prokudin", "14th Army Corps" (joins.py)
    drop_place_compounds,  # "U.S.-Russia" (non_places.py)
    non_overlapping,
    paren_acronyms,  # "Allied Democratic Forces (ADF)" (acronyms.py)
    spread_places,  # "the village of Meron" ... "Meron" (place_contexts.py)
    hyphenated_places,  # "Gilgit" + "-Baltistan" (fused_places.py)
    hyphen_pairs,  # "the Russia-Ukraine war": "Ukraine" too (fused_places.py)
    first_names,  # "wife Ivana" of "Ivana Trump" (people.py)
    bracketed_names,  # "[Minister Sergei] Shoigu", 'Oleksandra “Sasha” Kuvshynova' (people.py)
    the_names,  # "with The Punch saying" (the_names.py)
    vessels,  # "USS Carney" (vessels.py)
    # things named like people or places, typed last so that no place or person step undoes them
    weapon_systems,  # "Patriot", "Black Hawk helicopters", "Iskander-M" are PRODUCT (weapon_systems.py)
    storms,  # "Hurricane Harvey", "Harvey" later, "hurricanes Harvey, Irma and Maria" (storms.py)
    documents,  # "the UN Charter", "the Minsk agreements" are LAW (documents.py)
    legislatures,  # "the Verkhovna Rada", "the State Duma" are ORG (legislatures.py)
    named_groups,  # "the Viv Ansanm group" (named_groups.py)
    drop_furniture,  # again: names later steps spread onto furniture lines ("AG GARLAND MAKES ...")
)


def repair_entities(ctx: EntityContext, steps: tuple[Step, ...] = STEPS) -> list[Span]:
    """The repaired entities of `ctx.doc`: every step in order, then no overlaps, in doc order."""
    ents = list(ctx.doc.ents)
    for step in steps:
        ents = step(ctx, ents)
    return non_overlapping(ctx, ents)
