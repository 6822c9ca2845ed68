"""Places: named places collected from the text, geocoded offline and merged across spellings.

mentions.py (with clean.py, hints.py, countries.py, and bodies.py for the town a local public
body is named for) collects the mentions; resolve.py and
scoring.py read one mention against the gazetteer; document_context.py runs the two passes
(without, then with the article's countries); sentence_fill.py places unknown names;
variants.py and merge.py make one entry per place. See components/places.py.
"""
