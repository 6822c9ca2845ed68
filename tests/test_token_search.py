"""token_search: the tokens with given words, found from attribute arrays; the same as a walk."""

from __future__ import annotations

import pytest

from extractor.rules.token_search import indices_where, tokens_where


def _walk(doc, attr: str, keep) -> list[int]:
    def value(t) -> str:
        return {"ORTH": t.text, "LOWER": t.lower_, "LEMMA": t.lemma_, "TAG": t.tag_,
                "LEMMA_LOWER": t.lemma_.lower()}[attr]
    test = keep.__contains__ if isinstance(keep, (set, frozenset)) else keep
    return [t.i for t in doc if test(value(t))]


@pytest.mark.parametrize("text, attr, keep, expected", [
    ("The Times said. The the THE.", "ORTH", {"The"}, ["The", "The"]),  # exact: not "the", "THE"
    ("The Times said. The the THE.", "LOWER", {"the"}, ["The", "The", "the", "THE"]),
    ("Killed in action, he was killed.", "LEMMA_LOWER", {"kill"}, ["Killed", "killed"]),
    ("Gunmen shot two men; a third was shooting back.", "LEMMA_LOWER", frozenset({"shoot"}), ["shot", "shooting"]),
    ("a Beijing-based firm, a London-led force", "ORTH", frozenset({"-"}), ["-", "-"]),
    ("Officials said the attack killed two.", "LEMMA_LOWER", {"shoot", "wound"}, []),  # none of the words
    ("He said she said.", "TAG", {"PRP"}, ["He", "she"]),
    ("He said she said.", "LOWER", lambda w: w.endswith("e"), ["He", "she"]),  # a predicate
    ("", "LOWER", {"no"}, []),  # an empty document
])
def test_finds_exactly_the_tokens_a_walk_finds(ex, text: str, attr: str, keep, expected: list[str]) -> None:
    doc = ex.nlp(text)
    found = tokens_where(doc, (attr, keep))
    assert [t.text for t in found] == expected
    assert [t.i for t in found] == _walk(doc, attr, keep)


def test_several_tests_give_their_union_in_order(ex) -> None:
    doc = ex.nlp("No one was hurt, but a soldier and another man died.")
    got = indices_where(doc, ("LOWER", {"one", "another"}), ("LEMMA_LOWER", {"soldier", "man"}))
    assert [doc[i].text for i in got] == ["one", "soldier", "another", "man"]


def test_a_word_set_larger_than_the_document_is_the_same(ex) -> None:
    doc = ex.nlp("A farmer was hurt.")
    many = {f"word{i}" for i in range(500)} | {"farmer"}
    assert indices_where(doc, ("LOWER", many)) == [1]


def test_the_index_is_built_once_per_document_and_attribute(ex) -> None:
    doc = ex.nlp("The drone hit the depot.")
    indices_where(doc, ("LOWER", {"the"}))
    cache = doc.user_data["extractor.token_search"]
    first = cache["LOWER"]
    assert indices_where(doc, ("LOWER", {"drone"})) == [1]
    assert cache["LOWER"] is first


# --- regex_guards: a look-ahead on the first characters never changes what matches -----------------
@pytest.mark.parametrize("words, also, text", [
    (["State Duma", "Duma", "Rada"], "", "The State Duma and the Verkhovna Rada met; duma is lower case."),
    (["seven", "seventy", "a.m."], r"\d", "Seventy-seven died at 7 a.m., seven more at 9."),
    (["(AP)"], "", "WASHINGTON (AP) — text (AP)"),  # a character that needs escaping
])
def test_first_char_guard_keeps_every_match(words: list[str], also: str, text: str) -> None:
    import re

    from extractor.rules.regex_guards import first_char_guard

    body = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + (r"|\d" if also else "") + ")"
    plain, guarded = re.compile(body, re.I), re.compile(first_char_guard(words, also=also) + body, re.I)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)] != []


def test_first_char_guard_of_nothing_is_empty() -> None:
    from extractor.rules.regex_guards import first_char_guard

    assert first_char_guard([]) == ""
    assert first_char_guard(["", "Rada"]) == "(?=[R])"
    assert first_char_guard([], also=r"\d") == r"(?=[\d])"
