"""Quotations and their speakers, rule by rule (the spaCy component is components/quotes.py).

How a quotation is found, and where each step lives:

1. marks.py pairs quotation marks paragraph by paragraph into quoted stretches (pure string work,
   robust to unbalanced marks); context.py builds the per-document indexes the rules share.
2. cues.py finds each stretch's cue, a speech verb in the attribution clause around it;
   speakers_explicit.py reads the speaker the cue names (subject, agent, "according to X",
   "..., who said", inverted "said X").
   A negated speech verb ("cannot say") yields to another one; "That said," is no cue; marks
   inside markup tags are no marks (marks.py).
3. grouping.py joins stretches into quotations (“A,” he said. “B.”), within the same or the next
   sentence; kinds.py says direct/partial and drops titles, scare quotes and capitalised names
   without a cue ("the “Gang of Eight”").
4. mention.py turns a speaker token into a mention and a name: resolve.py for names (the
   canonical actor name, acronyms spelled out, places kept as written), speakers_pronoun.py for
   "he"/"they" (agreeing in gender with what the article shows), speakers_nominal.py for "the
   rights group" and descriptions ("a resident of Kherson" stays as written), speakers_role.py
   for "the head of state"/"the Belarusian leader" (the person holding the role),
   speakers_document.py for "the statement"/"the website"/"the post" (their publisher). Group
   speakers keep their words ("Amnesty International and partners") and link the first actor.
   Things that never speak (weapons, events, places) are no speakers; an age ("the 46-year-old")
   is a person. Always backwards.
5. Quotations without a cue: speakers_layout.py ("Name:", "PENCE:", "― Jane Doe", "X wrote:"),
   speakers_adjacent.py (the sentence or quotation just before, an attribution sentence right
   after "“...” The agency said this.", the previous paragraph's reported speech, multi-paragraph
   blocks),
   speakers_clause_subject.py (the subject governing a partial quote, "X's claim that").
6. assemble.py runs it all in that order and builds the records.

speaker.method says how the speaker was found: explicit (a named subject or agent of the cue),
pronoun, nominal ("the ministry"), relative ("..., who said"), according_to, subject (the subject
of the clause holding a partial quote with no speech verb, or the possessor of "X's claim that"),
colon ("Peskov: “...”"), label (a transcript label "PENCE:" inside the quote), dash (a trailing
"― Jane Doe" credit) and adjacent (no cue: the speaker of the quotation or attribution sentence
just before). The cue is null when the quotation has no speech verb of its own.
"""
