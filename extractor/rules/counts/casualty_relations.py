"""How a casualty count relates to the counts of its kind read before it: a member of the same list,
a breakdown or subset of another count, a count in addition to an earlier one, or the overall figure.

The article's own figure (totals.py) depends on these relations, not on the counts alone:
"A chief, his wife and three sons were shot dead" is one figure of five (a list, summed);
"15 people (10 civilians and five policemen)" is one figure of 15 (a breakdown, not added);
"15 died of hunger ... Seventeen others were killed" is 32 ("others" adds to the earlier count);
"A total of seven suspects were killed" states the overall figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .casualty_clause import CasualtyClause
from .casualty_subsets import subset_cue_start
from .context import CountsDoc
from .state import Entry

#: "74 of the 117", "eight of them", "two of whom": a partitive names part of a larger group
_PARTITIVE_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|them|those|these|whom|which|their|its|his|her)\b", re.I)
#: what may stand between two members of one list ("a woman, two children and four men")
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*)?(?:(?:and|as\s+well\s+as|plus|along\s+with)\s+)?"
                          r"(?:(?:his|her|their|its)\s+)?", re.I)  # "A mother and her four children"
#: a bracket, dash or colon right after a count opens its breakdown ("15 people (10 civilians and ...")
_BREAKDOWN_GAP_RE = re.compile(r"\s*(?:[(\[:–—]|\s-)\s*")


@dataclass(frozen=True)
class Relation:
    """What totals.py needs to know about one count besides its value."""

    role: str  # count | subset | toll
    list_id: int  # shared by the members of one list ("three women and six children")
    adds: bool  # "others", "another", "more": in addition to an earlier count of the kind


def relate(ctx: CountsDoc, c: CasualtyClause, np_end: int) -> Relation:
    """The relation of the count in clause `c` (its counted phrase ends at character `np_end`)."""
    assert c.kind is not None
    role = c.role
    if role == "count" and (subset_cue_start(ctx, c.sent, c.m) is not None or (
            _PARTITIVE_RE.match(ctx.text, c.m.end) and _counted_before(ctx, c) and _part_of_earlier(ctx, c))):
        role = "subset"  # "including at least one other", "killed 15 people, eight of them civilians"
    if role == "count" and _states_total(ctx, c, np_end):
        role = "toll"
    list_id = c.m.start
    prev = _previous_in_sentence(ctx, c)
    if prev is not None and prev.np_end <= c.m.qstart:
        gap = ctx.text[prev.np_end:c.m.qstart]
        if gap.strip() == "," and _names_one_person(ctx, prev, c):
            list_id = prev.list_id
            role = "subset"  # "Bala Madaki, the district head": the same person named twice
        elif _LIST_GAP_RE.fullmatch(gap) or _noun_list_gap(ctx, prev.np_end, c.m.qstart):
            if role == "count" and gap.strip() == "," and _generic(ctx, prev):
                role = "subset"  # "killed 30 people, 10 civilians and 20 soldiers": who the 30 were
            else:
                list_id = prev.list_id  # "a woman, two children and four men"
                role = "subset" if prev.role == "subset" and role == "count" else role
        elif _BREAKDOWN_GAP_RE.fullmatch(gap) and role == "count":
            role = "subset"  # "15 people (10 civilians and five policemen)"
    return Relation(role, list_id, c.adds or _adds(ctx, c))


#: word classes that may stand between two counted members of one list ("12 administrators and engineers and
#: four technicians")
_LIST_POS = frozenset(["CCONJ", "DET", "ADJ", "NOUN", "PROPN", "PUNCT"])


def _noun_list_gap(ctx: CountsDoc, start: int, end: int) -> bool:
    """Only nouns, adjectives and list separators between two counts: they are members of one list."""
    gap = ctx.doc.char_span(start, end, alignment_mode="expand")
    if gap is None or len(gap) == 0 or not any(t.lower_ in ("and", ",") for t in gap):
        return False
    return all(t.pos_ in _LIST_POS and t.text not in "()[]:;–—-" for t in gap)


def _previous_in_sentence(ctx: CountsDoc, c: CasualtyClause) -> Entry | None:
    """The latest count of the same kind read before this one in its sentence."""
    for e in reversed(ctx.state.casualties):
        if e.sent_start != c.sent.start:
            return None
        if e.data["kind"] == c.kind and e.pos < c.m.start:
            return e
    return None


def _names_one_person(ctx: CountsDoc, prev: Entry, c: CasualtyClause) -> bool:
    """Two single victims after each other with only a comma between, one of them a name: an apposition
    ("Bala Madaki, the district head", "Assistant Director ..., Ms. Laetitia Dagan"), not a list."""
    if c.m.value != 1 or prev.data["count"] != 1 or c.head is None:
        return False
    before = ctx.doc.char_span(prev.pos, prev.np_end, alignment_mode="expand")
    names = [c.head.pos_ == "PROPN", before is not None and before[-1].pos_ == "PROPN"]
    return any(names) and not all(t.tag_ == "PRP" for t in (before or [])[-1:])


def _counted_before(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """A count of the same kind in this sentence or the one before: what a partitive can be part of (without
    one, "killed 9 of the passengers" is the count itself)."""
    lo = ctx.doc[c.sent.start - 1].sent.start if c.sent.start > 0 else 0
    return any(e.data["kind"] == c.kind and lo <= e.sent_start and e.pos < c.m.start for e in ctx.state.casualties)


def _part_of_earlier(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """A partitive names part of an earlier count when it points back ("eight of them", "two of whom"), names a
    casualty group ("two of the victims") or the earlier count's own people; "killing two officials and two
    of their bodyguards" names other people."""
    of = ctx.doc.char_span(c.m.end, c.sent.end_char, alignment_mode="expand")
    if of is None or len(of) < 2:
        return False
    word = next((t for t in of[1:4] if t.pos_ in ("PRON", "NOUN", "PROPN", "ADJ", "VERB")
                 and t.dep_ not in ("poss",) and t.tag_ != "PRP$"), None)
    if word is None:
        return False
    if word.lower_ in ("them", "whom", "which", "those", "these") or word.lower_ in ctx.lex.among_words:
        return True
    earlier = {(e.data.get("who") or "").lower() for e in ctx.state.casualties if e.data["kind"] == c.kind}
    return word.lower_ in earlier or word.lemma_.lower() in earlier or not (word.lower_ in ctx.lex.people
                                                                           or word.lemma_.lower() in ctx.lex.people)


def _generic(ctx: CountsDoc, e: Entry) -> bool:
    """A count of people in general ("30 people", a bare "30"), which a list after a comma breaks down; one
    person is never broken down ("killing him, his son and two guests" is a list of four)."""
    who = e.data.get("who")
    return e.data["count"] != 1 and (who is None or who.lower() in ctx.lex.figures.generic_heads)


def _adds(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """ "another 83 people", "an additional 14", "17 others", "seven other people", "four more were killed".

    "Others" contrasts with the count right before it: only when that count is of the same kind (or belongs to
    an earlier report that also gave a count of this kind: "killed four and wounded 37. ... killed another
    four") is this one in addition to it ("15 died ... Seventeen others were killed"); after a count of
    another kind it only says "not those" ("killed five people and wounded 10 others")."""
    earlier = [e for e in ctx.state.casualties if e.pos < c.m.start]
    nearest = earlier[-1] if earlier else None
    if nearest is not None and nearest.adds and nearest.sent_start == c.sent.start and nearest.np_end <= c.m.qstart \
            and re.fullmatch(r"\s*,?\s*and\s+\w+\s*", ctx.text[nearest.np_end:c.m.qstart]):
        return True  # "killed another four civilians and injured 20": the whole clause is in addition
    same = next((e for e in reversed(earlier) if e.data["kind"] == c.kind), None)
    if nearest is None or same is None:
        return False
    if nearest is not same and (nearest.sent_start != same.sent_start or nearest.sent_start == c.sent.start):
        return False  # "killed five people and wounded 10 others": "others" than the killed
    before = ctx.text[max(c.sent.start_char, c.m.qstart - 20):c.m.qstart].lower()
    if any(re.search(r"(?:^|\W)" + re.escape(p) + r"\s+$", before) for p in ctx.lex.figures.additive_before):
        return True
    if c.single and _one_more(ctx, c):
        return True  # "another Palestinian was killed", "a fourth was wounded", "a third person died"
    span = c.span
    last = c.head.i if c.head is not None and c.head.i >= span.end else span.end
    if any(ctx.doc[k].lower_ in ctx.lex.figures.additive_after for k in range(span.end, min(last + 1, c.sent.end))):
        return True
    # "twenty civilians were also hurt": "also" in the count's own predicate
    pred = ctx.doc.char_span(c.ev_start, c.ev_end, alignment_mode="expand")
    return pred is not None and any(t.lower_ == "also" and t.i > last for t in pred)


def _one_more(ctx: CountsDoc, c: CasualtyClause) -> bool:
    """A single victim named as one more: "another (man)", "a fourth", "a third person"."""
    fig = ctx.lex.figures
    words = ctx.text[c.m.start:c.ev_end].lower().split()
    if not words:
        return False
    return words[0] in fig.additive_before or (words[0] == "a" and len(words) > 1
                                                and words[1] in fig.additive_ordinals)


def _states_total(ctx: CountsDoc, c: CasualtyClause, np_end: int) -> bool:
    """ "a total of 30 people", "30 people in total", "altogether 30 were killed": the overall figure."""
    before = ctx.text[max(c.sent.start_char, c.m.qstart - 20):c.m.qstart].lower()
    if any(re.search(r"(?:^|\W)" + re.escape(p) + r"[\s,]+$", before) for p in ctx.lex.figures.total_before):
        return True
    after = ctx.text[np_end:min(c.sent.end_char, np_end + 40)].lower()
    return any(re.match(r"\s*(?:(?:were|have\s+been|had\s+been|was)\s+\w+\s+)?" + re.escape(p) + r"\b", after)
               for p in ctx.lex.figures.total_after)
