"""Casualty counts ("at least six killed") and weapon counts ("shot down 145 Russian drones").

How it works, per amount found by `amounts.find_numbers` (document.py runs the pass, route.py routes):
1. Find what is counted (counted_noun.py): the noun the number modifies ("six fatalities",
   "23 Shahed drones"), the noun after "of" in a partitive ("74 of the 117 drones", "23 of which"),
   or nothing ("injuring seven", "eight over the Kursk region").
2. A weapon noun (weapon_class.py) gives a weapon entry (weapons.py): the action comes from the
   governing verb (weapon_action.py), the operator from a demonym on the noun or the attacker of the
   sentence (weapon_operator.py), `by` from the reporting source (weapon_by.py), per-region
   breakdowns from the rest of the clause (breakdowns.py).
3. A person noun, a casualty noun or a bare number gives a casualty entry (casualties.py) when a
   casualty word ties it to a kind, tried in this order: a word inside the phrase ("eight injured
   residents", casualty_noun.py), a predicate after it ("three soldiers died", casualty_predicate.py),
   a governing verb ("killed 12 bandits", casualty_verb.py), a toll ("the death toll rose to 25",
   casualty_toll.py), a subset of an earlier entry ("including ...", casualty_subsets.py) or a named
   group ("among the victims were ...", casualty_groups.py). Modal guesses are dropped (hypothetical.py).
   A person named without a number ("A journalist was killed", "killing him, his son and ...") is read
   as the amount one through the same rules (casualty_single.py); "killed alongside his nephew" is
   companion_kind (casualty_verb.py). Each casualty entry is marked `hedged` (hedges.py) and
   `background` (background.py); forecasts are dropped (hypothetical.py); how it relates to the
   counts before it (a list member, a subset, "17 others", a stated total) is casualty_relations.py.
4. Places tied to a count come from places.py; the same fact repeated (headline, lead, quote) is
   kept once, the first time it is seen (repeats.py). People hit of whom some died are split by their
   fate ("four shot, two fatally", "wounded, one of whom later died": fates.py); stated zeros ("no one
   was hurt") are added by stated_zeros.py, the incidents of the article told apart by incidents.py
   (markers such as "In a separate incident", and summaries told day by day).
5. The article's own figure per casualty kind and per weapon and action is totals.py.

Per-document data: context.py (the Doc, its indexes, the word lists), state.py (entries found so far).
All vocabulary lives in models/lexicons/counts/ (loaded by lexicon.py).
"""
