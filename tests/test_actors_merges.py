"""Direct tests of the group merges that settle one actor tagged or named two ways
(rules/actors/mislabelled.py, rules/actors/plurals.py: merge_party_names)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from extractor.rules.actors.mislabelled import merge_mislabelled
from extractor.rules.actors.plurals import merge_party_names


@dataclass
class FakeSpan:
    """The two attributes the merges read of a mention."""

    text: str
    start: int


def group(kind: str, *texts: str) -> dict:
    return {"type": kind, "spans": [FakeSpan(t, i * 10) for i, t in enumerate(texts)], "keys": {(kind, texts[0])}}


def names_of(groups: list[dict]) -> list[list[str]]:
    return [[s.text for s in g["spans"]] for g in groups if g["spans"]]


@pytest.mark.parametrize("groups, expected", [
    # a surname tagged ORG joins the one person whose name ends with it
    ([group("PERSON", "Sam Wolde-Price"), group("ORG", "Wolde-Price")], [["Sam Wolde-Price", "Wolde-Price"]]),
    # an organisation's last words tagged PERSON join that organisation
    ([group("ORG", "the Baltic Energy Forum"), group("PERSON", "Energy Forum")],
     [["the Baltic Energy Forum", "Energy Forum"]]),
    # an organisation's acronym tagged PERSON elsewhere
    ([group("ORG", "Kyiv Polling Institute", "KPI"), group("PERSON", "KPI")],
     [["Kyiv Polling Institute", "KPI", "KPI"]]),
    # a person's name tagged ORG next to the surname alone
    ([group("ORG", "Denys Shmyhal"), group("PERSON", "Shmyhal")], [["Shmyhal", "Denys Shmyhal"]]),
    # first names without the surname
    ([group("PERSON", "Sidor Artemyevich Kovpak"), group("PERSON", "Sidor Artemyevich")],
     [["Sidor Artemyevich Kovpak", "Sidor Artemyevich"]]),
])
def test_mislabelled_forms_join(groups: list[dict], expected: list[list[str]]) -> None:
    assert sorted(names_of(merge_mislabelled(groups))) == sorted(expected)


@pytest.mark.parametrize("groups", [
    # two people share the surname: the ORG stays on its own
    [group("PERSON", "Anna Holm"), group("PERSON", "Erik Holm"), group("ORG", "Holm")],
    # a one-word PERSON is no organisation's tail; two people stay apart
    [group("ORG", "the Kovac Foundation"), group("PERSON", "Kovac")],
    [group("PERSON", "Maria Lind"), group("PERSON", "Lind")],
    # an ORG that is no surname of anyone here
    [group("PERSON", "Sam Wolde"), group("ORG", "Gazprom")],
    # a one-word ORG in lower case is no acronym the person could stand for; a longer ORG ending
    # with a person's one-word name is no person's name
    [group("ORG", "Hamas"), group("PERSON", "Hamas")],
    [group("ORG", "the Grand Kovac Regiment of Riga"), group("PERSON", "Riga")],
    # a person's first name alone stays (one word is no first names)
    [group("PERSON", "Maria Lind Berg"), group("PERSON", "Maria")],
])
def test_other_groups_stay_apart(groups: list[dict]) -> None:
    assert len(merge_mislabelled(groups)) == len(groups)


def test_party_joins_its_members() -> None:
    groups = [group("NORP", "the Social Democrats"), group("ORG", "Social Democrat party")]
    out = merge_party_names(groups)
    assert names_of(out) == [["the Social Democrats", "Social Democrat party"]]
    assert out[0]["type"] == "ORG"


@pytest.mark.parametrize("groups", [
    [group("NORP", "the Greens"), group("ORG", "Freedom party")],
    [group("PERSON", "Social Democrat"), group("ORG", "Labour party")],
])
def test_parties_without_a_plain_name_stay(groups: list[dict]) -> None:
    assert len(merge_party_names(groups)) == len(groups)


def test_a_party_named_twice_joins_by_its_first_name_in_text_order() -> None:
    # "Top Kestrel Party" first, then "Kestrel Party": the first name's stem has no group, the second's
    # has; the answer must not depend on the order of a set of names (Python's per-process hashing)
    for _ in range(20):
        groups = [group("ORG", "Top Kestrel Party", "Kestrel Party"), group("NORP", "Kestrels")]
        out = merge_party_names(groups)
        assert [sorted(n) for n in names_of(out)] == [["Kestrel Party", "Kestrels", "Top Kestrel Party"]]


def test_a_party_whose_first_name_has_members_joins_them() -> None:
    groups = [group("NORP", "Top Kestrels"), group("ORG", "Top Kestrel party", "Kestrel party"),
              group("NORP", "Kestrels")]
    out = merge_party_names(groups)
    assert sorted(sorted(n) for n in names_of(out)) == [["Kestrel party", "Top Kestrel party", "Top Kestrels"],
                                                       ["Kestrels"]]
