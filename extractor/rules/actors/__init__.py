"""Actors: PERSON / ORG (and armed-group NORP) mentions grouped into one entry per real-world actor.

clean.py and not_actors.py / publisher.py / own_journalists.py decide which mentions count (clean.py
also splits "Facebook, Ukrinform" and "Russian Security Council Dmitry Medvedev"); keys.py and
institutions.py give the grouping keys and aliases (grouping.py runs them); acronyms.py,
known_as.py, short_forms.py, plurals.py and mislabelled.py merge groups afterwards, facilities.py,
place_names.py and captions.py drop the groups that name a facility, a place or only a caption's
subject; titles.py and render.py build the output.
"""
