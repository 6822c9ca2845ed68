"""Direct tests of rule functions in extractor/rules/entities/ (the component's tests are in
test_entities.py): positive and negative sentences per rule."""

from __future__ import annotations

import pytest

from extractor.rules.entities.acronyms import acronym_start
from extractor.rules.entities.common import between_is_list, key, particle_name, spelling_variant
from extractor.rules.entities.context import EntityContext
from extractor.rules.entities.names import looks_like_name
from extractor.rules.entities.person_evidence import person_evidence
from extractor.rules.entities.place_evidence import listed_before_region_word, place_evidence
from extractor.rules.entities.splits import cut_lower_tail, split_hyphen_acronym
from extractor.rules.entities.vessels import find_ships


@pytest.fixture(scope="module")
def nlp(ex):
    return ex.nlp


@pytest.fixture(scope="module")
def fixer(nlp):
    return dict(nlp.pipeline)["extractor_entities"]


def span_of(doc, text: str, label: str = ""):
    """The span of the first occurrence of `text` in `doc` (whole tokens)."""
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), label=label)
    assert span is not None, text
    return span


def ctx_of(nlp, fixer, text: str) -> EntityContext:
    doc = nlp(text)
    return EntityContext(doc, doc.text, {}, fixer.lex, fixer.matchers, fixer.places, fixer.names)


@pytest.mark.parametrize("text, expected", [
    ("Trump's", "trump"), ("Russia’s", "russia"), ("The Hague", "hague"), (" Kyiv. ", "kyiv"),
])
def test_key(text: str, expected: str) -> None:
    assert key(text) == expected


@pytest.mark.parametrize("k, keys, expected", [
    ("kherbet selm", {"khirbet selm"}, True),
    ("kherbet selm", {"kherbet"}, False),  # another word count
    ("kiev", {"kyiv"}, False),  # too short to judge
    ("mykolaiv", {"odesa", "kharkiv"}, False),
])
def test_spelling_variant(k: str, keys: set[str], expected: bool) -> None:
    assert spelling_variant(k, keys) is expected


@pytest.mark.parametrize("text, a, b, expected", [
    ("Kharkiv, Sumy and Odesa", 1, 2, True),  # ","
    ("Kharkiv, Sumy and Odesa", 3, 4, True),  # "and"
    ("Kharkiv, and Odesa", 1, 3, True),  # ", and"
    ("Kharkiv near Odesa", 1, 2, False),
    ("Kharkiv Odesa", 1, 1, False),  # nothing between
])
def test_between_is_list(nlp, text: str, a: int, b: int, expected: bool) -> None:
    assert between_is_list(nlp.make_doc(text), a, b) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("He fled to Deir el-Balah yesterday.", "Deir el-Balah", True),
    ("He fled to Busra al-Sham yesterday.", "Busra al-Sham", True),
    ("He met Biden yesterday.", "Biden", False),  # one word
    ("The town of Deir el-balah.", "Deir el-balah", False),  # lower-case last word
])
def test_particle_name(nlp, text: str, name: str, expected: bool) -> None:
    assert particle_name(span_of(nlp.make_doc(text), name)) is expected


@pytest.mark.parametrize("text, name, parts", [
    ("The Peoples Democratic Party-BJP coalition fell.", "Peoples Democratic Party-BJP",
     ["Peoples Democratic Party", "BJP"]),
    ("The Virginia AFL-CIO endorsed him.", "Virginia AFL-CIO", None),  # acronym-acronym
    ("The Democratic Party - BJP talks.", "Democratic Party - BJP", None),  # spaced hyphen
])
def test_split_hyphen_acronym(nlp, text: str, name: str, parts: list[str] | None) -> None:
    doc = nlp.make_doc(text)
    got = split_hyphen_acronym(doc, span_of(doc, name, "ORG"))
    assert (None if got is None else [s.text for s in got]) == parts


@pytest.mark.parametrize("text, name, expected", [
    ("Marcos Jr earlier lamented the loss.", "Marcos Jr earlier", "Marcos Jr"),
    ("Ursula von der Leyen spoke.", "Ursula von der", "Ursula von der"),  # particles stay
    ("Joe Biden spoke.", "Joe Biden", "Joe Biden"),
])
def test_cut_lower_tail(nlp, text: str, name: str, expected: str) -> None:
    got = cut_lower_tail(span_of(nlp.make_doc(text), name, "PERSON"))
    assert got is not None and got.text == expected


@pytest.mark.parametrize("text, acronym, full", [
    ("Fighters of the Allied Democratic Forces (ADF) attacked.", "ADF", "Allied Democratic Forces"),
    ("Fighting between the army and the Rapid Support Forces (RSF) went on.", "RSF", "Rapid Support Forces"),
    ("The Kurdistan Workers' Party (PKK) claimed it.", "PKK", None),  # "Workers" is no K: the tagger's span
    ("Leaders of the Union of Farmers and the Unemployed (UFU) met.", "UFU",
     "Union of Farmers and the Unemployed"),
    ("He spoke at the big meeting (ADF) on Monday.", "ADF", None),
    ("The Democratic Forces (ADF) attacked.", "ADF", None),  # too few words for the letters
])
def test_acronym_start(nlp, text: str, acronym: str, full: str | None) -> None:
    doc = nlp(text)
    acr = span_of(doc, acronym)
    start = acronym_start(doc, acr, acronym)
    assert (None if start is None else doc[start:acr.start - 1].text) == full


@pytest.mark.parametrize("text, ships", [
    ("The USS Carney shot down three drones.", ["USS Carney"]),
    ("Houthis attacked the MV Galaxy Leader in the Red Sea.", ["MV Galaxy Leader"]),
    ("Press secretary Jay Carney said the talks would go on.", []),
])
def test_find_ships(nlp, fixer, text: str, ships: list[str]) -> None:
    assert [s.text for s in find_ships(nlp(text), fixer.lex)] == ships


@pytest.mark.parametrize("text, name, expected", [
    ("Reading the statement aloud, the minister left.", "Reading", False),
    ("Shelling hit homes in Bakhmut on Monday.", "Bakhmut", True),
    ("Ukrainian troops held the line.", "Ukrainian", False),  # a demonym
])
def test_looks_like_name(nlp, fixer, text: str, name: str, expected: bool) -> None:
    assert looks_like_name(span_of(nlp(text), name), fixer.lex) is expected


@pytest.mark.parametrize("text, name, place, person", [
    ("Shelling hit homes in Bakhmut on Monday.", "Bakhmut", 1, 0),
    ("Fires broke out in the Kharkiv region.", "Kharkiv", 1, 0),
    ("In 2012 the money to Mr. Obama came from donors.", "Obama", 0, 1),
    ("After the meeting Lysak said two people were hurt.", "Lysak", 0, 1),
])
def test_place_and_person_evidence(nlp, fixer, text: str, name: str, place: int, person: int) -> None:
    doc = nlp(text)
    e = span_of(doc, name)
    assert place_evidence(doc, e, set(), set(), fixer.lex) == place
    assert person_evidence(doc, e, fixer.lex) == person


@pytest.mark.parametrize("text, after, expected", [
    ("Damage was reported in the Dniprovskyi, Solomianskyi and Darnytskyi districts.", "Dniprovskyi", True),
    ("Damage was reported in the Dniprovskyi district.", "Dniprovskyi", False),  # no list
    ("Smith, Jones and Brown said the talks failed.", "Smith", False),
])
def test_listed_before_region_word(nlp, fixer, text: str, after: str, expected: bool) -> None:
    ctx = ctx_of(nlp, fixer, text)
    e = span_of(ctx.doc, after)
    assert listed_before_region_word(ctx.doc, e.end, ctx.lex) is expected


# --- scans made cheaper must find what the whole-text scans found ----------------------------------
@pytest.mark.parametrize("text", [
    "MINSK, 20 June (BelTA) – The president said.",
    "Title line\nCARTHAGE, N.C. (AP) - A fire broke out. BYESVILLE -- Firefighters came.",
    "By JANE DOE, Associated Press WASHINGTON (AP) — Officials said.",
    "The NATO and EU leaders met. UPDATE: nothing here. US-led forces moved.",
    "no capitals at all here",
    "",
])
def test_datelines_tried_at_capitals_match_the_whole_text_scan(text: str) -> None:
    from extractor.rules.entities.datelines import _AGENCY_DATELINE, _DATELINE, _matches

    for pattern in (_DATELINE, _AGENCY_DATELINE):
        assert [(m.span(), m.groupdict()) for m in _matches(pattern, text)] == \
            [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, credits", [
    ("A rally in Kyiv. (Vadim Savitsky/AP)\nMore text.", ["Vadim Savitsky/AP"]),
    ("Line one\nAlexander Nemenov/AFP/Getty Images\nThe war went on.", ["Alexander Nemenov/AFP/Getty Images"]),
    ("Photograph: Jane Doe/Reuters", ["Photograph: Jane Doe/Reuters"]),
    ("The 24/7 news cycle and the and/or question.", []),  # slashes, no credit
    ("Jane Doe Reuters\nNo slash anywhere.", []),
])
def test_picture_credits_are_found_on_lines_with_a_slash(text: str, credits: list[str]) -> None:
    from extractor.rules.entities.page_furniture import credit_ranges

    assert [text[a:b] for a, b in credit_ranges(text)] == credits


@pytest.mark.parametrize("text, names, expected", [
    ("Iskander-M", frozenset({"Iskander"}), "Iskander"),
    ("Su-25s", frozenset({"Su"}), "Su"),
    ("Kalibrs", frozenset({"Kalibr"}), "Kalibr"),
    ("the Patriot", frozenset({"Patriot"}), "Patriot"),
    ("Patriotic", frozenset({"Patriot"}), None),  # "ic" is no variant suffix
    ("Iskander-Mountain", frozenset({"Iskander"}), None),
    ("Su", frozenset({"Su-25"}), None),
])
def test_weapon_base_name(text: str, names: frozenset[str], expected: str | None) -> None:
    from extractor.rules.entities.weapon_systems import _base_name

    assert _base_name(text, names) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("Officials met on Tuesday. Slovenia acted alone, the envoy said.", "Slovenia", True),
    ("Trade fell in countries such as Cyprus, Malta and Portugal last year.", "Malta", True),
    ("The talks on Saudi Arabia ended early on Friday.", "Saudi Arabia", True),
    ("Michael Jordan scored thirty points on Friday.", "Jordan", False),  # a person's name
    ("The airline Air France cut flights again.", "France", False),  # inside another name
    ("Chad Wilson said the vote was close.", "Chad", False),  # a first name
])
def test_untagged_countries(nlp, fixer, text: str, name: str, expected: bool) -> None:
    """A country's name left untagged is a place unless a name word extends it (the tagger's own
    entities over the name are removed first, so the rule alone decides)."""
    from extractor.rules.entities.untagged_countries import untagged_countries

    ctx = ctx_of(nlp, fixer, text)
    start = text.index(name)
    ents = [e for e in ctx.doc.ents if e.end_char <= start or e.start_char >= start + len(name)]
    found = [e.text for e in untagged_countries(ctx, ents) if e.label_ == "GPE"]
    assert (name in found) is expected
