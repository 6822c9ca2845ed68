"""Victim counts (issue 14): single victims, more ways of saying killed/injured, hedged and background
counts, forecasts, stated zeros, and the article's own figure per kind (`totals`).

Every rule has positive and negative sentences, written for these tests (not taken from any data set).
Each record is checked against the JSON Schema and every reported span against the text.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.rules.counts.state import Entry
from extractor.rules.counts.totals import article_totals, casualty_total, figures
from extractor.schema import validate


def _run(ex, text: str) -> dict[str, Any]:
    rec = ex.extract(text)
    validate(rec)
    for c in rec["casualties"]:
        assert text[c["start"]:c["end"]] == c["text"], c
    for fig in [*rec["totals"]["casualties"].values(), *rec["totals"]["weapons"]]:
        assert text[fig["start"]:fig["end"]] == fig["text"], fig
    return rec


def _cas(ex, text: str) -> list[tuple[str, int | None]]:
    return sorted((c["kind"], c["count"]) for c in _run(ex, text)["casualties"])


def _total(ex, text: str, kind: str = "killed") -> int | None:
    fig = _run(ex, text)["totals"]["casualties"].get(kind)
    return fig["count"] if fig else None


# -- single victims ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("A journalist was killed in the capital on Monday.", [("killed", 1)]),
    ("Gunmen shot dead the village chief on his farm.", [("killed", 1)]),
    ("Police said a nurse died after the bus was hit.", [("killed", 1)]),
    ("The mayor of the river town was shot dead outside his office.", [("killed", 1)]),
    ("A prominent activist, Maria Lopez, was murdered at her home.", [("killed", 1)]),  # one person, named twice
    ("A 64-year-old woman was killed in the strike.", [("killed", 1)]),  # the age is no count
    ("An 11-year-old girl was wounded in Kharkiv.", [("injured", 1)]),
    ("A man and a woman were killed there, the governor wrote.", [("killed", 1), ("killed", 1)]),
    ("Three soldiers killed a militant commander near Jenin.", [("killed", 1)]),  # the subject is no victim
    ("Protests broke out after Ahmed Said, 43, was killed by police.", [("killed", 1)]),
    ("Police arrested the 12 men who killed the farmer in Plateau state.", [("killed", 1)]),
    ("One of the court's most conservative judges, Ali Hassan, died in February.", [("killed", 1)]),
    ("A teacher was killed and another wounded in the attack.", [("injured", 1), ("killed", 1)]),
    ("The body of a fisherman was found on the beach.", [("killed", 1)]),
    ("Mr. Okafor was killed alongside his nephew at the market.", [("killed", 1), ("killed", 1)]),
    ("The chief of the village was kidnapped and killed by bandits.", [("killed", 1)]),
    ("A passer-by was injured when the wall fell.", [("injured", 1)]),
])
def test_single_victims(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "A journalist said the town was calm.",
    "The village chief called for calm after the attack.",
    "Who killed the journalist?",
    "The driver was not hurt.",
    "The UN body said it was concerned about the fighting.",
    "He said the police would protect every witness.",
    "The wounded were taken to hospital, residents and an emergency official said.",
])
def test_not_single_victims(ex, text: str) -> None:
    assert [c for c in _run(ex, text)["casualties"] if c["count"] == 1] == []


@pytest.mark.parametrize("text, expected", [
    ("Gunmen stormed the farm. The owner was gunned down at the gate.", [("killed", 1)]),  # "gunned"
    ("A guard was taken to hospital after the blast.", [("injured", 1)]),  # a phrase's telling word
    ("An elderly man succumbed to his injuries on Sunday.", [("killed", 1)]),
    ("The reporter lost his life covering the war.", [("killed", 1)]),
])
def test_single_victims_in_sentences_with_a_casualty_cue(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Five people were killed in the raid. A neighbour said she heard two explosions.",  # the cue is elsewhere
    "The governor visited the town. He met a farmer and a teacher at the school.",
])
def test_no_single_victim_in_sentences_without_a_casualty_cue(ex, text: str) -> None:
    assert [c for c in _run(ex, text)["casualties"] if c["count"] == 1] == []


def test_casualty_cues_are_the_telling_words(ex) -> None:
    cues = ex.nlp.get_pipe("extractor_counts").lex.casualty_cues
    for word in ("kill", "killed", "dead", "wounded", "hospital", "gunned", "lives", "toll", "body", "hostage"):
        assert word in cues, word
    for glue in ("the", "of", "to", "were", "down", "said", "he"):
        assert glue not in cues, glue


def test_two_titles_of_one_person_are_one_victim(ex) -> None:
    text = "A lecturer and administrative secretary of the council was killed on Friday."
    assert _total(ex, text) == 1
    assert _total(ex, "A wounded woman and child were taken to hospital.", "injured") == 2
    assert _total(ex, "Masked gunmen shot dead an activist and mother of four near the market.") == 1
    assert _total(ex, "Gunmen killed Musa Bello, the district head of the town.") == 1  # an apposition
    assert _total(ex, "Pro-democracy activist and nurse Amina Sule was shot dead at a rally.") == 1


@pytest.mark.parametrize("text, count", [
    ("A roadside bomb killed two officials and two of their bodyguards.", 4),  # other people: not a subset
    ("Shelling killed 15 people, eight of them civilians.", 15),  # part of the 15
    ("In the town, two adults and four children who died in the fire were buried.", 6),  # one relative clause
    ("The leader was killed and burned along with his wife and driver.", 3),
])
def test_lists_partitives_and_companions(ex, text: str, count: int) -> None:
    assert _total(ex, text) == count


# -- more ways of saying killed and injured ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Soldiers killed 14 bandits in a forest raid.", [("killed", 14)]),  # combatants and suspects are victims
    ("Police killed 10 suspected drug peddlers in overnight raids.", [("killed", 10)]),
    ("Eight inmates are dead after a riot at the jail.", [("killed", 8)]),
    ("Four men were put to death on Tuesday.", [("killed", 4)]),
    ("Nine miners lost their lives in the collapse.", [("killed", 9)]),
    ("The floods claimed 23 lives across the province.", [("killed", 23)]),
    ("The explosion left 12 people dead and 30 injured.", [("injured", 30), ("killed", 12)]),
    ("Attackers hacked four farmers to death near the river.", [("killed", 4)]),
    ("Seven protesters were shot dead by police.", [("killed", 7)]),
    ("Two guards were fatally shot at the gate.", [("killed", 2)]),
    ("At least 11 people were last night killed in the raid.", [("killed", 11)]),
    ("The bomb killed six civilians and wounded 22 Tuesday.", [("injured", 22), ("killed", 6)]),
    ("Five were killed and over 30 injured Wednesday in the market.", [("injured", 30), ("killed", 5)]),
    ("Nine shoppers were wounded by a grenade in the market.", [("injured", 9)]),
    ("Twelve others had sustained injuries in the ambush.", [("injured", 12)]),
    ("Six passengers survived the crash with injuries.", [("injured", 6)]),
    ("An additional 22 were treated for injuries at the clinic.", [("injured", 22)]),
    ("Five children - two of them brothers - were killed in the shelling.", [("killed", 2), ("killed", 5)]),
    ("The killing of six traders sparked protests in the town.", [("killed", 6)]),
    ("Suspected rebels killed more than 30 Tuaregs near the border.", [("killed", 30)]),
    ("Twelve people were rushed to hospital after the blast.", [("injured", 12)]),
    ("Nine were admitted to hospital with burns.", [("injured", 9)]),
    ("Five people were shot and wounded outside the bar.", [("injured", 5)]),
    ("Attackers stabbed and slashed to death 11 people at the party.", [("killed", 11)]),
    ("At least four others (all civilians) were injured in the raid.", [("injured", 4)]),
    ("Twelve men were abducted and beaten by the gang.", [("captured", 12)]),  # "beaten" is no kind of its own
    ("Gunmen killed a family of six in a night attack.", [("killed", 6)]),
    ("An elderly couple were found dead in their flat.", [("killed", 2)]),
    ("Mourners buried 14 victims of the massacre on Sunday.", [("killed", 14)]),
    ("Five miners were said to have died underground.", [("killed", 5)]),
    ("The blast left 14 people with injuries.", [("injured", 14)]),
    ("Gunmen killed the village head near the river.", [("killed", 1)]),
    # a partitive of a pronoun is read after the pronoun, not after its antecedent
    ("Nine more people were injured. One of those killed was a guard.", [("injured", 9), ("killed", 1)]),
])
def test_more_ways_of_saying_it(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The storm could kill 3,000 people along the coast.",  # a projection
    "Officials killed 12 proposals at the meeting.",  # not people
    "The rebels killed or wounded 25 soldiers.",  # one figure of two kinds
    "The raid killed and wounded 40 people.",
    "The 42-year-old mother of three died at home.",  # her children are no victims ...
    "The company lost 200 workers to its rivals last year.",
    "Officials took 30 reporters to the hospital for a tour.",
    "The talks took a couple of days.",
    "The company buried 30 tonnes of waste near the village.",
])
def test_not_counts(ex, text: str) -> None:
    assert [c for c in _run(ex, text)["casualties"] if (c["count"] or 0) > 1] == []


# -- hedged counts -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, count", [
    ("Twelve people were feared dead after the ferry sank.", 12),
    ("Fourteen villagers are presumed killed in the landslide.", 14),
    ("Gunmen reportedly killed eight traders on the highway.", 8),
    ("Five climbers are believed to have died on the mountain.", 5),
    ("No fewer than 10 herders were feared killed in the clash.", 10),
])
def test_hedged(ex, text: str, count: int) -> None:
    (c,) = _run(ex, text)["casualties"]
    assert (c["count"], c["hedged"]) == (count, True)


@pytest.mark.parametrize("text", [
    "Six people were killed, police reported.",
    "Troops killed seven men believed to be smugglers.",  # the belief is about who they were
    "Police feared the protest would turn violent; 3 people were injured.",
])
def test_not_hedged(ex, text: str) -> None:
    cas = _run(ex, text)["casualties"]
    assert cas and not any(c["hedged"] for c in cas)


# -- background counts and forecasts ----------------------------------------------------------------
@pytest.mark.parametrize("text, background", [
    ("A fire killed 27 people at a bar on Saturday. In 2009, 66 people died in a nightclub fire in the city.",
     {27: False, 66: True}),
    ("It was the strongest quake since the 2005 quake, which killed 73,000 people.", {73000: True}),
    ("More than 300 people have died since the start of the insurgency.", {300: True}),
    ("More than 100 people have died in such raids since November. On Monday, six civilians were killed.",
     {100: True, 6: False}),
    ("The quake, the deadliest since 2005, killed 235 people on Monday.", {235: False}),  # a comparison
    ("On 12 March 2019 five people were killed in the town.", {5: False}),  # the event's own full date
    ("At least 15 people have died since Friday in the clashes.", {15: False}),  # the event's own days
    # tallies over a whole war, and rates, are no event's count
    ("The conflict has claimed more than 14,000 lives in the east.", {14000: True}),
    ("Nearly 9,000 people have died in the war, the agency said.", {9000: True}),
    ("An eight-year insurgency that has killed 3,000 people shows no sign of ending.", {3000: True}),
    ("The army says it is killing about 500 fighters every day.", {500: True}),
    ("More than 300 people have died in 10 years of civil war.", {300: True}),
    ("More than 80 teachers have been killed since the invasion began.", {80: True}),
    ("Gunmen killed nine men in a conflict over land in the north.", {9: False}),  # one clash
    ("The war killed 3 people in the town on Monday.", {3: False}),  # that day's count
    ("Gunmen killed 12 villagers in two days of raids.", {12: False}),
    ("At least 29 people have been killed so far in the bombing.", {29: False}),  # a rising toll of one event
])
def test_background(ex, text: str, background: dict[int, bool]) -> None:
    assert {c["count"]: c["background"] for c in _run(ex, text)["casualties"]} == background


def test_background_against_the_publication_year(ex) -> None:
    text = "In 2024, 40 people were killed in the floods."
    assert [c["background"] for c in ex.extract(text, published="2025-03-01")["casualties"]] == [True]
    assert [c["background"] for c in ex.extract(text, published="2024-09-01")["casualties"]] == [False]
    # a full date two or more years before the article is an earlier event; one of the year before may be recent
    text = "The reporter died on September 4, 2014, in the east."
    assert [c["background"] for c in ex.extract(text, published="2022-02-16")["casualties"]] == [True]
    text = "Five people were killed on 30 December 2021 in the town."
    assert [c["background"] for c in ex.extract(text, published="2022-01-02")["casualties"]] == [False]


@pytest.mark.parametrize("text", [
    "Seismologists gave a 42% chance of more than 10,000 deaths.",
    "The death toll is expected to reach 500.",
    "Officials warned of the risk of 2,000 deaths if the dam breaks.",
])
def test_forecasts_are_no_casualties(ex, text: str) -> None:
    assert _run(ex, text)["casualties"] == []


# -- stated zeros ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("No one was hurt in the blast.", [("injured", 0)]),
    ("Nobody died, the fire brigade said.", [("killed", 0)]),
    ("No casualties were reported.", [("injured", 0), ("killed", 0)]),
    ("The governor reported no injuries after the strike.", [("injured", 0)]),
    ("None of the passengers were injured.", [("injured", 0)]),
    ("There was no damage or casualties in the port.", [("injured", 0), ("killed", 0)]),
    ("Nobody was killed or injured in the derailment.", [("injured", 0), ("killed", 0)]),
    ("The patrol escaped without casualties.", [("injured", 0), ("killed", 0)]),
])
def test_stated_zeros(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "No one should die for their beliefs.",  # a norm
    "No one will be hurt, the mayor promised.",  # a future
    "Was anyone hurt? Nobody knows yet.",  # a question, and no casualty predicate
    "If nobody is injured, the match will go on.",  # a condition
    "There were no immediate reports of casualties.",  # nothing known yet
    "No one is safe in this city.",  # a present generic
])
def test_not_stated_zeros(ex, text: str) -> None:
    assert _run(ex, text)["casualties"] == []


# -- totals: the article's own figure -----------------------------------------------------------------
@pytest.mark.parametrize("text, kind, count", [
    # an overall toll wins
    ("Gunmen killed 12 villagers in the north. The death toll later rose to 15.", "killed", 15),
    # the largest count that is no subset
    ("An airstrike killed 20 people, including eight children.", "killed", 20),
    ("Shelling killed 15 people, eight of them civilians.", "killed", 15),
    # parts without a stated total are summed
    ("Ten civilians and five policemen were killed in the ambush.", "killed", 15),
    ("Rebels killed him and his two brothers.", "killed", 3),
    ("The attackers killed a woman, two children and four men.", "killed", 7),
    # ... but a breakdown of a stated total is not
    ("Fifteen people (10 civilians and five policemen) were killed.", "killed", 15),
    ("Fifteen people were killed in the city. Ten men and five women died in the market district.", "killed", 15),
    # a count in addition to an earlier one adds; "others" after another kind only contrasts
    ("Nine people died of cholera in the camp. Eleven others were killed in clashes.", "killed", 20),
    ("Five people were killed on Friday. The following day, four more people died.", "killed", 9),
    ("Raids killed four people and wounded 37 on Sunday. A similar raid killed another four civilians and "
     "injured 20 on Monday.", "injured", 57),  # the whole clause of "another" is in addition
    ("Raids killed four people and wounded 37 on Sunday. A similar raid killed another four civilians and "
     "injured 20 on Monday.", "killed", 8),
    ("The blast killed five people and wounded 10 others.", "injured", 10),
    # hedged counts only when nothing firmer exists
    ("Twelve people were feared dead. Police later confirmed 9 bodies were recovered.", "killed", 9),
    ("Twenty miners are feared dead after the collapse.", "killed", 20),
    # background counts and forecasts never count
    ("A gas explosion killed 27 people at a bar on Saturday. In 2009, 66 people died in a nightclub fire "
     "in the same city.", "killed", 27),
    ("The earthquake killed 235 people, officials said. Seismologists gave a 42% chance of more than "
     "10,000 deaths.", "killed", 235),
    # incidents: "In a separate incident" starts another one, whose figure adds ...
    ("Gunmen killed five people in the market. In a separate incident, three farmers were killed on a road.",
     "killed", 8),
    # ... unless the figure before them covers them all
    ("Sixteen people were killed in two separate incidents. In the first incident, 13 people died. In the second "
     "incident, three herders were killed.", "killed", 16),
    ("Six people were killed by shelling in the border towns. Three people were killed in the first town. "
     "Separately, three people were killed in the second town.", "killed", 6),
    # a stated zero only when nothing is above zero
    ("Two people were injured in the north. In the south no one was hurt.", "injured", 2),
    ("No one was hurt when the wall collapsed.", "injured", 0),
])
def test_totals(ex, text: str, kind: str, count: int) -> None:
    assert _total(ex, text, kind) == count


def test_totals_evidence_and_qualifier_of_a_sum(ex) -> None:
    text = "At least 10 civilians and five policemen were killed in the ambush."
    fig = _run(ex, text)["totals"]["casualties"]["killed"]
    assert (fig["count"], fig["qualifier"]) == (15, "at_least")
    assert fig["text"].startswith("At least 10 civilians")  # the first part's evidence


def test_totals_absent_kind_and_vague_only(ex) -> None:
    rec = _run(ex, "Dozens were killed in the fighting.")
    assert "injured" not in rec["totals"]["casualties"]
    fig = rec["totals"]["casualties"]["killed"]
    assert (fig["count"], fig["vague"]) == (None, "Dozens")
    assert _run(ex, "The talks resumed on Monday.")["totals"] == {"casualties": {}, "weapons": []}


def test_totals_sum_distinct_incidents_in_different_regions(ex) -> None:
    text = "A missile injured three people in Kharkiv. In Odesa, a drone injured two people."
    assert _total(ex, text, "injured") == 5
    # a figure tied to no region may be the overall one: no sum
    assert _total(ex, "Missiles injured five people. In Odesa, a drone injured two people.", "injured") == 5


@pytest.mark.parametrize("text, count", [
    ("Air defences shot down 20 drones: ten over Bryansk and eight over Kursk.", 20),  # a breakdown
    ("Air defences shot down ten drones over Bryansk and eight over Kursk.", 18),  # parts
])
def test_weapon_totals(ex, text: str, count: int) -> None:
    (fig,) = _run(ex, text)["totals"]["weapons"]
    assert (fig["weapon"], fig["action"], fig["count"]) == ("drone", "shot_down", count)


# -- totals.py on its own -------------------------------------------------------------------------------
def _e(start: int, count: int | None, *, role: str = "count", list_id: int | None = None, adds: bool = False,
       **fields: Any) -> Entry:
    """An entry of kind killed (or `fields["kind"]`); `fields` may set hedged, background, qualifier, place."""
    data = {"kind": "killed", "count": count, "qualifier": "exact", "vague": None if count is not None else "dozens",
            "who": None, "place": None, "text": "x", "start": start, "end": start + 1, "hedged": False,
            "background": False, **fields}
    return Entry(data, 0, start, role=role, list_id=start if list_id is None else list_id, adds=adds)


def test_figures_sum_lists_chain_additions_and_drop_subsets() -> None:
    figs = figures([_e(0, 10), _e(5, 5, list_id=0), _e(9, 2, role="subset"), _e(20, 3, adds=True), _e(30, 4)])
    assert [f.count for f in figs] == [18, 4]


@pytest.mark.parametrize("entries, count, qualifier", [
    ([_e(0, 5), _e(10, 30, role="toll"), _e(20, 40)], 30, "exact"),  # the toll wins over a larger count
    ([_e(0, 5, qualifier="at_least"), _e(10, 3, list_id=0)], 8, "at_least"),  # the least committal part decides
    ([_e(0, 12, hedged=True), _e(10, 9)], 9, "exact"),  # firm beats hedged
    ([_e(0, 12, hedged=True)], 12, "exact"),  # ... which is used when nothing else is there
    ([_e(0, 66, background=True), _e(10, 27)], 27, "exact"),
    ([_e(0, 0), _e(10, 2)], 2, "exact"),  # a zero only when nothing is above zero
    ([_e(0, 0)], 0, "exact"),
    ([_e(0, 6, role="subset"), _e(10, 8, role="subset", list_id=0)], 14, "exact"),  # subsets are all there is
    ([_e(0, None)], None, "about"),  # vague only
])
def test_casualty_total(entries: list[Entry], count: int | None, qualifier: str) -> None:
    fig = casualty_total(entries)
    assert fig is not None and (fig["count"], fig["qualifier"]) == (count, qualifier)


def test_casualty_total_nothing_to_say() -> None:
    assert casualty_total([_e(0, 66, background=True)]) is None
    assert article_totals([], []) == {"casualties": {}, "weapons": []}


def test_distinct_incidents_need_a_region_each() -> None:
    regions = {"Kherson": ("UA", "Khersonska"), "Dnipro": ("UA", "Dnipropetrovska"), "Kyiv": ("UA", "Kyiv")}
    es = [_e(0, 1, place="Kherson"), _e(10, 3, place="Dnipro"), _e(20, 1, place="Kyiv")]
    assert article_totals(es, [], regions)["casualties"]["killed"]["count"] == 5
    es = [_e(0, 1, place="Kherson"), _e(10, 3, place=None)]
    assert article_totals(es, [], regions)["casualties"]["killed"]["count"] == 3
    es = [_e(0, 4, place="Kherson"), _e(10, 3, place="Dnipro"), _e(20, 1, place="Kyiv")]
    assert article_totals(es, [], regions)["casualties"]["killed"]["count"] == 4  # 4 = 3 + 1: a breakdown


# -- second pass (issue 14): lists led by one person, one more, fates, tallies, day-by-day summaries -----------
@pytest.mark.parametrize("text, kind, count", [
    # a list whose first member is one person: the list is summed, not read as a breakdown of the first
    ("Raiders burst into the farmhouse, killing her, her brother and three labourers.", "killed", 5),
    ("Gunmen killed 30 people, 10 civilians and 20 soldiers.", "killed", 30),  # a breakdown of 30 still
    # "another" and "a third" name one more victim of the kind already counted
    ("Two guards were shot dead and a third was wounded at the gate.", "injured", 1),
    ("Two guards were shot dead and a third was wounded at the gate.", "killed", 2),
    ("Two guards died at the scene and a third died later in hospital.", "killed", 3),
    ("Six people were injured by the blast and another was hurt in the stampede.", "injured", 7),
    ("A trader was shot dead on Monday. His business partner was also killed in the raid.", "killed", 2),
    ("Two people were wounded: one seriously and another slightly.", "injured", 2),  # a breakdown
    ("Two protesters were injured; another was arrested.", "injured", 2),
    # a killing in the predicate is the fate of people the phrase calls displaced or kidnapped
    ("Eleven displaced farmers were killed by militiamen near the camp.", "killed", 11),
    ("Four girls who had been abducted from the school were found dead.", "killed", 4),
    # the value of a tally is its kind, whatever follows it
    ("The number of people who died in the floods rose to 31 and 12 others were injured.", "killed", 31),
    ("The number of people who died in the floods rose to 31 and 12 others were injured.", "injured", 12),
    ("The toll now stands at 14 dead and over 40 wounded.", "injured", 40),
    # a summary that goes through the month day by day reports one incident per day
    ("On 4 June gunmen killed three villagers in the hills. On 9 June, bandits killed two herders near the river.",
     "killed", 5),
    ("On the 3rd, a shell killed a woman and her son. On the 11th, a sniper wounded four men. Also on the 11th, "
     "a drone wounded two boys.", "injured", 6),
    ("Four people were killed on 4 June in the town. On 4 June, police said the gunmen had fled.", "killed", 4),
    ("Four were killed in the attack on 4 June. On 6 June, the death toll rose to 7.", "killed", 7),  # an update
    ("Gunmen killed three traders on Monday. On Tuesday, police said three traders were killed.", "killed", 3),
    ("Shelling killed five people in the city on Monday.\nOn 24 February, the first day of the invasion, the city "
     "was shelled for hours.\nThe governor said four people were killed in the market district.", "killed", 5),
    # a day's report ends with its paragraph
    ("More than 50 people have been killed since Friday. On the 10th, four soldiers died in an ambush.",
     "killed", 50),  # a running figure covers the days after it
    # one person of a nationality
    ("A Briton was stabbed to death in the resort town.", "killed", 1),
    ("Soldiers shot dead a Palestinian at the checkpoint.", "killed", 1),
])
def test_second_pass_totals(ex, text: str, kind: str, count: int) -> None:
    assert _total(ex, text, kind) == count


@pytest.mark.parametrize("text, expected", [
    ("Eight injured residents were evacuated from the tower.", [("injured", 8)]),  # not their fate
    ("Five men who were kidnapped last month have been freed.", [("captured", 5)]),
    ("He finished second and a third runner was disqualified.", []),
    ("The Palestinian Authority condemned the attack.", []),
    ("An American company said its plant was hit.", []),
    ("The coalition partner said the vote would go ahead.", []),
    ("The gang held the family hostage for three days.", []),
    ("The plot aimed at taking him hostage.", []),
])
def test_second_pass_readings(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


# -- second pass: wounds in a limb, people with wounds, the fate of people hit --------------------------------
@pytest.mark.parametrize("text, expected", [
    ("A nurse was shot in the leg outside the clinic.", [("injured", 1)]),
    ("Gunmen stabbed him in the arm during the robbery.", [("injured", 1)]),
    ("Two boys were hit in the legs by shrapnel.", [("injured", 2)]),
    ("A guard was shot in the leg and died later in hospital.", [("killed", 1)]),  # a killing follows
    ("A nurse in the ward was said to have been shot in the hand.", [("injured", 1)]),
    ("Ten men with gunshot wounds were brought to the clinic.", [("injured", 10)]),
    ("Six children with fatal wounds were found in the rubble.", [("killed", 6)]),
    # harm is an injury when the report says how bad it was
    ("Another hostage was seriously beaten by the guards.", [("injured", 1)]),
    ("Two firefighters were badly burned in the blaze.", [("injured", 2)]),
    ("Police brutally beat three students at the gate.", [("injured", 3)]),
    ("Five villagers were severely beaten and later died.", [("killed", 5)]),
    # a hyphenated word split by the tokenizer counts its last part; "both" is two; a glued year is no count
    ("Two ex-soldiers were shot to death at the market.", [("killed", 2)]),
    ("Three co-workers were injured in the blast.", [("injured", 3)]),
    ("A driver and his nephew were ambushed. Both were killed on the spot.", [("killed", 2)]),
    ("Both of them were wounded in the raid.", [("injured", 2)]),
])
def test_limb_wounds_and_people_with_wounds(ex, text: str, expected: list[tuple[str, int]]) -> None:
    assert _cas(ex, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The striker hit the ball with his left foot.",
    "He shot a video on his hand-held phone.",
    "Police arrested 12 men with knives.",
    "Three villagers in the hamlet were said to be angry.",
    "Police shot three suspects after gunmen killed two officers.",  # a clause of its own is no result
    "The team was badly beaten in the final.",
    "Both sides blamed each other for the attack.",
    "Twelve men were abducted and beaten by the gang.",  # no word of how bad
])
def test_no_wounded_limbs(ex, text: str) -> None:
    assert [c for c in _run(ex, text)["casualties"] if c["kind"] in ("injured", "killed") and c["count"] == 3
            or c["kind"] == "injured"] == []


@pytest.mark.parametrize("text, killed, injured", [
    ("Four people were shot, two of them fatally, outside a bar.", 2, 2),
    ("At least five people were shot, one fatally.", 1, 4),
    ("A gunman shot five people, killing two.", 2, 3),
    ("Six people were shot on Friday; two of them died.", 2, 4),
    ("Twenty people were wounded, two of whom later died.", 2, 18),
    ("Gunmen killed four people on Monday. Two guards were injured, one of whom later died.", 5, 1),
    # the dead are all of them, or not among them
    ("Seven people were shot dead and two of them were children.", 7, None),
    ("Troops shot two men dead and wounded a third.", 2, 1),
    ("Police shot three suspects after gunmen killed two officers.", 2, None),
    ("Nine people were wounded in the blast and two soldiers were killed.", 2, 9),
])
def test_fates_of_people_hit(ex, text: str, killed: int | None, injured: int | None) -> None:
    assert (_total(ex, text), _total(ex, text, "injured")) == (killed, injured)


def test_a_year_glued_to_the_next_sentence_is_no_count(ex) -> None:
    text = "Rights groups counted at least nine murders in 2021.The body was found on a beach."
    assert all(c["count"] != 2021 for c in _run(ex, text)["casualties"])
