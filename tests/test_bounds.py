"""Bounded memory and time on pathological input (issue 17).

What is tested here is what a user can rely on: offsets stay exact when text is split, the
split is announced in `warnings`, sentences never exceed the limit, section records merge into
one honest record, huge HTML is slimmed or refused with a clear message. Timing and memory are
the benchmark's (`benchmarks/bench.py --only hostile`), not the tests'.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st

from extractor import html_slim
from extractor.api import Extractor
from extractor.components.layout import detect_layout
from extractor.components.sentence_bounds import (
    bound_sentences,
    merge_split_warnings,
    overlong_sentences,
    plan_cuts,
    split_warning,
    stretch_starts,
)
from extractor.errors import ArticleError
from extractor.gazetteer import fold
from extractor.loading import Article, article_from_html
from extractor.pipeline import pipeline_config
from extractor.rules.counts import amounts
from extractor.rules.entities.common import SpellingIndex, spelling_variant
from extractor.rules.places.variants import VariantIndex, article_form
from extractor.rules.quotes.context import QuoteContext
from extractor.rules.quotes.marks import find_stretches
from extractor.rules.quotes.regions import MAX_PARA_WALK, title_words_before
from extractor.schema import validate
from extractor.sections import merge_records, section_layout, shift_offsets, shift_warning
from tests.conftest import assert_offsets

BLANK = spacy.blank("en")


def _parsed(ex: Extractor, text: str) -> Any:
    """The pretrained part of the pipeline on `text`, as the extractor runs it (cuts included)."""
    doc = ex._parse_one(Article(id="t", text=text))
    assert not isinstance(doc, ArticleError), doc
    return doc


def _splits(warnings: list[str]) -> list[str]:
    return [w for w in warnings if w.startswith("text split:")]


# -- the limit comes from models/config.cfg ----------------------------------------------------------
def test_limit_is_configured_in_models_config(ex):
    limit = pipeline_config()["components"]["extractor_layout"]["max_sentence_tokens"]
    assert ex.max_sentence_tokens == limit == ex.nlp.get_pipe("extractor_layout").max_sentence_tokens


# -- stretches without a sentence end (cut before the parser) -----------------------------------------
LONG_STRETCHES = {
    "one_line_of_words": "drone " * 3000,
    "numbers_in_a_row": " ".join(str(i) for i in range(1, 2001)),
    "quote_marks_in_one_line": "He said \"no\" and she said \"yes\" and " * 150,
    "bare_quote_marks": "\" " * 2000,
    "table_cells": " | ".join(f"Kharkiv {i} {i * 3}" for i in range(600)),
    "one_long_token": "Officials said. " + "QUJD" * 20_000 + " Five people died.",
}


@pytest.mark.parametrize("name", list(LONG_STRETCHES))
def test_long_stretch_cut_into_bounded_sentences(ex, name):
    text = LONG_STRETCHES[name]
    doc = _parsed(ex, text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= ex.max_sentence_tokens
    (warning,) = _splits(doc._.extractor_warnings)
    assert "without a sentence end" in warning and "offsets are unchanged" in warning


@pytest.mark.parametrize("name", list(LONG_STRETCHES))
def test_split_text_keeps_offsets_exact_and_warns(ex, name):
    text = LONG_STRETCHES[name]
    rec = ex.extract(text, id=name, published="2024-11-11")
    validate(rec)
    assert "error" not in rec and rec["article"]["chars"] == len(text)
    assert_offsets(rec, text)
    assert _splits(rec["warnings"])


ORDINARY = {
    "long_list_of_names": "The delegation included " + ", ".join(
        f"{first} {last}" for first, last in zip(["Maria", "Olena", "Tomas", "Aisha", "Kenji", "Leila"] * 10,
                                                 ["Novak", "Petrenko", "Berg", "Okafor", "Sato", "Haddad"] * 10,
                                                 strict=True)) + ", officials said.",
    "long_sentence": "Rescue teams from the regional emergency service, supported by volunteers who had driven "
                     "through the night from neighbouring districts, searched the collapsed apartment block, "
                     "the school gym that had been turned into a shelter and the riverside market until dawn. " * 3,
    "many_paragraphs": "Floods in Valencia killed 200 people.\n\nRescuers searched Paiporta on Thursday.\n\n" * 40,
}


@pytest.mark.parametrize("name", list(ORDINARY))
def test_ordinary_text_is_never_cut(ex, monkeypatch, name):
    """A 180-token list of names, long sentences, many paragraphs: no cut, no warning, and the
    same sentences as with no limit at all."""
    text = ORDINARY[name]
    doc = _parsed(ex, text)
    assert not _splits(doc._.extractor_warnings or [])
    layout = ex.nlp.get_pipe("extractor_layout")
    monkeypatch.setattr(layout, "max_sentence_tokens", 10**9)
    monkeypatch.setattr(ex, "max_sentence_tokens", 10**9)
    unbounded = _parsed(ex, text)
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in unbounded.sents]


def test_cut_prefers_clause_punctuation_then_whitespace():
    doc = BLANK.make_doc(("word " * 30 + "; ") * 40)
    cuts = bound_sentences(doc, 100)
    assert cuts and all(doc[k - 1].text == ";" for k in cuts)
    assert all(b - a <= 100 for a, b in zip([0, *cuts], [*cuts, len(doc)], strict=True))
    doc = BLANK.make_doc("word " * 1000)
    cuts = bound_sentences(doc, 100)
    assert cuts == list(range(100, 1000, 100))


def test_no_cut_at_sentence_ends_or_line_breaks():
    text = ("This is a short sentence. " * 100) + "\n".join(["A line without an end"] * 100)
    doc = BLANK.make_doc(text)
    assert bound_sentences(doc, 50) == []
    assert len(stretch_starts(text, doc.to_array("IDX").tolist())) == 200


def test_cut_never_starts_a_sentence_on_whitespace():
    doc = BLANK.make_doc("word   " * 400)
    cuts = bound_sentences(doc, 60)
    assert cuts and all(not doc[k].is_space for k in cuts)


# -- sentences the parser joins out of short stretches (parsed again) ---------------------------------
@pytest.mark.parametrize("text", ["U.S. " * 800, "No. 5 and No. 6 and " * 200, "Mr. Smith and Mrs. Jones " * 200])
def test_parser_made_long_sentence_is_parsed_again_with_cuts(ex, text):
    doc = _parsed(ex, text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= ex.max_sentence_tokens
    (warning,) = _splits(doc._.extractor_warnings)
    assert "the parser made of short stretches" in warning
    rec = ex.extract(text)
    validate(rec)
    assert_offsets(rec, text)


def test_overlong_sentences_and_plan_cuts_on_a_parsed_doc():
    words = ["Mr."] * 300
    doc = spacy.tokens.Doc(BLANK.vocab, words=words, sent_starts=[True] + [False] * 299)
    assert overlong_sentences(doc, 100) == [(0, 300)]
    cuts = plan_cuts(doc, [(0, 300)], 100)
    assert cuts and all(b - a <= 100 for a, b in zip([0, *cuts], [*cuts, 300], strict=True))
    assert overlong_sentences(doc, 300) == []


def test_split_warnings_of_chunks_fold_into_one_per_kind():
    a = split_warning(3, "stretches of more than 250 tokens without a sentence end", 1500)
    b = split_warning(4, "stretches of more than 250 tokens without a sentence end", 90_000)
    c = split_warning(1, "sentences of more than 250 tokens the parser made of short stretches", 700)
    merged = merge_split_warnings([a, "other", b, c])
    assert merged == [split_warning(7, "stretches of more than 250 tokens without a sentence end", 1500), "other", c]


# -- sections: layout, offsets, merged records --------------------------------------------------------
def test_section_layout_keeps_its_regions_shifted():
    text = "Floods hit Valencia\n\nRain killed 200 people.\n\nRescuers searched Paiporta.\n\nSource: Euro News"
    layout = detect_layout(text)
    cut = text.index("Rescuers")
    first, last = section_layout(layout, 0, cut), section_layout(layout, cut, len(text))
    assert first["title"] == layout["title"] and first["footer"] is None
    assert last["title"] is None
    sub = text[cut:]
    assert sub[last["footer"]["publisher_start"]:last["footer"]["publisher_end"]] == "Euro News"
    assert 0 <= last["body_start"] <= last["body_end"] <= len(sub)


def test_shift_offsets_moves_every_span_but_not_dates():
    part = {"dates": [{"text": "Monday", "start": 5, "end": 11, "period": {"start": "2024-11-11", "end": "2024-11-11"},
                       "mentions": [{"text": "Monday", "start": 5, "end": 11}]}],
            "quotes": [{"start": 1, "end": 4, "fragments": [{"start": 1, "end": 4}], "speaker": {
                "mention": {"start": 20, "end": 25}}, "cue": {"start": 15, "end": 19}}]}
    out = shift_offsets(part, 100)
    assert out["dates"][0]["start"] == 105 and out["dates"][0]["mentions"][0]["end"] == 111
    assert out["dates"][0]["period"] == {"start": "2024-11-11", "end": "2024-11-11"}
    q = out["quotes"][0]
    assert (q["start"], q["fragments"][0]["end"], q["speaker"]["mention"]["start"], q["cue"]["end"]) == \
        (101, 104, 120, 119)
    assert part["quotes"][0]["start"] == 1  # the input is left as it was


def test_shift_warning():
    assert shift_warning("quotes: unbalanced quotation mark at char 12; cut", 1000) == \
        "quotes: unbalanced quotation mark at char 1012; cut"
    assert shift_warning("no offset here", 1000) == "no offset here"


def _actor(aid: str, name: str, start: int, aliases: list[str] | None = None) -> dict[str, Any]:
    return {"id": aid, "name": name, "type": "PERSON", "aliases": aliases or [name], "titles": [],
            "mentions": [{"text": name, "start": start, "end": start + len(name)}]}


def test_merge_records_links_actors_renumbers_and_shifts():
    first = {"actors": [_actor("a1", "Vladimir Putin", 0, ["Putin", "Vladimir Putin"]), _actor("a2", "Ana Lopez", 30)],
             "quotes": [{"id": "q1", "text": "x", "start": 50, "end": 51, "fragments": [],
                         "speaker": {"name": "Ana Lopez", "actor_id": "a2"}}],
             "places": [{"name": "Kyiv", "type": "city", "country_code": "UA", "lat": 50.45, "lon": 30.52,
                         "mentions": [{"text": "Kyiv", "start": 60, "end": 64}]}],
             "dates": [{"text": "Monday", "start": 70, "end": 76, "date": "2024-11-11", "granularity": "day",
                        "period": {"start": "2024-11-11", "end": "2024-11-11"},
                        "mentions": [{"text": "Monday", "start": 70, "end": 76}]}],
             "casualties": [{"kind": "killed", "count": 3, "text": "3 killed", "start": 80, "end": 88}],
             "weapons": [], "warnings": []}
    second = {"actors": [_actor("a1", "Putin", 5), _actor("a2", "Olena Petrenko", 40)],
              "quotes": [{"id": "q1", "text": "y", "start": 10, "end": 11, "fragments": [],
                          "speaker": {"name": "Putin", "actor_id": "a1"}}],
              "places": [{"name": "Kyiv", "type": "city", "country_code": "UA", "lat": 50.45, "lon": 30.52,
                          "mentions": [{"text": "Kyiv", "start": 2, "end": 6}]}],
              "dates": [{"text": "Nov. 11", "start": 20, "end": 27, "date": "2024-11-11", "granularity": "day",
                         "period": {"start": "2024-11-11", "end": "2024-11-11"},
                         "mentions": [{"text": "Nov. 11", "start": 20, "end": 27}]}],
              "casualties": [{"kind": "injured", "count": 5, "text": "5 injured", "start": 30, "end": 39}],
              "weapons": [], "warnings": []}
    out = merge_records([(0, first), (1000, second)])
    assert [a["name"] for a in out["actors"]] == ["Vladimir Putin", "Ana Lopez", "Olena Petrenko"]
    assert [a["id"] for a in out["actors"]] == ["a1", "a2", "a3"]
    assert [m["start"] for m in out["actors"][0]["mentions"]] == [0, 1005]
    assert [q["id"] for q in out["quotes"]] == ["q1", "q2"]
    assert [q["speaker"]["actor_id"] for q in out["quotes"]] == ["a2", "a1"]
    assert len(out["places"]) == 1 and [m["start"] for m in out["places"][0]["mentions"]] == [60, 1002]
    assert len(out["dates"]) == 1 and len(out["dates"][0]["mentions"]) == 2
    assert [c["start"] for c in out["casualties"]] == [80, 1030]


def test_merge_records_keeps_different_actors_apart():
    out = merge_records([(0, {"actors": [_actor("a1", "Ana Lopez", 0)]}),
                         (500, {"actors": [{**_actor("a1", "Ana Lopez", 3), "type": "ORG"}]})])
    assert [(a["name"], a["type"]) for a in out["actors"]] == [("Ana Lopez", "PERSON"), ("Ana Lopez", "ORG")]


PARA = ("Israeli strikes killed 12 people in Gaza City on Monday, the health ministry said. "
        "\"We will respond,\" said Benjamin Netanyahu in Jerusalem on Tuesday.\n\n")


def test_text_longer_than_section_limit_is_one_record_with_exact_offsets(ex):
    small = Extractor(nlp=ex.nlp)
    small.chunk_chars, small.section_chars = 1000, 3000
    text = "Strikes on Gaza\n\n" + PARA * 30 + "Source: Example News"
    rec = small.extract(text, published="2024-11-11")
    validate(rec)
    assert rec["article"]["chars"] == len(text) and rec["article"]["title"] == "Strikes on Gaza"
    assert rec["article"]["publisher"] == "Example News"
    assert assert_offsets(rec, text) > 0
    assert any("sections" in w for w in rec["warnings"])
    netanyahu = [a for a in rec["actors"] if a["name"] == "Benjamin Netanyahu"]
    assert len(netanyahu) == 1 and netanyahu[0]["mentions"][-1]["start"] > small.section_chars
    assert [q["id"] for q in rec["quotes"]] == [f"q{i}" for i in range(1, len(rec["quotes"]) + 1)]
    ids = {a["id"] for a in rec["actors"]}
    assert all(q["speaker"]["actor_id"] in ids for q in rec["quotes"] if q["speaker"] and q["speaker"]["actor_id"])
    assert any(m["start"] > small.section_chars for d in rec["dates"] for m in d["mentions"])


def test_sections_and_chunks_report_split_offsets_in_the_whole_text(ex):
    small = Extractor(nlp=ex.nlp)
    small.chunk_chars, small.section_chars = 3000, 6000
    text = PARA * 10 + "\n\n" + "drone " * 2000
    rec = small.extract(text)
    (warning,) = _splits(rec["warnings"])
    first = int(warning.split("first at char ")[1].split(")")[0])
    assert first > len(PARA * 10)
    assert_offsets(rec, text)


# -- the other rules' walks -----------------------------------------------------------------------------
def _quote_ctx(ex: Extractor, text: str) -> QuoteContext:
    doc = ex.nlp(text)
    return QuoteContext.build(doc, doc.text, find_stretches(doc.text)[0], ex.nlp.get_pipe("extractor_quotes").lexicon)


@pytest.mark.parametrize("filler,found", [(100, True), (MAX_PARA_WALK + 50, False)])
def test_pronoun_look_back_is_bounded_within_a_paragraph(ex, filler, found):
    text = "Anna Kowalska spoke first and " + "then " * filler + "he said it was over."
    ctx = _quote_ctx(ex, text)
    he = next(t for t in ctx.doc if t.lower_ == "he")
    names = [t.text for t in title_words_before(ctx, ctx.doc[he.i:he.i + 1])]
    assert ("Kowalska" in names) is found


def test_look_back_stops_at_the_paragraph_start(ex):
    ctx = _quote_ctx(ex, "Anna Kowalska arrived.\n\nThen he said it was over.")
    he = next(t for t in ctx.doc if t.lower_ == "he")
    assert [t.text for t in title_words_before(ctx, ctx.doc[he.i:he.i + 1])] == ["Then"]


@pytest.mark.parametrize("text", ["QUJ1RD2y" * 5000, "a1" * 20_000 + " 12 drones", "x9 " + "7" * 30_000,
                                  "9" * 300 + " billion"])
def test_amount_windows_over_a_long_run_read_as_the_whole_text(text):
    """A digit-rich run with no space (a base64 blob) is one window, read exactly as the whole text is."""
    by_first = amounts._vague_by_first(tuple(amounts._vague_sequences(())))
    whole: list = []
    amounts._read(text, [amounts._Tok(m) for m in amounts._TOKEN_RE.finditer(text)], by_first, whole, None, None,
                  None)
    assert amounts.find_numbers(text) == whole
    run = max(text.split(), key=len)
    start = text.index(run)
    assert sum(1 for a, b in amounts._windows(text, amounts._start_re(())) if a <= start < b) == 1


# -- HTML ---------------------------------------------------------------------------------------------
def test_slim_html_drops_scripts_styles_svg_comments_but_keeps_json_ld():
    html = ("<html><head><script type='application/ld+json'>{\"datePublished\": \"2024-11-11\"}</script>"
            "<SCRIPT>var a = '</p>';</SCRIPT><style>p{}</style><!-- note --></head><body><svg><path d='M0'/></svg>"
            "<noscript>enable js</noscript><template><p>t</p></template><p>Floods killed 200 people.</p></body></html>")
    slim = html_slim.slim_html(html)
    assert "datePublished" in slim and "<p>Floods killed 200 people.</p>" in slim
    for gone in ("var a", "p{}", "note", "<svg", "enable js", "<template"):
        assert gone not in slim


def test_slim_html_unclosed_script_runs_to_the_end():
    assert html_slim.slim_html("<p>Kept.</p><script>never closed <p>lost</p>") == "<p>Kept.</p>"


def test_nesting_depth():
    assert html_slim.nesting_depth("<div><p>a<br>b<img src=x></p><div/></div>") == 2
    assert html_slim.nesting_depth("<div>" * 500 + "</div>" * 500) == 500
    assert html_slim.nesting_depth("<div>" * 500, cap=100) == 100


def _page(body: str, scripts: int) -> str:
    return ("<!DOCTYPE html><html><head><title>Floods</title>" + "<script>var state = 1;</script>" * scripts
            + f"</head><body><article>{body}</article></body></html>")


ARTICLE = ("<p>Floods in Valencia killed 200 people, regional officials said on Wednesday.</p>"
           "<p>Rescue teams searched for the missing in Paiporta and Catarroja on Thursday.</p>")


def test_large_html_is_slimmed_with_a_warning(monkeypatch):
    monkeypatch.setattr(html_slim, "SLIM_ABOVE", 1000)
    art = article_from_html(_page(ARTICLE, 200), id="page.html")
    assert "Floods in Valencia killed 200 people" in art.text
    assert any(w.startswith("large HTML") and "removed" in w for w in art.warnings)
    small = article_from_html(_page(ARTICLE, 0), id="page.html")
    assert small.text == art.text and small.warnings == []


def test_html_too_large_after_slimming_is_refused(monkeypatch):
    monkeypatch.setattr(html_slim, "SLIM_ABOVE", 1000)
    monkeypatch.setattr(html_slim, "MAX_CHARS", 2000)
    with pytest.raises(ArticleError) as err:
        article_from_html(_page(ARTICLE * 30, 10), id="page.html")
    assert err.value.error_type == "too_long" and "page.html" in err.value.message


def test_deeply_nested_html_says_why_it_has_no_body():
    html = "<!DOCTYPE html><html><body>" + "<div>" * 2000 + ARTICLE + "</div>" * 2000 + "</body></html>"
    with pytest.raises(ArticleError) as err:
        article_from_html(html, id="deep.html")
    assert err.value.error_type == "no_content" and "levels deep" in err.value.message


# -- the indexes that replaced all-pairs comparisons give the old answers -------------------------------
_NAME = st.text(alphabet="abkl e-", min_size=0, max_size=10)


@given(st.sets(_NAME, max_size=30), _NAME)
def test_spelling_index_answers_as_spelling_variant(keys: set[str], k: str) -> None:
    assert SpellingIndex(keys).has_variant(k) is spelling_variant(k, keys)


def _old_variant_group(name: str, r: dict[str, Any], order: list[Any], groups: dict[Any, dict[str, Any]]) -> Any:
    """The loop VariantIndex replaced (every earlier group refolded for each new name)."""
    form = article_form(fold(name))
    for g in order:
        other = groups[g]["res"]
        if r.get("pid") and other.get("pid"):
            continue
        forms = {article_form(fold(other["name"]))} | {article_form(fold(x["name"])) for x in groups[g]["mentions"]}
        if form in forms or spelling_variant(form, forms):
            return g
    return None


@given(st.lists(st.tuples(st.sampled_from(["Kherbet Selm", "Khirbet Selm", "Deir al-Balah", "Deir El-Balah",
                                           "Kharkiv", "Kharkov", "Kharkivka", "Pokrovsk", "Pokrovske", "Bakhmut"]),
                          st.booleans()), max_size=25))
def test_variant_index_answers_as_the_old_loop(seq: list[tuple[str, bool]]) -> None:
    """Replay a merge: each mention either joins the group both methods find or starts a new one;
    a gazetteer reading replaces a name-only one, as in merge_places."""
    groups: dict[Any, dict[str, Any]] = {}
    order: list[Any] = []
    index = VariantIndex()
    for n, (name, gazetteer) in enumerate(seq):
        r = {"name": name, "pid": n + 1 if gazetteer else None}
        m = {"name": name}
        expected = _old_variant_group(name, r, order, groups)
        assert index.find(fold(name), r, groups) == expected
        gid = expected
        if gid is None:
            gid = n
            groups[gid] = {"res": r, "mentions": []}
            order.append(gid)
            index.add_group(gid, name)
        elif groups[gid]["res"].get("pid") is None and r.get("pid"):
            groups[gid]["res"] = r
            index.set_reading(gid, name)
        groups[gid]["mentions"].append(m)
        index.add_mention(gid, name)


def test_variant_index_budget_falls_back_to_identical_forms() -> None:
    index = VariantIndex(budget=3)
    groups: dict[Any, dict[str, Any]] = {}
    for gid, name in enumerate(["Zabcdefg", "Zhijklmn", "Zopqrstu", "Zvwxyzab", "Zarichne"]):
        groups[gid] = {"res": {"name": name, "pid": None}, "mentions": []}
        index.add_group(gid, name)
    assert VariantIndex().find("zarichni", {"pid": None}, groups) is None  # an index never filled
    fresh = VariantIndex()
    for gid, g in groups.items():
        fresh.add_group(gid, g["res"]["name"])
    assert fresh.find("zarichni", {"pid": None}, groups) == 4  # with budget: the close spelling
    assert index.find("zarichni", {"pid": None}, groups) is None and index.exhausted  # budget spent first
    assert index.find("zarichne", {"pid": None}, groups) == 4  # the same form still joins


def _old_fill(mentions: list[dict[str, Any]]) -> None:
    """The old country look-ups of fill_from_sentence (every mention scanned for each)."""
    for m in mentions:
        if m["res"] is not None:
            continue
        res = {"type": "locality", "country_code": None}
        same = [o for o in mentions if o is not m and o["res"] is not None and o["sent"] == m["sent"]]
        same.sort(key=lambda o: ({"region": 0, "city": 1, "village": 1, "country": 2}.get(o["res"]["type"], 3),
                                 abs(o["start"] - m["start"])))
        for o in same:
            if o["res"].get("country_code"):
                res["country_code"] = o["res"]["country_code"]
                break
        if not same and not m["prep"]:
            continue
        if res["country_code"] is None:
            before = [o for o in mentions if o["start"] < m["start"] and o["res"] is not None
                      and o["res"].get("country_code")]
            if before:
                res["country_code"] = before[-1]["res"]["country_code"]
        m["res"] = res
    mentions[:] = [m for m in mentions if m["res"] is not None]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 4), st.sampled_from([None, "UA", "SY", ""]),
                          st.booleans(), st.booleans()), max_size=30))
@example(rows=[(0, 0, None, False, False)] * 18 + [(0, 0, "SY", True, False), (1, 0, None, False, False),
                                                 (19, 0, None, False, False), (37, 0, "UA", True, False)])
def test_fill_from_sentence_answers_as_the_old_scan(rows: list[tuple[int, int, str | None, bool, bool]]) -> None:
    import copy

    from extractor.rules.places.sentence_fill import fill_from_sentence

    lex = SimpleNamespace(water_words=frozenset(), feature_words=frozenset(), street_words=frozenset())
    mentions = [{"name": f"Place{i}", "key": f"place{i}", "start": start, "sent": (sent, sent + 1), "hint": None,
                 "prep": prep, "res": None if not resolved else {"type": "city", "country_code": cc}}
                for i, (start, sent, cc, resolved, prep) in enumerate(sorted(rows, key=lambda r: r[0]))]
    old = copy.deepcopy(mentions)
    fill_from_sentence(mentions, lex)
    _old_fill(old)
    assert [(m["name"], m["res"]["country_code"]) for m in mentions] == \
        [(m["name"], m["res"]["country_code"]) for m in old]


@pytest.mark.parametrize("text", ["Trump's aides said Trump2 and trump met TRUMP in Kyiv; Biden_x and Biden left.",
                                  "Smith-Jones said Smith and Jones arrived."])
def test_untagged_surnames_found_as_by_the_old_pattern(ex, text: str) -> None:
    import re

    from extractor.rules.entities.context import EntityContext
    from extractor.rules.entities.people import untagged_people

    fixer = ex.nlp.get_pipe("extractor_entities")
    doc = ex.nlp.make_doc(text)
    ctx = EntityContext(doc, text, {}, fixer.lex, fixer.matchers, fixer.places, fixer.names)
    surnames = {"trump", "biden", "smith", "jones"}
    found = [(s.start_char, s.end_char) for s in untagged_people(ctx, [], surnames)]
    pattern = re.compile(r"\b(?:" + "|".join(sorted(surnames, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    expected = [(m.start(), m.end()) for m in pattern.finditer(text) if m.group()[:1].isupper()]
    assert found == expected and found


# -- memory follows tokens: token-dense text is chunked, batches are grouped by tokens --------------------
def test_token_dense_text_is_parsed_in_chunks_with_exact_offsets(ex):
    small = Extractor(nlp=ex.nlp)
    small.chunk_tokens = 1000
    text = "Officials said \"no\" and \"yes\". " * 300  # 9,300 characters, about 3,300 tokens
    rec = small.extract(text)
    validate(rec)
    assert any("parsed in" in w and "chunks" in w for w in rec["warnings"])
    assert_offsets(rec, text)
    assert len(rec["quotes"]) == len(ex.extract(text)["quotes"])


def test_token_groups_cap_tokens_per_parse():
    from extractor.api import _token_groups

    docs = [(Article(id=str(n), text="x"), BLANK.make_doc("a " * n)) for n in (400, 300, 500, 900, 100)]
    groups = _token_groups(docs, 1000)
    assert [[a.id for a, _ in g] for g in groups] == [["400", "300"], ["500"], ["900", "100"]]


def test_batch_with_a_sectioned_text_keeps_input_order(ex):
    small = Extractor(nlp=ex.nlp)
    small.chunk_chars, small.section_chars = 1000, 2500
    items = [Article(id="a", text=PARA), Article(id="huge", text=PARA * 30), ArticleError("empty", "e: empty", "e"),
             Article(id="b", text=PARA)]
    recs = small.process_batch(items)
    assert [r["article"]["id"] for r in recs] == ["a", "huge", "e", "b"]
    assert any("sections" in w for w in recs[1]["warnings"]) and recs[2]["error"]["type"] == "empty"
    assert recs[0]["quotes"] == recs[3]["quotes"] and recs[0]["quotes"]
    assert_offsets(recs[1], PARA * 30)


# --- writing a very large record, releasing memory between sections ---------------------------
@pytest.mark.parametrize("pretty", [False, True])
@pytest.mark.parametrize("big_record", [5_000, 2])
def test_jsonl_writer_big_records_are_the_same_whole_lines(tmp_path, monkeypatch, big_record: int,
                                                            pretty: bool) -> None:
    """A record over the big-record size is encoded piece by piece, to exactly the text `dumps`
    gives, and still ends in its newline."""
    from extractor import writers

    monkeypatch.setattr(writers, "_BIG_RECORD", big_record)
    monkeypatch.setattr(writers, "_WRITE_CHARS", 7)
    out = tmp_path / "out.jsonl"
    w = writers.JsonlWriter(out, pretty=pretty)
    records = [{"id": "a", "quotes": ["“x”" * 20, {"n": 1.5, "ok": None}, "é"]}, {"id": "b", "quotes": []}]
    for rec in records:
        w.write(rec)
    w.commit()
    assert out.read_text(encoding="utf-8") == "".join(writers.dumps(r, pretty) + "\n" for r in records)


@pytest.mark.parametrize("big_record", [5_000, 2])
def test_resumable_writer_big_records_are_the_same_whole_lines(tmp_path, monkeypatch, big_record: int) -> None:
    """--resume's writer streams a big record too, to exactly the line `dumps` gives; a torn last
    line and an error record found on resume are dropped, the complete records kept."""
    from extractor import writers

    monkeypatch.setattr(writers, "_BIG_RECORD", big_record)
    monkeypatch.setattr(writers, "_WRITE_CHARS", 7)
    out = tmp_path / "out.jsonl"
    old = {"schema_version": "1", "article": {"id": "old", "sha256": "0" * 64}, "quotes": ["é"] * 3}
    failed = {"schema_version": "1", "article": {"id": "bad"}, "error": {"type": "empty", "message": "bad: empty"}}
    out.write_text(writers.dumps(old) + "\n" + writers.dumps(failed) + "\n" + '{"schema_version": "1", "art',
                   encoding="utf-8")
    w = writers.ResumableJsonlWriter(out)
    assert w.done == {("old", "0" * 64)}
    new = {"schema_version": "1", "article": {"id": "new", "sha256": "1" * 64}, "quotes": ["“x”" * 20, None, 1.5]}
    w.write(new)
    w.commit()
    assert out.read_text(encoding="utf-8") == writers.dumps(old) + "\n" + writers.dumps(new) + "\n"


def test_big_record_write_holds_ctrl_c_until_the_line_is_complete(monkeypatch) -> None:
    """Ctrl-C arriving while a big record is written is raised after its newline, not inside it."""
    import io
    import signal

    from extractor import writers

    class Interrupting(io.StringIO):
        def write(self, s: str) -> int:
            if self.tell() == 0:
                signal.raise_signal(signal.SIGINT)
            return super().write(s)

    monkeypatch.setattr(writers, "_WRITE_CHARS", 5)
    fh = Interrupting()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            writers.write_streamed(fh, {"quotes": list(range(50))})
    finally:
        signal.signal(signal.SIGINT, previous)
    assert fh.getvalue() == writers.dumps({"quotes": list(range(50))}) + "\n"


def test_release_freed_memory_is_safe_to_call_anywhere() -> None:
    """On glibc it trims the heap; elsewhere it does nothing. Either way it never raises."""
    from extractor.sections import release_freed_memory

    release_freed_memory()
    release_freed_memory()
