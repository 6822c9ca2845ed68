"""The memoised attribute ruler and lemmatizer set exactly what the stock components set."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from extractor.components import tagging_memo
from extractor.components.tagging_memo import LowerClasses, MemoAttributeRuler, MemoLemmatizer, memoise_tagging
from extractor.pipeline import DEFAULT_MODEL

# Sentences of our own that reach the ruler's rarer patterns: the two-token ones ("gonna",
# "y'all", "let's", "c'mon", "ain't", "there is"), contractions, whitespace tokens, and the
# lemmatizer's exceptions, plural and past forms, and words it has no entry for.
SENTENCES = [
    "We're gonna need more generators, y'all know that, and let's not pretend otherwise.",
    "C'mon, it ain't over: there is still time, and there were two convoys left.",
    "The mice ran; the geese flew.  The children were better off than their parents had been.",
    "He'd said they'd go, but she didn't, and I'm not sure whether it's true or if it'll rain.",
    "Officials  said\n\nthe   strikes hit 12 substations overnight, knocking out power to 40,000 homes.",
    "Zelenskyy's aides briefed reporters about Shahed-136 drones and Kinzhal missiles.",
    "Nothin' was left of the houses, the residents said, y' know, nuthin'.",
]


@pytest.fixture(scope="module")
def pair() -> tuple[spacy.Language, spacy.Language]:
    stock = spacy.load(DEFAULT_MODEL)
    memo = spacy.load(DEFAULT_MODEL, vocab=stock.vocab)
    memoise_tagging(memo)
    return stock, memo


def _annotated(nlp: spacy.Language, base: spacy.Language, text: str) -> numpy.ndarray:
    with base.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = base(text)
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(doc))
    return doc.to_array([TAG, POS, MORPH, LEMMA, DEP])


def test_memo_components_replace_the_stock_ones(pair) -> None:
    _, memo = pair
    assert type(memo.get_pipe("attribute_ruler")) is MemoAttributeRuler
    assert type(memo.get_pipe("lemmatizer")) is MemoLemmatizer
    assert memo.pipe_names == spacy.load(DEFAULT_MODEL).pipe_names  # same names, same places


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_stock(pair, text: str) -> None:
    stock, memo = pair
    for _ in range(2):  # the second pass answers from the memos
        assert numpy.array_equal(_annotated(stock, stock, text), _annotated(memo, stock, text))


def test_lemma_memo_is_bounded_and_still_exact(pair, monkeypatch) -> None:
    stock, memo = pair
    monkeypatch.setattr(tagging_memo, "LEMMA_MEMO_SIZE", 5)
    for text in SENTENCES:
        assert numpy.array_equal(_annotated(stock, stock, text), _annotated(memo, stock, text))
        assert len(memo.get_pipe("lemmatizer")._memo) <= 5 + 40  # emptied before each Doc once full
        assert not memo.get_pipe("lemmatizer").cache  # the stock cache is not kept


def test_lemma_tables_written_by_to_disk_are_the_stock_ones(pair, tmp_path) -> None:
    """The set-based index is used only while a Doc is lemmatised: what is saved is the model's."""
    stock, memo = pair
    memo.get_pipe("lemmatizer")(memo("The geese flew."))
    memo.get_pipe("lemmatizer").to_disk(tmp_path / "lemmatizer")
    stock.get_pipe("lemmatizer").to_disk(tmp_path / "stock")
    assert (tmp_path / "lemmatizer" / "lookups" / "lookups.bin").read_bytes() == (
        tmp_path / "stock" / "lookups" / "lookups.bin").read_bytes()


@pytest.mark.parametrize(("pattern", "word", "same_class_as"), [
    ({"LOWER": "gon"}, "gon", None),  # named: its own class
    ({"LOWER": {"IN": ["is", "are"]}}, "are", None),
    ({"LOWER": {"REGEX": "^y'?$"}}, "y'", "y"),  # passes the same regex tests as "y"
])
def test_lower_classes_keep_what_patterns_tell_apart(pattern, word: str, same_class_as: str | None) -> None:
    nlp = spacy.blank("en")
    classes = LowerClasses(nlp.vocab, [[pattern]])
    h = nlp.vocab.strings.add(word)
    other = nlp.vocab.strings.add("substation")
    assert classes(h) != classes(other)
    if same_class_as is None:
        assert classes(h) == h
    else:
        assert classes(h) == classes(nlp.vocab.strings.add(same_class_as))


@pytest.mark.parametrize("pattern", [{"TAG": "NN"}, {"LOWER": {"REGEX": "^x"}}])
def test_lower_classes_merge_words_no_pattern_tells_apart(pattern) -> None:
    nlp = spacy.blank("en")
    classes = LowerClasses(nlp.vocab, [[pattern]])
    assert classes(nlp.vocab.strings.add("substation")) == classes(nlp.vocab.strings.add("generator"))


def test_lower_classes_fall_back_to_the_word_for_other_tests() -> None:
    nlp = spacy.blank("en")
    classes = LowerClasses(nlp.vocab, [[{"LOWER": {"NOT_IN": ["a"]}}]])
    a, b = nlp.vocab.strings.add("substation"), nlp.vocab.strings.add("generator")
    assert classes(a) == a and classes(b) == b


def test_other_kinds_of_components_are_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})  # lookup mode: not the rule lemmatizer
    memoise_tagging(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is not MemoLemmatizer
    bare = spacy.blank("en")
    memoise_tagging(bare)  # nothing to replace
    assert bare.pipe_names == []


def test_ruler_memo_forgets_when_patterns_change() -> None:
    """Patterns removed or added (clear, from_disk, add) must not be answered from the memo."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("extractor_attribute_ruler")
    ruler.add([[{"LOWER": "drone"}]], {"POS": "NOUN"})
    assert nlp("drone")[0].pos_ == "NOUN"
    ruler.clear()
    ruler.add([[{"LOWER": "missile"}]], {"POS": "NOUN"})
    assert nlp("drone")[0].pos_ == ""  # no pattern names it any more
    assert nlp("missile")[0].pos_ == "NOUN"
