"""extractor_places: named places, merged across spellings and geocoded offline by context."""

from __future__ import annotations

from typing import Any

import pytest

TYPES = {"country", "region", "city", "village", "locality", "water", "other"}


@pytest.fixture(scope="module")
def run(ex):
    def _run(text: str) -> list[dict[str, Any]]:
        places = ex.extract(text)["places"]
        for p in places:
            assert p["type"] in TYPES
            assert p["mentions"], p
            for m in p["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
            if p["lat"] is not None:
                assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        return places
    return _run


def one(places: list[dict[str, Any]], name: str) -> dict[str, Any]:
    hits = [p for p in places if p["name"] == name]
    assert len(hits) == 1, [(p["name"], p["type"]) for p in places]
    return hits[0]


def test_country_spellings_are_one_place(run) -> None:
    places = run("The U.S. will send aid, US officials said. America has already sent $60 billion, "
                 "and the United States will continue.")
    assert len(places) == 1
    us = places[0]
    assert (us["name"], us["type"], us["country_code"]) == ("United States", "country", "US")
    assert [m["text"] for m in us["mentions"]] == ["U.S.", "US", "America", "United States"]


def test_region_word_makes_a_region(run) -> None:
    places = run("Russian troops captured Kolisnykivka, a village in the Kharkiv region, the ministry said.")
    kharkiv = one(places, "Kharkiv")
    assert (kharkiv["type"], kharkiv["country_code"], kharkiv["admin1"]) == ("region", "UA", "Kharkivska oblast")
    assert kharkiv["mentions"][0]["text"] == "Kharkiv"


def test_village_missing_from_gazetteer_keeps_sentence_region(run) -> None:
    village = one(run("Russian troops captured Kolisnykivka, a village in the Kharkiv region, the ministry said."),
                  "Kolisnykivka")
    assert (village["type"], village["country_code"], village["admin1"]) == ("village", "UA", "Kharkivska oblast")


@pytest.mark.parametrize("text, name, cc", [
    ("Pokrovsk was shelled again on Tuesday. Russian forces are 5 km from Pokrovsk, in the Donetsk region of "
     "Ukraine.", "Pokrovsk", "UA"),
    ("Pokrovsk, a town in the Sakha Republic of Russia, recorded minus 50 degrees.", "Pokrovsk", "RU"),
    ("Rockets hit Tripoli and Beirut, Lebanese officials said. Lebanon's army deployed to the south.",
     "Tripoli", "LB"),
    ("The storm dumped rain on Tripoli and Benghazi, Libyan authorities said.", "Tripoli", "LY"),
    ("A magnitude 7.5 earthquake struck Japan. In Suzu, near the tip of the peninsula, rescuers searched homes.",
     "Suzu", "JP"),
])
def test_context_disambiguates(run, text: str, name: str, cc: str) -> None:
    assert one(run(text), name)["country_code"] == cc


@pytest.mark.parametrize("text, expected", [
    ("Israeli strikes killed 12 people in Khan Younis and Rafah in the southern Gaza Strip.",
     {"Khan Younis": "PS", "Rafah": "PS", "Gaza Strip": "PS"}),
    ("Rescuers searched the rubble in Antakya after the earthquake in Turkey.", {"Antakya": "TR", "Turkey": "TR"}),
    ("Floods in Sylhet, Bangladesh, displaced 200,000 people.", {"Sylhet": "BD", "Bangladesh": "BD"}),
    ("A passenger train collided with a freight train near Balasore in Odisha, India.",
     {"Balasore": "IN", "Odisha": "IN", "India": "IN"}),
    ("Protesters marched in Tbilisi and Batumi, Georgia, while police blocked roads in Kutaisi.",
     {"Tbilisi": "GE", "Batumi": "GE", "Georgia": "GE", "Kutaisi": "GE"}),
    ("Fighting erupted around Goma in North Kivu province, Congo, as rebels advanced toward Bukavu.",
     {"Goma": "CD", "North Kivu": "CD", "Congo": "CD", "Bukavu": "CD"}),
    ("Paramilitary shelling killed 40 people in El Fasher, the capital of North Darfur, in Sudan.",
     {"El Fasher": "SD", "North Darfur": "SD", "Sudan": "SD"}),
    ("Gunmen killed five soldiers in the Poonch district of Jammu and Kashmir.",
     {"Poonch": "IN", "Jammu and Kashmir": "IN"}),
])
def test_geocoded_places_beyond_ukraine(run, text: str, expected: dict[str, str]) -> None:
    places = run(text)
    got = {p["name"]: p["country_code"] for p in places}
    assert got == expected
    assert all(p["lat"] is not None for p in places if p["type"] in ("city", "country"))


@pytest.mark.parametrize("text, name, kind", [
    ("Drones were shot down over the Black Sea, the ministry said.", "Black Sea", "water"),
    ("The Surma River burst its banks in Sylhet, Bangladesh.", "Surma River", "water"),
    ("Hezbollah fighters withdrew north of the Litani River in Lebanon.", "Litani River", "water"),
    ("Leaders from across Europe met in Brussels.", "Europe", "other"),
    ("Shelling hit the village of Khirbet Salim in southern Lebanon.", "Khirbet Salim", "village"),
    ("One strike hit a house in the Nuseirat refugee camp in Gaza.", "Nuseirat", "locality"),
    ("Another strike hit a car on Salah al-Din Road in Gaza.", "Salah al-Din Road", "locality"),
])
def test_place_types(run, text: str, name: str, kind: str) -> None:
    assert one(run(text), name)["type"] == kind


def test_dateline_place_in_normal_case(run) -> None:
    places = run("SRINAGAR, India — Police said the attack took place in Kupwara on Thursday.")
    srinagar = one(places, "Srinagar")
    assert srinagar["mentions"][0]["text"] == "SRINAGAR" and srinagar["country_code"] == "IN"


# --- negatives ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Reading the statement aloud, the minister said nothing had changed.",
    "Nice weather returned on Friday, and mobile phone networks came back.",
    "He had taken a bath when the shaking began. Of the 40 houses, 12 collapsed.",
    "The Ukrainian and Russian delegations met for two hours. Western diplomats were not invited.",
    "Typhoon Yagi weakened overnight, forecasters said.",
])
def test_no_places_from_common_words_or_adjectives(run, text: str) -> None:
    assert run(text) == []


def test_city_in_its_own_name_is_kept_whole(run) -> None:
    places = run("Kansas City police said the parade route in Missouri was closed.")
    assert one(places, "Kansas City")["country_code"] == "US"


def test_people_and_organisations_are_not_places(run) -> None:
    text = ("In 2012, most of the money to Mr. Obama came from small donors, according to Bloomberg. "
            "The UN said M23 rebels had withdrawn.")
    assert run(text) == []


def test_institution_owner_is_a_place_mention(run) -> None:
    places = run("Russia's defense ministry said it downed 20 drones.")
    assert [(p["name"], p["type"]) for p in places] == [("Russia", "country")]


# --- names the gazetteer lacks, read from the sentence (never also actors) -----------------------
def _place_texts(places: list[dict[str, Any]]) -> set[str]:
    return {m["text"] for p in places for m in p["mentions"]} | {p["name"] for p in places}


@pytest.mark.parametrize("text, name", [
    ("Two civilians were killed in Kafr Batna in eastern Ghouta on Sunday, activists said.", "Ghouta"),
    ("Rebel fighters made gains near Tal Tamr, the Kurdish-led administration said.", "Tal Tamr"),
    ("A third person died in Deir al-Asafir in Rif Dimashq province.", "Deir al-Asafir"),
    ("Shelling hit the Abu Shouk displacement camp near Mellit on Friday.", "Abu Shouk"),
    ("Aid workers reached the town of Kalehe. Kalehe had been cut off for a week.", "Kalehe"),
    ("Artillery fire hit the village of Kafr Hamra on Monday. Kafr Hamra was emptied within hours, "
     "the monitor said.", "Kafr Hamra"),
])
def test_unknown_names_in_place_contexts_are_places_not_actors(ex, text: str, name: str) -> None:
    rec = ex.extract(text)
    places = rec["places"]
    assert name in _place_texts(places), places
    mentions = [m for p in places for m in p["mentions"] if m["text"] == name]
    assert len(mentions) == text.count(name), "every mention of the place is listed"
    for m in mentions:
        assert text[m["start"]:m["end"]] == name
    assert not [a for a in rec["actors"] if name in a["aliases"]], rec["actors"]


@pytest.mark.parametrize("text, name", [
    ("Analysts said that in Trump's view the deal was over, and Donald Trump said so on Friday.", "Trump"),
    ("Protesters gathered near Smith's house in Ohio on Tuesday, police said.", "Smith"),
    ("She has worked at Google since 2019, and lawmakers in Congress praised her.", "Congress"),
    ("She has worked at Google since 2019, and lawmakers in Congress praised her.", "Google"),
    ("Voters have lost faith in Hillary Clinton, and Clinton said on Monday she would campaign in Iowa.",
     "Clinton"),
    ("Hillary Clinton spoke in Iowa on Monday. Mrs. Clinton said the plan was sound, and Clinton later "
     "flew to Ohio.", "Clinton"),
    ("Lawyers for Abraham Lincoln said Lincoln would visit the town of Lincoln.", "Lincoln"),
    ("She wrote in Politico that the plan would fail, and many believe in Satan.", "Politico"),
    ("She wrote in Politico that the plan would fail, and many believe in Satan.", "Satan"),
])
def test_people_and_bodies_after_prepositions_are_no_places(run, text: str, name: str) -> None:
    """A name the article uses for a person ('Hillary Clinton', 'Mrs. Clinton', 'Clinton said'),
    a possessor ('in Trump's view') or a body/publication after 'in/at' never becomes a place."""
    assert not [p for p in run(text) if name in p["name"] or any(name in m["text"] for m in p["mentions"])]


# --- "X-based", "X-backed": the place is named (issue 13, second pass); nationalities are not -----
@pytest.mark.parametrize("text, absent, present", [
    ("The Geneva-based group said the Kenya-backed plan failed, while a US-led coalition struck Sanaa.",
     [], ["Geneva", "Kenya", "United States", "Sanaa"]),
    ("Talks in Geneva stalled, and the Tehran-based envoy later flew to Tehran.", [], ["Geneva", "Tehran"]),
    ("The Doha-funded clinic in Deir al-Balah reopened.", [], ["Doha", "Deir al-Balah"]),
    ("A Russian-held town and the Western-led talks were discussed in Kyiv.", ["Russia"], ["Kyiv"]),
    ("Zhang Wei, a Beijing-based commentator, said the talks in Geneva failed.", [], ["Beijing", "Geneva"]),
])
def test_places_fused_to_participles_are_named(run, text: str, absent: list[str], present: list[str]) -> None:
    places = run(text)
    found = {p["name"] for p in places}
    for name in absent:
        assert name not in found, places
    for name in present:
        assert name in found, places
    for p in places:
        for m in p["mentions"]:
            assert not m["text"].endswith("-") and "-based" not in m["text"], m


# --- compass words and lower-case tails are no part of a name; "X State"; abbreviations ---------
@pytest.mark.parametrize("text, mention", [
    ("Police said the man, of Brent, north west London, denied two counts.", "London"),
    ("The storm formed in the eastern Pacific equatorial region last week, officials said.", "Pacific"),
    ("Aid convoys reached southern Lebanon on Monday, the UN said.", "Lebanon"),
])
def test_compass_words_and_lower_case_tails_are_cut(run, text: str, mention: str) -> None:
    texts = [m["text"] for p in run(text) for m in p["mentions"]]
    assert mention in texts, texts


@pytest.mark.parametrize("text, mention", [
    ("Fighting resumed in North Korea and the West Bank, officials said.", "North Korea"),
    ("Fighting resumed in North Korea and the West Bank, officials said.", "West Bank"),
    ("Clashes erupted in South Sudan on Monday, the UN said.", "South Sudan"),
])
def test_capitalised_compass_words_stay_in_names(run, text: str, mention: str) -> None:
    texts = [m["text"] for p in run(text) for m in p["mentions"]]
    assert mention in texts, texts


@pytest.mark.parametrize("text, mention, code", [
    ("Dr. Bello visited the Governor of Sokoto State, Alhaji Umar Bello, in Abuja on Monday.", "Sokoto", "NG"),
    ("Gunmen attacked a village in Kaduna State on Sunday, police said.", "Kaduna", "NG"),
    ("She grew up in Washington State before moving to Texas, her family said.", "Washington", "US"),
])
def test_state_after_a_region_is_a_generic_word(run, text: str, mention: str, code: str) -> None:
    """"Sokoto State" is the region Sokoto: the mention is its name (as every gold set marks it)."""
    places = run(text)
    hit = [p for p in places if mention in [m["text"] for m in p["mentions"]]]
    assert hit and hit[0]["country_code"] == code and hit[0]["lat"] is not None, places


@pytest.mark.parametrize("text, name", [
    ("Fighters of the Islamic State attacked Mosul on Monday, officials said.", "Islamic"),
    ("The Free State of Bavaria and the Orange Free State were discussed in Munich.", "Orange Free"),
])
def test_state_that_names_no_region_stays(run, text: str, name: str) -> None:
    assert not [p for p in run(text) if p["name"] == name or name in [m["text"] for m in p["mentions"]]]


@pytest.mark.parametrize("text, region, placed", [
    ("Guard trains\nCAMP LOOKOUT, Wash. - Lt. Col. John Reed said the drill went well.", "Washington", True),
    ("Guard trains\nFORT LEWIS, Wash. - Lt. Col. John Reed said the drill went well.", "Washington", True),
])
def test_state_abbreviation_after_an_unknown_place_is_the_state(run, text: str, region: str, placed: bool) -> None:
    places = run(text)
    hit = [p for p in places if p["name"] == region and p["country_code"] == "US"]
    assert bool(hit) is placed, places


def test_wash_alone_is_no_state(run) -> None:
    places = run("They had to wash. Then they left for Paris on Monday, officials said.")
    assert not [p for p in places if p["name"] == "Washington"], places


# --- spelling variants of one place --------------------------------------------------------------
def test_spelling_variant_joins_the_place(run) -> None:
    text = ("Artillery fire hit the village of Kafr Hamra on Monday. Residents of Kafer Hamra fled north to "
            "Aleppo, the monitor said.")
    places = run(text)
    hamra = [p for p in places if "Hamra" in p["name"]]
    assert len(hamra) == 1, places
    assert [m["text"] for m in hamra[0]["mentions"]] == ["Kafr Hamra", "Kafer Hamra"]


def test_different_names_are_not_spelling_variants(run) -> None:
    places = run("Clashes erupted in Bani Walid and later in Bani Sidra, the agency said.")
    assert {"Bani Walid", "Bani Sidra"} <= {p["name"] for p in places}


def test_article_kept_in_place_names_that_include_it(run) -> None:
    places = run("The court sits in The Hague, where judges heard the case on Monday.")
    assert one(places, "The Hague")["country_code"] == "NL"


@pytest.mark.parametrize("text, name", [
    ("The forum was hosted by Jenna Holt of WXYZ. He cannot mock the ratings if Holt asks him about his "
     "returns.", "Holt"),
    ("The forum was hosted by Kevin Marion of WXYZ. Voters will watch closely if Marion asks him about his "
     "returns.", "Marion"),
])
def test_surname_of_a_named_person_is_no_small_town(run, text: str, name: str) -> None:
    """The tagger may call the full name ORG; its last word alone is still that name."""
    assert not [p for p in run(text) if p["name"] == name]


@pytest.mark.parametrize("text, name", [
    ("At least 11 civilians were killed in airstrikes in Pale Township, Sagaing Region.", "Pale"),
    ("Fighting spread to two townships near Lashio, including Hsipaw Township.", "Hsipaw"),
])
def test_township_is_a_generic_word(run, text: str, name: str) -> None:
    assert name in {p["name"] for p in run(text)}


@pytest.mark.parametrize("text, name", [
    ("Officials in Harris County, Texas, ordered evacuations.", "Harris County"),  # County stays in names
    ("Clashes broke out in Bayelsa and Rivers State on Sunday, police said.", "Rivers"),  # State does not
])
def test_capitalised_county_stays_in_the_name(run, text: str, name: str) -> None:
    assert name in {p["name"] for p in run(text)}


@pytest.mark.parametrize("text, name", [
    ("The U.S. military said it struck two radar sites.", "United States"),
    ("The Gaza civil defence agency said 21 people died.", "Gaza"),
])
def test_place_inside_an_institution_name_is_a_mention(run, text: str, name: str) -> None:
    assert name in {p["name"] for p in run(text)}


def test_place_word_inside_an_outlet_name_is_no_place(run) -> None:
    assert run("The Kyiv Independent reported the attack.") == []


@pytest.mark.parametrize("text, name, kind", [
    ("Girls at a camp along the Guadalupe River were missing.", "Guadalupe River", "water"),
    ("Fighting raged in the Nuba Mountains.", "Nuba Mountains", "other"),
])
def test_natural_features_alone_are_places(run, text: str, name: str, kind: str) -> None:
    assert one(run(text), name)["type"] == kind


@pytest.mark.parametrize("text, name", [
    ("An Israeli strike hit a mosque in Deir al-Balah. Hospital officials in Deir El-Balah said 26 died.",
     "Deir al-Balah"),
    ("Fighting broke out in El Geneina. Clashes in El-Genena killed 48 people.", "El Geneina"),
])
def test_spelling_variants_are_one_place(run, text: str, name: str) -> None:
    places = run(text)
    assert [p["name"] for p in places] == [name] and len(places[0]["mentions"]) == 2


def test_different_gazetteer_places_stay_apart(run) -> None:
    assert [p["name"] for p in run("Strikes hit Kharkiv and Kherson overnight.")] == ["Kharkiv", "Kherson"]


def test_chiefdom_of_x_is_a_place(run) -> None:
    assert one(run("Gunmen attacked villages in the chiefdom of Bashu, near Butembo."), "Bashu")["type"] == "region"


# --- the rules on their own (extractor/rules/places/) ------------------------------------------
@pytest.mark.parametrize("folded, form", [
    ("deir el balah", "deir al balah"),
    ("deir al-balah", "deir al balah"),
    ("khan younis", "khan younis"),
    ("ras an-naqoura", "ras al naqoura"),
])
def test_article_form(folded: str, form: str) -> None:
    from extractor.rules.places.variants import article_form

    assert article_form(folded) == form


def _cand(pid: int, cc: str, pop: int, kind: str = "city", alternate: bool = False) -> Any:
    from extractor.gazetteer import Candidate

    return Candidate(pid, "Pokrovsk", kind, cc, None, 0.0, 0.0, pop, alternate)


def test_score_candidate_prefers_the_articles_country() -> None:
    from collections import Counter

    from extractor.rules.places.scoring import score_candidate

    ua, ru = _cand(1, "UA", 60_000), _cand(2, "RU", 9_000)
    assert score_candidate("Pokrovsk", ua, None, None) > score_candidate("Pokrovsk", ru, None, None)
    russia_story = {"cc": Counter({"RU": 3}), "admin1": set(), "named": {"RU"}}
    assert score_candidate("Pokrovsk", ru, None, russia_story) > score_candidate("Pokrovsk", ua, None, russia_story)


def test_a_name_does_not_vote_for_its_own_reading() -> None:
    from collections import Counter

    from extractor.rules.places.document_context import DocumentContext

    ctx = DocumentContext(cc=Counter({"GE": 3, "US": 1}), admin1=set(), named={"GE"}, votes={"georgia": ("GE", 3)})
    own = ctx.for_mention("georgia", {"type": "country", "country_code": "GE"})
    assert own["cc"] == Counter({"US": 1}) and own["named"] == set()
    other = ctx.for_mention("tbilisi", None)
    assert other["cc"] == Counter({"GE": 3, "US": 1}) and other["named"] == {"GE"}


# --- placement: standard points, pairs, abbreviations, co-location (issue 13) -----------------
@pytest.mark.parametrize("text, name, cc, admin1", [
    ("The festival returns to Paris, Tenn., next month, organisers said.", "Paris", "US", "Tennessee"),
    ("Students from Athens, Ga. marched on Saturday.", "Athens", "US", "Georgia"),
    ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "Georgia", "GE", None),
    ("Flooding closed roads in London, Ontario, and nearby Sarnia.", "London", "CA", "Ontario"),
    ("The storm moved from Muncie, IN toward Ohio.", "Muncie", "US", "Indiana"),
    ("Walk for victims. CHARLESTON, W.Va. -- A counseling group will host a walk.", "Charleston", "US",
     "West Virginia"),
])
def test_a_place_is_read_inside_the_area_named_after_it(run, text: str, name: str, cc: str, admin1: str) -> None:
    p = one(run(text), name)
    assert (p["country_code"], p["admin1"]) == (cc, admin1)


@pytest.mark.parametrize("text, name, cc", [
    ("Paris hosted the climate talks, the minister said.", "Paris", "FR"),  # no area named: the capital
    ("The mayor of London visited Kyiv.", "London", "GB"),
    ("Strikes hit Kharkiv, Sumy and Poltava overnight.", "Kharkiv", "UA"),  # a list, not a pair
])
def test_a_famous_place_stays_itself_without_evidence(run, text: str, name: str, cc: str) -> None:
    p = one(run(text), name)
    assert p["country_code"] == cc and p["type"] == "city"


def test_a_region_abbreviation_is_the_region(run) -> None:
    p = one(run("Wildfires spread across Calif. and Ore. this week."), "California")
    assert (p["type"], p["country_code"], p["admin1"]) == ("region", "US", "California")
    assert [m["text"] for m in p["mentions"]] == ["Calif."]


def test_england_is_the_region_of_the_united_kingdom(run) -> None:
    p = one(run("Floods hit England and Wales this week."), "England")
    assert (p["type"], p["country_code"], p["admin1"]) == ("region", "GB", "England")
    assert 51 < p["lat"] < 54  # not the United Kingdom's point in Cumbria


def test_areas_sit_at_their_standard_points(run) -> None:
    places = run("Russia and the United States met in Europe.")
    russia, europe = one(places, "Russia"), one(places, "Europe")
    assert 55 < russia["lat"] < 65 and 90 < russia["lon"] < 110  # not near Samara
    assert (europe["type"], europe["geonameid"]) == ("other", 6255148)


def test_places_carry_their_geonameid_or_null(run) -> None:
    places = run("Russian troops captured Kolisnykivka, a village in the Kharkiv region, and shelled Kharkiv.")
    assert one(places, "Kolisnykivka")["geonameid"] is None  # not in the gazetteer
    assert isinstance(one(places, "Kharkiv")["geonameid"], int)


@pytest.mark.parametrize("text, name, cc, admin1", [
    ("Deputies in Rapides Parish arrested two men near Alexandria.", "Alexandria", "US", "Louisiana"),
    ("A Palestine man was sentenced on Friday in Anderson County.", "Palestine", "US", "Texas"),
])
def test_places_named_together_are_read_together(run, text: str, name: str, cc: str, admin1: str) -> None:
    p = one(run(text), name)
    assert (p["country_code"], p["admin1"]) == (cc, admin1)


def test_counties_in_a_list_are_counties(run) -> None:
    places = run("Officials in Laurel and Whitley counties closed schools.")
    laurel = one(places, "Laurel")
    assert (laurel["type"], laurel["country_code"]) == ("region", "US")


def test_a_country_stays_the_country_without_a_home_town_cue(run) -> None:
    assert one(run("Aid convoys reached Jordan on Monday."), "Jordan")["type"] == "country"
    # initials are no home-town cue: "U.S. residents" are the country's
    us = one(run("More than two million U.S. residents are infected every year."), "United States")
    assert us["type"] == "country"


class _C:
    """A minimal gazetteer candidate for the rule functions."""

    def __init__(self, pid: int, kind: str, cc: str, admin1: str | None, lat: float, lon: float) -> None:
        self.pid, self.kind, self.country_code, self.admin1, self.lat, self.lon = pid, kind, cc, admin1, lat, lon


def test_co_location_support_counts_other_names_nearby() -> None:
    from extractor.rules.places.coherence import support

    paris_fr, paris_tn = _C(1, "city", "FR", "IDF", 48.85, 2.35), _C(2, "city", "US", "Tennessee", 36.30, -88.33)
    henry_ga = _C(3, "admin2", "US", "Georgia", 33.45, -84.15)
    henry_tn = _C(4, "admin2", "US", "Tennessee", 36.33, -88.30)
    puryear = _C(5, "city", "US", "Tennessee", 36.44, -88.33)
    got = support({"paris": [paris_fr, paris_tn], "henry county": [henry_ga, henry_tn], "puryear": [puryear]})
    assert got.get(2) == 2 and got.get(4) == 2 and got.get(5) == 2
    assert 1 not in got and 3 not in got
    # a name never supports itself: two namesakes of one name side by side count nothing
    twins = [_C(6, "city", "US", "A", 40.0, -89.0), _C(7, "city", "US", "A", 40.1, -89.1)]
    assert support({"springfield": twins}) == {}


def test_contains() -> None:
    from extractor.rules.places.candidates import contains

    tn = _C(10, "admin1", "US", "Tennessee", 35.8, -86.3)
    us = _C(11, "country", "US", None, 39.8, -98.5)
    henry = _C(12, "admin2", "US", "Tennessee", 36.33, -88.30)
    paris_tn, paris_fr = _C(2, "city", "US", "Tennessee", 36.30, -88.33), _C(1, "city", "FR", "IDF", 48.85, 2.35)
    memphis = _C(13, "city", "US", "Tennessee", 35.15, -90.05)
    assert contains(tn, paris_tn) and contains(us, paris_tn) and contains(henry, paris_tn)
    assert contains(us, tn) and not contains(tn, us)
    assert not contains(tn, paris_fr) and not contains(henry, memphis)
    assert not contains(paris_tn, paris_tn)  # a town contains nothing


@pytest.mark.parametrize("name, after_place, region", [
    ("Tenn.", False, "Tennessee"),
    ("W. Va.", False, "West Virginia"),
    ("W.Va", False, "West Virginia"),  # the tagger's span without its last period
    ("TX", True, "Texas"),
    ("TX", False, None),  # a postal code only right after "Place, "
    ("IN", False, None),
    ("Texas", False, None),  # not an abbreviation
])
def test_abbreviated_region(name: str, after_place: bool, region: str | None) -> None:
    from extractor.rules.places.candidates import abbreviated_region
    from extractor.rules.places.lexicon import PlacesLexicon

    lex = PlacesLexicon(*([frozenset()] * 2), {}, {}, {}, *([frozenset()] * 3), {}, frozenset(), frozenset(),
                        region_abbrev={"Tenn.": ("US", "Tennessee", True), "W.Va.": ("US", "West Virginia", True),
                                       "TX": ("US", "Texas", False), "IN": ("US", "Indiana", False)})

    class Gaz:
        def admin1(self, cc: str, name: str) -> str:
            return name

    assert abbreviated_region(name, lex, Gaz(), after_place) == region


@pytest.mark.parametrize("name, word, form", [
    ("Laurel", "counties", "Laurel County"),
    ("Rapides", "parish", "Rapides Parish"),
    ("Kharkiv", "region", None),
    ("Henry County", "county", None),
])
def test_county_form(name: str, word: str, form: str | None) -> None:
    from extractor.rules.places.candidates import county_form

    assert county_form({"name": name, "region_word": word}) == form


def test_place_pairs_need_a_comma_between_adjacent_mentions() -> None:
    from extractor.rules.places.containers import place_pairs

    text = "Paris, Tenn. and Athens in Georgia"
    ms = [{"start": 0, "end": 5}, {"start": 7, "end": 12}, {"start": 17, "end": 23}, {"start": 27, "end": 34}]
    assert place_pairs(text, ms) == [(0, 1)]


@pytest.mark.parametrize("text, name, cc, kind", [
    ("Israeli strikes hit Gaza overnight, officials said.", "Gaza", "PS", "city"),  # not Gaza province, MZ
    ("Ontario announced new rules for its schools.", "Ontario", "CA", "region"),  # not Ontario, California
    ("The delegation flew from Warsaw to Kiev.", "Kiev", "UA", "city"),  # a capital by its older spelling
    ("The parade ended at an Irish pub in Rock Hill.", "Rock Hill", "US", "city"),  # an adjective names no country
])
def test_prominent_readings(run, text: str, name: str, cc: str, kind: str) -> None:
    p = one(run(text), name)
    assert (p["country_code"], p["type"]) == (cc, kind)


def test_a_nationality_owning_an_institution_is_no_place(run) -> None:
    assert not [p for p in run("The German foreign ministry summoned the envoy.") if p["name"] == "German"]


@pytest.mark.parametrize("text, name, cc, admin1, located", [
    # a small region abroad is refused when the article names other countries (not New Zealand's West Coast)
    ("Fires spread along the West Coast, officials in the United States said.", "West Coast", "US", None, False),
    # ... unless the other places of the article lie next to it
    ("A Nigeria-born pastor preached in Jonesboro and Lovejoy, in Clayton County, before moving to Nigeria.",
     "Lovejoy", "US", "Georgia", True),
    # a loose alternate name gets no pull from the places near it: Montana is the state, not Montana City
    ("HELENA, Mont. (AP) - Montana and the prison company are at an impasse.", "Montana", "US", "Montana", True),
])
def test_small_places_abroad(run, text: str, name: str, cc: str, admin1: str | None, located: bool) -> None:
    p = one(run(text), name)
    assert (p["country_code"], p["admin1"], p["lat"] is not None) == (cc, admin1, located)
    if name == "Montana":
        assert p["type"] == "region"


# --- a place the tagger cut at its hyphen ---------------------------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Tourism in Gilgit-Baltistan grew last year, officials in Islamabad said.", "Gilgit-Baltistan"),
    ("Floods hit Baden-Württemberg on Sunday, the police said.", "Baden-Württemberg"),
])
def test_hyphenated_place_is_one_place(run, text: str, mention: str) -> None:
    texts = [m["text"] for p in run(text) for m in p["mentions"]]
    assert mention in texts and mention.split("-")[0] not in texts, texts


@pytest.mark.parametrize("text, absent", [
    ("The Russia-Ukraine war was discussed in Kyiv on Monday, officials said.", "Russia-Ukraine"),
    ("Talks between Moscow-Beijing envoys ended in Astana, officials said.", "Moscow-Beijing"),
])
def test_pairs_of_places_are_no_hyphenated_place(run, text: str, absent: str) -> None:
    assert absent not in [m["text"] for p in run(text) for m in p["mentions"]]


# --- a surname the tagger read as a place ---------------------------------------------------------
def test_surname_of_a_person_named_in_the_headline_is_no_place(run) -> None:
    text = ("Ostapchuk Calls For Tribunal\nUkrainian President Mykola Ostapchuk called for a tribunal on Monday. "
            "Ostapchuk said he was hopeful, the ministry in Kyiv said.")
    assert not [p for p in run(text) if "Ostapchuk" in p["name"]]


@pytest.mark.parametrize("text, place", [
    ("Shelling hit Kupiansk on Monday, and President Mykola Ostapchuk said troops held Kupiansk.", "Kupiansk"),
    ("Shelling hit Zolochiv and Brody, Governor Maksym Kozytskyi said of Zolochiv.", "Zolochiv"),
])
def test_place_that_is_no_unknown_surname_stays_a_place(run, text: str, place: str) -> None:
    assert place in {p["name"] for p in run(text)}


# --- surnames before generational suffixes; titles read as names ------------------------------------
def test_surname_before_a_suffix_is_the_person(run) -> None:
    text = ("Relations improved under George Bush Jr, officials said. Later Bush met Mubarak in Cairo, and Bush "
            "praised Egypt.")
    found = {p["name"] for p in run(text)}
    assert "Bush" not in found and "Cairo" in found, found


def test_title_read_as_a_name_does_not_make_a_country_a_surname(run) -> None:
    text = ("Rethinking Egypt-US relations. Since Obama took office, hopes spread over the Middle East. Egypt, "
            "which often had trouble with the previous administration, is now hopeful.")
    assert "Egypt" in {p["name"] for p in run(text)}


def test_country_that_ends_a_real_name_stays_the_person(run) -> None:
    text = "Defence Minister Israel Katz said on Monday that Katz would visit Gaza."
    assert "Israel" not in {p["name"] for p in run(text)}


# --- the town, county or state a local public body is named for -------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Officers of the Pasadena Police Department arrested two men late on Friday.", "Pasadena"),
    ("A judge of the Fulton County Superior Court set bail at $10,000 on Tuesday.", "Fulton County"),
    ("The Ohio National Guard sent 40 soldiers to help with the flooding.", "Ohio"),
    ("Members of the Boulder City Council voted 5-2 to raise the water rates.", "Boulder City"),
    ("Oregon State Police closed the highway after the crash, troopers said.", "Oregon"),
    ("The Kentucky Court of Appeals upheld the verdict against the contractor.", "Kentucky"),
    ("The suspect was booked into the Polk County Jail on Friday night.", "Polk County"),
    ("Records of the Stark County Common Pleas Court show 40 such cases.", "Stark County"),
])
def test_a_local_body_names_its_place(run, text: str, mention: str) -> None:
    assert mention in [m["text"] for p in run(text) for m in p["mentions"]]


@pytest.mark.parametrize("text, absent", [
    ("The car was later found parked on Maple Court, police said.", "Maple"),
    ("The Superior Court will hear the appeal in May, the lawyer said.", "Superior"),
    ("She was inducted into the Lincoln Club Hall of Fame last spring.", "Lincoln"),
    ("The Federal Police opened an inquiry into the contract, the paper said.", "Federal"),
    ("Students of Norfolk High School planted 300 trees on Saturday.", "Norfolk"),
    ("The U.S. Department of Agriculture recalled the beef on Monday.", "U.S."),
])
def test_no_place_from_other_bodies_or_streets(run, text: str, absent: str) -> None:
    assert absent not in [m["text"] for p in run(text) for m in p["mentions"]]


# --- a country by its official name, a country tagged ORG/FAC after "the" ---------------------------
@pytest.mark.parametrize("text, mention, name, cc", [
    ("The envoy of the Republic of Armenia arrived in Rome on Monday.", "Republic of Armenia", "Armenia", "AM"),
    ("Trade between the Kingdom of Morocco and Spain grew last year.", "Kingdom of Morocco", "Morocco", "MA"),
    ("Relations between Armenia and the Holy See have grown warmer, the minister said.", "Holy See", "Vatican",
     "VA"),
])
def test_official_and_the_country_names(run, text: str, mention: str, name: str, cc: str) -> None:
    hit = [p for p in run(text) if mention in [m["text"] for m in p["mentions"]]]
    assert hit and hit[0]["country_code"] == cc and hit[0]["lat"] is not None, hit
    assert hit[0]["name"] in (name, mention)


@pytest.mark.parametrize("text, present, absent", [
    ("Pokrovsk, a town in the Sakha Republic of Russia, recorded minus 50 degrees.", "Russia",
     "Sakha Republic of Russia"),
    ("Worshippers filled the Holy Trinity Church in Boston on Sunday.", "Boston", "Holy Trinity Church"),
])
def test_no_official_name_without_a_country(run, text: str, present: str, absent: str) -> None:
    found = [m["text"] for p in run(text) for m in p["mentions"]]
    assert present in found and absent not in found, found


# --- two places joined by a hyphen ------------------------------------------------------------------
@pytest.mark.parametrize("text, first, second", [
    ("The airline dropped the Washington-Moscow route last winter.", "Washington", "Moscow"),
    ("Growth in the Asia-Pacific region slowed in the third quarter.", "Asia", "Pacific"),
    ("Tension along the India-Pakistan border rose again on Sunday.", "India", "Pakistan"),
])
def test_a_hyphenated_pair_of_places_is_two_mentions(run, text: str, first: str, second: str) -> None:
    found = [m["text"] for p in run(text) for m in p["mentions"] if p["lat"] is not None]
    assert first in found and second in found, found


@pytest.mark.parametrize("text, whole", [
    ("The new plant opens in Winston-Salem next spring.", "Winston-Salem"),
    ("A firefighter of Miami-Dade Fire Rescue saved both passengers.", "Miami-Dade"),
])
def test_a_hyphenated_place_stays_one(run, text: str, whole: str) -> None:
    found = [m["text"] for p in run(text) for m in p["mentions"]]
    assert whole.split("-")[1] not in found, found


# --- a country before a state institution written as a name -----------------------------------------
@pytest.mark.parametrize("text, mention", [
    ("Engineers of the Kenya Army rebuilt the bridge within a week.", "Kenya"),
    ("The U.S. Navy sent a second carrier to the region on Monday.", "U.S."),
])
def test_a_country_owning_a_named_institution(run, text: str, mention: str) -> None:
    assert mention in [m["text"] for p in run(text) for m in p["mentions"]]


@pytest.mark.parametrize("text, absent", [
    ("The China Daily reported the first cases on Tuesday.", "China"),
    ("Reporters of the Jordan Times visited the camp.", "Jordan"),
])
def test_no_country_from_a_newspaper_title(run, text: str, absent: str) -> None:
    assert absent not in [m["text"] for p in run(text) for m in p["mentions"]]


@pytest.mark.parametrize("text, name", [
    ("Tension on the Korean Peninsula rose after the launch, Seoul said.", "Korean Peninsula"),
    ("Floods hit villages across the Mekong Delta on Sunday.", "Mekong Delta"),
])
def test_regions_the_gazetteer_lacks_are_placed(run, text: str, name: str) -> None:
    hit = [p for p in run(text) if p["name"] == name]
    assert hit and hit[0]["lat"] is not None, run(text)


@pytest.mark.parametrize("text, place, absent", [
    ("Clinton couple faces drug counts. CLINTON — A town couple was charged with selling drugs, police "
     "said.", "CLINTON", None),
    ("Hillary Clinton spoke in Iowa on Monday. Clinton said the race was close.", "Iowa", "Clinton"),
])
def test_a_dateline_stays_a_place_whoever_shares_its_name(run, text: str, place: str,
                                                          absent: str | None) -> None:
    found = [m["text"] for p in run(text) for m in p["mentions"]]
    assert place in found and (absent is None or absent not in found), found


@pytest.mark.parametrize("text, town", [
    ("Deputies said Anna Cole, 29, of Grovetown, was arrested after the chase.", "Grovetown"),
    ("Police said Jim Ross, of Ravenel, was not hurt in the crash.", "Ravenel"),
    ("A Crafton woman won the state lottery on Tuesday.", "Crafton"),
])
def test_a_home_town_of_any_size_is_a_place(run, text: str, town: str) -> None:
    assert town in [m["text"] for p in run(text) for m in p["mentions"]]


def test_an_employer_after_of_is_no_home_town(run) -> None:
    text = "Economist John Smith of Harvard said the study was flawed."
    assert "Harvard" not in [m["text"] for p in run(text) for m in p["mentions"]]


# --- the country or region an association, authority, trust or lottery is named for ----------------
@pytest.mark.parametrize("text, mention", [
    ("Volunteers of the Kenya Red Cross Society handed out water on Sunday.", "Kenya"),
    ("The Ghana Tourism Authority expects more visitors this year.", "Ghana"),
    ("The Oregon Medical Association opposed the bill, its director said.", "Oregon"),
    ("A ticket bought in Newark won the top prize of the New Jersey Lottery.", "New Jersey"),
])
def test_an_association_names_its_country_or_region(run, text: str, mention: str) -> None:
    assert mention in [m["text"] for p in run(text) for m in p["mentions"]]


@pytest.mark.parametrize("text, absent", [
    ("Fans of the Bristol Rovers Supporters Trust met the owners on Monday.", "Bristol"),  # a town
    ("The Kenya Broadcasting Corporation aired the debate on Monday.", "Kenya"),  # no association word
    ("The US Chess Association named its new president on Monday.", "US"),  # initials
    ("Scientists at Michigan State University tested the water.", "Michigan"),  # a university
])
def test_no_place_from_other_names_ending_in_an_organisation(run, text: str, absent: str) -> None:
    assert absent not in [m["text"] for p in run(text) for m in p["mentions"]]


@pytest.mark.parametrize("text, mention, expected", [
    ("The chief executive of Air Mauritius resigned on Friday.", "Mauritius", True),
    ("Air India bought forty new jets last year, the minister said.", "India", True),
    ("The Air Force flew the wounded soldiers home on Sunday.", "Force", False),
])
def test_an_airline_names_its_country(run, text: str, mention: str, expected: bool) -> None:
    assert (mention in [m["text"] for p in run(text) for m in p["mentions"]]) is expected
