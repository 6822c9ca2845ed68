"""Actors: PERSON / ORG (and armed-group NORP) mentions grouped into one entry per real-world actor.

clean.py and not_actors.py / publisher.py / own_journalists.py decide which mentions count; keys.py
and institutions.py give the grouping keys and aliases (grouping.py runs them); acronyms.py,
short_forms.py, plurals.py and facilities.py merge or settle groups afterwards; titles.py and
render.py build the output.
"""
