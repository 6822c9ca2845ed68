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
