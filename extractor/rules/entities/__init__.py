"""Repairs of the pretrained NER (`extractor_entities`), one module per family of repair.

`pipeline.py` lists the steps in the order they run; each step is a function
`step(ctx, ents) -> ents` over the `EntityContext` of one document (context.py). The word lists
come from the component (lexicon.py), the gazetteer and name-shape checks are memoised
(known_places.py, names.py). See docs/architecture.md for the module list.
"""
