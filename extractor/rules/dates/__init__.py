"""Date expressions: found in the text, resolved against the publication date, grouped per date.

patterns.py compiles dates.json; candidates.py finds the expressions; tense.py reads the clause's
tense; calendar_math.py, resolve.py and numeric.py turn a mention into a date; anchor.py reads the
publication date; entries.py groups mentions into one entry per date. See components/dates.py.
"""
