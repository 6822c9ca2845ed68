"""Quotations and speakers (extractor_quotes): quote-mark layouts, kinds, speakers, non-quotes.

Sentences are written for these tests in the style of wire copy from several conflicts and
disasters; every reported span is checked against the text.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules.quotes.marks import find_stretches
from tests.conftest import EURONEWS, assert_offsets


def _quotes(ex: Any, text: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    record = ex.extract(text)
    assert_offsets(record, text)
    return record["quotes"], record


def _only(ex: Any, text: str) -> dict[str, Any]:
    quotes, _ = _quotes(ex, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# -- quote marks (pure string pairing) ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we are ready" today.', ["we are ready"]),
        ("He said \u201cwe are ready\u201d today.", ["we are ready"]),
        ("He said \u201cwe are ready\" today.", ["we are ready"]),  # mixed pair
        ("''We are ready,'' he said.", ["We are ready,"]),  # the '' style
        ("\u201cShe told me \u2018never again,\u2019 and left,\u201d he said.",
         ["She told me \u2018never again,\u2019 and left,"]),  # quote inside a quote
        ("\u201cThe first paragraph.\n\n\u201cThe second one,\u201d she said.",
         ["The first paragraph.", "The second one,"]),  # multi-paragraph quote
        ("\u201d\u2026 and the river kept rising,\u201d he wrote.", ["\u2026 and the river kept rising,"]),
    ],
)
def test_find_stretches_pairs_marks(text: str, expected: list[str]) -> None:
    stretches, warnings = find_stretches(text)
    assert [text[s.start:s.end] for s in stretches] == expected
    assert warnings == []


def test_unbalanced_marks_recover_per_paragraph() -> None:
    text = 'The minister said "we will never leave.\n\nLater he added "roads are open" to traffic.'
    stretches, warnings = find_stretches(text)
    assert warnings, "an unclosed mark must be reported"
    assert "roads are open" in [text[s.start:s.end] for s in stretches]


def test_headline_single_quotes() -> None:
    text = "Kremlin calls report 'pure fiction'\n\nThe Kremlin denied the report on Monday."
    stretches, _ = find_stretches(text, title=(0, text.index("\n")))
    assert [text[s.start:s.end] for s in stretches] == ["pure fiction"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Sudan's army and the country's paramilitary forces haven't agreed to a truce."
    assert find_stretches(text, title=(0, len(text)))[0] == []


# -- speakers: explicit cues ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "speaker_word", "method"),
    [
        ("\u201cWe will rebuild every home in this valley,\u201d said Governor Maria Lopez on Tuesday.",
         "We will rebuild every home in this valley,", "Lopez", "explicit"),
        ('Red Cross official Ahmed Khalil said: "The hospitals in Gaza City are out of fuel."',
         "The hospitals in Gaza City are out of fuel.", "Khalil", "explicit"),
        ("\u201cThe water is still rising in the lower districts,\u201d Mayor Honey Lacuna told reporters.",
         "The water is still rising in the lower districts,", "Lacuna", "explicit"),
        ("The Kenya Meteorological Department said the rains were \u201cthe heaviest in forty years\u201d.",
         "the heaviest in forty years", "Meteorological", "explicit"),
        ("Ukraine's air force said, \u201cAll twelve drones were destroyed over the Kyiv region.\u201d",
         "All twelve drones were destroyed over the Kyiv region.", "air force", None),
    ],
)
def test_explicit_speakers(ex: Any, text: str, quote: str, speaker_word: str, method: str | None) -> None:
    q = _only(ex, text)
    assert q["text"] == quote
    assert q["speaker"] is not None
    assert speaker_word in q["speaker"]["mention"]["text"]
    if method is not None:  # an institution may be a named entity or a nominal, both fine
        assert q["speaker"]["method"] == method
    assert q["cue"] is not None


def test_apposition_names_the_speaker(ex: Any) -> None:
    text = ("A Kremlin spokesperson, Dmitry Peskov, rejected the claims, calling them \u201cpure fiction\u201d "
            "and denying that such a conversation had occurred.")
    q = _only(ex, text)
    assert q["kind"] == "partial"
    assert q["speaker"]["name"] == "Dmitry Peskov"
    assert q["cue"]["lemma"] == "call"


def test_according_to(ex: Any) -> None:
    text = ("According to the United Nations, \u201cmore than 20,000 people have fled across the border "
            "into Chad since Friday.\u201d")
    q = _only(ex, text)
    assert q["speaker"]["method"] == "according_to"
    assert "United Nations" in q["speaker"]["name"]
    assert q["cue"]["text"] == "According to"


# -- pronouns, nominals, adjacency ---------------------------------------------------------
def test_pronoun_resolves_to_named_person(ex: Any) -> None:
    text = ("Jane Ochieng arrived in the flooded town of Garissa on Monday. \u201cWe need boats and clean "
            "water now,\u201d she told reporters.")
    q = _only(ex, text)
    assert q["speaker"]["mention"]["text"] == "she"
    assert q["speaker"]["method"] == "pronoun"
    assert q["speaker"]["name"] == "Jane Ochieng"


def test_nominal_speaker_keeps_its_mention(ex: Any) -> None:
    text = "\u201cThe evacuation of the coastal villages is complete,\u201d the ministry said in a statement."
    q = _only(ex, text)
    assert q["speaker"]["mention"]["text"].lower() == "the ministry"
    assert q["speaker"]["method"] == "nominal"


def test_split_quote_is_one_quote_with_two_fragments(ex: Any) -> None:
    text = ("\u201cThe dam held overnight,\u201d the engineer Rahul Mehta said, \u201cbut the river is still "
            "rising near Srinagar.\u201d")
    q = _only(ex, text)
    assert [f["text"] for f in q["fragments"]] == ["The dam held overnight,",
                                                   "but the river is still rising near Srinagar."]
    assert q["start"] == q["fragments"][0]["start"] and q["end"] == q["fragments"][1]["end"]
    assert "Mehta" in q["speaker"]["name"]


def test_second_sentence_after_attribution_joins_the_quote(ex: Any) -> None:
    text = ('"It is going well so far," Police Commissioner Richard Ross said. "Police are out there doing '
            'their jobs."')
    q = _only(ex, text)
    assert len(q["fragments"]) == 2
    assert "Ross" in q["speaker"]["name"]


def test_quote_without_cue_continues_previous_speaker(ex: Any) -> None:
    text = ("\u201cThe shelling did not stop all night,\u201d said Olena Kovalenko, a nurse in Kharkiv.\n\n"
            "\u201cWe moved the children to the basement and waited for the morning.\u201d")
    quotes, _ = _quotes(ex, text)
    assert len(quotes) == 2
    assert quotes[1]["speaker"]["method"] == "adjacent"
    assert quotes[1]["speaker"]["name"] == quotes[0]["speaker"]["name"]
    assert quotes[1]["cue"] is None


def test_trailing_dash_credit(ex: Any) -> None:
    text = "\u201cWe lost the harvest and the house in one night.\u201d \u2015 Amina Yusuf\n"
    q = _only(ex, text)
    assert q["speaker"]["method"] == "dash"
    assert q["speaker"]["mention"]["text"] == "Amina Yusuf"


def test_transcript_label_inside_quote(ex: Any) -> None:
    text = '"WALLACE: Will the talks resume in Doha next week?\n\n"PENCE: Well, that depends on Hamas."'
    quotes, _ = _quotes(ex, text)
    assert [q["speaker"]["mention"]["text"] for q in quotes] == ["WALLACE", "PENCE"]


def test_previous_paragraph_ending_with_colon(ex: Any) -> None:
    text = ("The Philippine weather agency warned:\n\n"
            "\u201cTyphoon Kristine will bring torrential rain to the whole of Luzon.\u201d")
    q = _only(ex, text)
    assert q["speaker"] is not None
    assert "agency" in q["speaker"]["mention"]["text"]


def test_relative_pronoun_is_the_mention(ex: Any) -> None:
    text = ("Rescuers reached dozens of residents, among them Maria Santos, who said the water "
            "\u201ccame up in minutes\u201d overnight.")
    q = _only(ex, text)
    assert q["speaker"]["mention"]["text"] == "who"
    assert q["speaker"]["method"] == "relative"
    assert q["speaker"]["name"] == "Maria Santos"


def test_possessor_of_a_claim_is_the_speaker(ex: Any) -> None:
    text = ("Netanyahu's claim that the operation in Rafah would be \u201climited and precise\u201d "
            "was rejected by aid groups.")
    q = _only(ex, text)
    assert "Netanyahu" in q["speaker"]["mention"]["text"]


def test_dateline_is_not_the_speaker(ex: Any) -> None:
    text = ("KHARTOUM \u2014 Army spokesman Nabil Abdallah said the shelling of the market was "
            "\u201ca clear violation of the truce\u201d on Saturday.")
    q = _only(ex, text)
    assert "Abdallah" in q["speaker"]["name"]


# -- kinds -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The general said: \u201cOur troops will hold the line at Bakhmut.\u201d", "direct"),
        ("The general said the troops would hold \u201cat any cost\u201d near Bakhmut.", "partial"),
    ],
)
def test_kinds(ex: Any, text: str, kind: str) -> None:
    assert _only(ex, text)["kind"] == kind


def test_headline_quote_is_reported(ex: Any) -> None:
    text = ("Kremlin calls Trump-Putin call report 'pure fiction'\n\n"
            "Kremlin spokesman Dmitry Peskov rejected the report on Monday.")
    quotes, _ = _quotes(ex, text)
    assert [q["text"] for q in quotes] == ["pure fiction"]


# -- not quotes ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "She starred in the film \u201cThe Long Night\u201d before moving to Beirut.",
        "The so-called \u201cpeace plan\u201d was never published by either side.",
        "Residents of the \u201cgreen zone\u201d were moved to shelters after the earthquake.",
        "Sudan's army and the paramilitary forces haven't agreed to a truce in El Fasher.",
    ],
)
def test_non_quotes_are_dropped(ex: Any, text: str) -> None:
    quotes, _ = _quotes(ex, text)
    assert quotes == []


def test_unbalanced_article_still_yields_quotes_and_a_warning(ex: Any) -> None:
    text = ('The governor said "the levee will hold.\n\n'
            'The mayor of Jacobabad said "we have sandbagged every street" on Friday.')
    quotes, record = _quotes(ex, text)
    assert any("unbalanced" in w for w in record["warnings"])
    assert "we have sandbagged every street" in [q["text"] for q in quotes]


# -- robustness and the sample ---------------------------------------------------------------
def test_speaker_name_without_actors(ex: Any) -> None:
    """With no actors (component used alone), the fullest name in the document is used."""
    nlp = ex.nlp
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. Later, Peskov said the talks were "
            "\u201cnot on the agenda\u201d for now.")
    with nlp.select_pipes(disable=["extractor_quotes"]):
        doc = nlp(text)
    doc._.extractor_actors = None
    nlp.get_pipe("extractor_quotes")(doc)
    (q,) = doc._.extractor_quotes
    assert q["speaker"]["name"] == "Dmitry Peskov"
    assert q["speaker"]["actor_id"] is None
    assert q["speaker"]["mention"]["text"] == "Peskov"


def test_no_quotes(ex: Any) -> None:
    quotes, _ = _quotes(ex, "An earthquake of magnitude 6.1 struck eastern Turkey on Sunday.")
    assert quotes == []


def test_euronews_sample_quotes(ex: Any) -> None:
    text = EURONEWS.read_text(encoding="utf-8")
    quotes, record = _quotes(ex, text)
    got = [(q["text"], q["speaker"]["name"] if q["speaker"] else None) for q in quotes]
    assert got == [
        ("pure fiction", "Dmitry Peskov"),
        ("We do not comment on private calls between President Trump and other world leaders.", "Steven Cheung"),
        ("stronger global support,", "Zelensky"),
        ("positive signals", "Dmitry Peskov"),
    ]
    actors = {a["id"]: a["name"] for a in record["actors"]}
    for q in quotes:
        if q["speaker"]["actor_id"] is not None:
            assert actors[q["speaker"]["actor_id"]] == q["speaker"]["name"]
    assert [q["id"] for q in quotes] == ["q1", "q2", "q3", "q4"]


# -- nominal speakers resolve backwards to a compatible named organisation ------------------
@pytest.mark.parametrize(
    ("text", "name_word"),
    [
        # a document noun resolves to whoever issued it ("X said in a statement", "a statement from X")
        ("The Ethiopian Red Cross Society said in a statement on Monday that 40 villages were cut off. "
         "The statement added that rescuers were \u201cworking around the clock\u201d in Gofa.", "Red Cross"),
        ("Two drones hit the port of Hodeidah, according to a statement from the United Nations Mission. "
         "Dock workers were \u201cunhurt but shaken,\u201d according to the statement.", "United Nations"),
        # ... or to the source quoted just before it
        ("Sudan militia raids villages\n\n"
         "\u201cCivilians were shot while fleeing the village,\u201d Amnesty International said on Tuesday.\n\n"
         "The statement added that the killings \u201cmay amount to war crimes\u201d under Sudanese law.",
         "Amnesty"),
        ("Protest deaths in Nigeria\n\nResearchers from Amnesty International visited Lagos on Thursday.\n\n"
         "\u201cProtesters were shot at close range,\u201d the rights group said.", "Amnesty"),
        # an institution noun resolves to the last named organisation that fits it
        ("Tigray killings\n\nThe killings in Tigray were documented by Human Rights Watch.\n\n"
         "\u201cEntire neighbourhoods were burned to the ground,\u201d the rights group said.", "Human Rights Watch"),
        ("The Sudanese Armed Forces shelled the market in Omdurman on Monday. The military called the "
         "report \u201ca fabrication\u201d and denied targeting civilians.", "Armed Forces"),
    ],
)
def test_nominal_resolves_to_named_org(ex: Any, text: str, name_word: str) -> None:
    quotes, _ = _quotes(ex, text)
    q = quotes[-1]
    assert q["speaker"] is not None
    assert name_word in q["speaker"]["name"], q["speaker"]
    mention = q["speaker"]["mention"]
    assert text[mention["start"]:mention["end"]] == mention["text"]


@pytest.mark.parametrize(
    ("text", "mention_word", "not_in_name"),
    [
        # never forward: the person is named only after the quote
        ("\u201cThe drones were shot down over the sea,\u201d the military said on Friday. Later, army "
         "spokesman Colonel Olivier Ndjike told reporters that the damage was minor.", "military", "Ndjike"),
        # never to an incompatible organisation
        ("The Red Cross delivered food to Goma on Sunday. \u201cOur patrols found nothing unusual,\u201d "
         "the police said.", "police", "Red Cross"),
        # a phrase that names itself stays itself
        ("Hamas fired rockets at Ashkelon overnight. \u201cOur jets struck the launchers within minutes,\u201d "
         "the Israeli military said.", "Israeli", "Hamas"),
        # a statement with no issuer anywhere before it is not given a later one
        ("The statement said the border would \u201cremain closed until further notice.\u201d "
         "Egypt's Foreign Ministry did not comment.", "statement", "Foreign Ministry"),
    ],
)
def test_nominal_never_resolves_forward_or_across_types(ex: Any, text: str, mention_word: str,
                                                        not_in_name: str) -> None:
    quotes, _ = _quotes(ex, text)
    assert quotes
    q = quotes[0]
    assert q["speaker"] is not None
    assert mention_word in q["speaker"]["mention"]["text"]
    assert not_in_name not in q["speaker"]["name"], q["speaker"]


# -- a sentence-final "<Name> said" beats nearer non-speech verbs; things never speak -------
@pytest.mark.parametrize(
    ("text", "name_word"),
    [
        ("The militia shelled the camp near Bunia, where they \u201cfired rockets into the tents,\u201d which "
         "also destroyed a clinic, provincial spokesman Lt. Col. Jean Mbala said on Sunday.", "Mbala"),
        ("Floodwaters \u201cswept away the main bridge,\u201d which also cut off two villages, "
         "district officer Sita Gurung said.", "Gurung"),
        ("Gunmen \u201copened fire on the crowd from two pickup trucks,\u201d which also set fire to a row of "
         "shops and several cars that had been parked along the main road near the crowded market in the "
         "town centre, police spokesman Hassan Mohamed said on Tuesday.", "Mohamed"),
        ("Hundreds of residents said the water \u201ccame without any warning\u201d in Derna.", "residents"),
    ],
)
def test_final_attribution_beats_inanimate_subject(ex: Any, text: str, name_word: str) -> None:
    q = _only(ex, text)
    assert q["speaker"] is not None
    assert name_word in q["speaker"]["name"] or name_word in q["speaker"]["mention"]["text"], q["speaker"]


@pytest.mark.parametrize(
    ("text", "bad_words"),
    [
        ("Shells \u201clanded in the schoolyard,\u201d which also damaged the mosque in Idlib.",
         {"Shells", "which", "schoolyard"}),
        ("Thousands marched through Nairobi in protests dubbed \u201cOccupy Parliament\u201d on Tuesday.",
         {"Thousands", "protests"}),
        ("Tens of thousands rallied in Dhaka during what organisers dubbed a \u201cmarch for justice.\u201d",
         {"Tens", "thousands"}),
    ],
)
def test_things_and_crowds_are_not_speakers(ex: Any, text: str, bad_words: set[str]) -> None:
    quotes, _ = _quotes(ex, text)
    for q in quotes:
        if q["speaker"] is not None:
            assert not bad_words & set(q["speaker"]["name"].split()), q["speaker"]


# -- multi-paragraph quotations take the block's final attribution ---------------------------
def test_multi_paragraph_block_takes_final_attribution(ex: Any) -> None:
    text = ("Cyclone Mocha leaves thousands homeless\n\n"
            "Health Minister Aung Kyaw visited the shelters in Sittwe on Tuesday.\n\n"
            "\u201cThe cyclone destroyed more than half of the homes here.\n\n"
            "\u201cMany families have lost their boats, which means they have lost their income.\n\n"
            "\u201cWe will send rice and medicine to every township this week,\u201d he said.\n")
    quotes, _ = _quotes(ex, text)
    assert len(quotes) == 3
    assert [q["speaker"]["name"] for q in quotes] == ["Aung Kyaw"] * 3
    assert [q["cue"] is None for q in quotes] == [True, True, False]


def test_block_does_not_override_own_attributions(ex: Any) -> None:
    text = ('Governor Ana Reyes said "the levee will hold through the night.\n\n'
            '"The water is already falling in the east," the mayor of Tacloban, Jose Lim, said.\n')
    quotes, _ = _quotes(ex, text)
    assert "Reyes" in quotes[0]["speaker"]["name"]
    assert "Reyes" not in quotes[1]["speaker"]["name"]


# -- short quotations governed by directive verbs --------------------------------------------
@pytest.mark.parametrize(
    ("text", "quote", "name_word"),
    [
        ("Nepal's Prime Minister Pushpa Kamal Dahal ordered the army to launch a \u201cfull-scale\u201d "
         "search for the missing climbers.", "full-scale", "Dahal"),
        ("Turkish President Recep Tayyip Erdogan ordered officials to deliver \u201cimmediate\u201d aid to "
         "the quake zone.", "immediate", "Erdogan"),
        ("The United Nations demanded a \u201ccredible\u201d investigation into the strike on the school "
         "in Rafah.", "credible", "United Nations"),
    ],
)
def test_directive_verb_keeps_short_quote(ex: Any, text: str, quote: str, name_word: str) -> None:
    q = _only(ex, text)
    assert q["text"] == quote
    assert name_word in q["speaker"]["name"]


@pytest.mark.parametrize(
    "text",
    [
        "Police in Lagos ordered the closure of the \u201cComputer Village\u201d market on Monday.",
        "The ministry ordered a \u201cthorough\u201d review of the dam in Kakhovka.",
        "A local court ordered a \u201cspeedy\u201d trial in Kampala.",
    ],
)
def test_directive_verb_without_named_subject_stays_a_scare_quote(ex: Any, text: str) -> None:
    quotes, _ = _quotes(ex, text)
    assert quotes == []


# -- fragments belong to one quotation split by its attribution -----------------------------
def test_quotes_two_sentences_apart_are_separate(ex: Any) -> None:
    text = ("The World Food Programme said food stocks in Gaza were \u201calmost exhausted.\u201d Trucks waited "
            "at the Kerem Shalom crossing for days. The agency had \u201cno access at all\u201d to the north, "
            "its director said.")
    quotes, _ = _quotes(ex, text)
    assert [len(q["fragments"]) for q in quotes] == [1, 1]


def test_next_sentence_partial_continues_the_source(ex: Any) -> None:
    text = ("UN experts warned in March that attacks by the rebels had \u201csharply increased.\u201d Rebel "
            "units also \u201clooted aid convoys\u201d near Goma.")
    quotes, _ = _quotes(ex, text)
    assert [f["text"] for q in quotes for f in q["fragments"]] == ["sharply increased.", "looted aid convoys"]
    assert all("experts" in q["speaker"]["name"] for q in quotes)


def test_next_sentence_name_is_not_a_fragment(ex: Any) -> None:
    text = ("President Bola Tinubu ordered the police to show \u201cmaximum\u201d restraint. Later the police "
            "sealed off the \u201cFreedom Park\u201d grounds in Lagos.")
    quotes, _ = _quotes(ex, text)
    assert [q["text"] for q in quotes] == ["maximum"]
    assert "Tinubu" in quotes[0]["speaker"]["name"]


@pytest.mark.parametrize("text, speaker", [
    # "the statement" after "stated in a press release": any earlier document names the issuer
    ('U.S. Central Command stated in a press release that the ship was hit. The statement continued, '
     '"Between 6:50 and 7:00 a.m., the ship was struck by a missile."', "U.S. Central Command"),
    # an unnamed, described speaker: the pronoun stands for the description
    ('A township spokesman said ten people were wounded. "Three women and seven men were wounded," he said.',
     "A township spokesman"),
    ('A witness told reporters the shelling lasted hours. "It was terrifying," she said.', "A witness"),
    ('A jet bombed the village, killing 10 people, according to a township administration spokesman. '
     '"Three women and seven men were killed," he said.', "a township administration spokesman"),
])
def test_speaker_behind_a_document_or_a_description(ex: Any, text: str, speaker: str) -> None:
    assert _only(ex, text)["speaker"]["name"] == speaker


def test_named_person_wins_over_a_description(ex: Any) -> None:
    text = ('A witness said the shelling lasted hours. Mayor Ihor Terekhov said: "Kharkiv will rebuild," '
            'and later "We need air defence," he said.')
    quotes, _ = _quotes(ex, text)
    assert quotes and all(q["speaker"]["name"] == "Ihor Terekhov" for q in quotes)


@pytest.mark.parametrize("text, quote_start, speaker", [
    # a different person named in the pronoun's own paragraph beats the last quoted person
    ('"Everything was shaking," said Natalia Chmil, a resident.\n\nZelenskyy, speaking in Pretoria, said '
     'Russia was not interested in peace. "Russia continues to kill civilians," he said.', "Russia continues",
     "Zelenskyy"),
    ('"We are lucky to be alive," said Muhammad Bilal.\n\nAnother passenger, Ishaq Noor, said he and his wife '
     'fled. "We walked for hours through the mountains," he said.', "We walked", "Ishaq Noor"),
    # ... but with nobody else named, "he said" continues the last quoted person
    ('"We are lucky," said Muhammad Bilal.\n\nOfficials said the train was attacked. "We had no water," he said.',
     "We had no water", "Muhammad Bilal"),
    # a group named as the subject of a speech verb, even when the tagger missed the name
    ('Relief International, which ran a clinic in Zamzam, said nine of its staff were killed. "We believe this '
     'was a targeted attack," the aid group said.', "We believe", "Relief International"),
    # a person set off by commas after the nominal
    ('The army-aligned governor of Darfur, Minni Arko Minnawi, accused the RSF of "massacres" on Sunday.',
     "massacres", "Minni Arko Minnawi"),
    ('The governor said, "We will rebuild." Later, Mayor John Smith, who was visiting, spoke.', "We will",
     "The governor"),
])
def test_speakers_named_in_the_paragraph(ex: Any, text: str, quote_start: str, speaker: str) -> None:
    quotes, _ = _quotes(ex, text)
    (q,) = [q for q in quotes if q["text"].startswith(quote_start)]
    assert q["speaker"]["name"] == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attribute values of markup left in the text are nobody's words
        ("Praise came fast.\n\n<tweet pic=\"\" author=\"JaneRoe\" timestamp=\"1449075600\" "
         "tweet_id=\"6721545\">Our thoughts are with the port.</tweet>.\n\nHe said \"we are united\" today.",
         ["we are united"]),
        # a lone "<" is no tag: the marks after it still pair
        ("The vote was close, 49 < 51, and \"nobody expected it\" said the clerk.", ["nobody expected it"]),
    ],
)
def test_marks_inside_markup_tags_are_ignored(text: str, expected: list[str]) -> None:
    stretches, _ = find_stretches(text)
    assert [text[s.start:s.end] for s in stretches] == expected
