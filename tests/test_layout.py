"""The layout component: headline, "Source:" footer, byline, dateline, line-break sentences."""

from __future__ import annotations

import pytest

from extractor.components.layout import detect_layout


@pytest.mark.parametrize("text,title", [
    ("Quake kills 12 in Turkey\nAn earthquake struck eastern Turkey on Monday, killing 12 people.",
     "Quake kills 12 in Turkey"),
    ("Floods in Pakistan\n\nHeavy rain flooded Sindh province. Dozens were displaced.", "Floods in Pakistan"),
    ("  Protests spread in Nairobi  \n\nThousands marched through the capital on Tuesday.",
     "Protests spread in Nairobi"),
])
def test_headline_found(text, title):
    layout = detect_layout(text)
    assert layout["title"]["text"] == title
    assert text[layout["title"]["start"]:layout["title"]["end"]] == title


@pytest.mark.parametrize("text", [
    "An earthquake struck eastern Turkey on Monday. It killed 12 people.",  # one paragraph, no headline
    "The train derailed near Odisha.\nRescuers worked through the night to reach the carriages.",  # sentence
    "",
    # a lead paragraph after a dateline, standing alone, is no headline
    "MINSK, 28 January (BelTA) –The president spoke to parliament on Friday about the sanctions and the "
    "border, BelTA has learned.\n\nHe said more talks would follow.",
    "BRUSSELS (AP) – Germany on Friday accused military agents of hacking the party of the chancellor.\n\nMore.",
])
def test_no_headline(text):
    assert detect_layout(text)["title"] is None


@pytest.mark.parametrize("line,publisher", [
    ("Source: Euro News", "Euro News"),
    ("Source - Reuters", "Reuters"),
    ("Via: Al Jazeera", "Al Jazeera"),
])
def test_footer_publisher(line, publisher):
    text = f"Headline here\nBody text of the article goes on for a while here.\n{line}"
    footer = detect_layout(text)["footer"]
    assert footer["publisher"] == publisher
    assert text[footer["publisher_start"]:footer["publisher_end"]] == publisher


def test_footer_not_taken_from_body_sentence():
    text = "Headline\nThe source: a senior official who asked not to be named, said the talks failed last week."
    assert detect_layout(text)["footer"] is None


@pytest.mark.parametrize("body,place,agency", [
    ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight.", "KYIV, Ukraine", "Associated Press"),
    ("KHARTOUM — Fighting resumed in the Sudanese capital on Sunday.", "KHARTOUM", None),
    ("GAZA CITY (Reuters) - Israeli strikes hit the north of the enclave.", "GAZA CITY", "Reuters"),
])
def test_dateline(body, place, agency):
    text = f"Headline of the story\n\n{body}"
    d = detect_layout(text)["dateline"]
    assert d["place"] == place and d["agency"] == agency
    assert text[d["place_start"]:d["place_end"]] == place


@pytest.mark.parametrize("body", [
    "The UN said — in a statement — that aid was blocked.",
    "NATO allies met in Brussels on Tuesday.",
])
def test_no_dateline(body):
    assert detect_layout(f"Headline of the story\n\n{body}")["dateline"] is None


def test_headline_does_not_merge_with_body_sentence(ex):
    doc = ex.nlp("Russia Denies Trump-Putin Call on Ukraine Escalation\nRussia has firmly denied reports.")
    first_sent = next(doc.sents)
    assert "\n" not in first_sent.text.strip()
    assert all("\n" not in ent.text for ent in doc.ents)


@pytest.mark.parametrize("text", [
    "First line\nSecond line here.",
    "Para one.\n\nPara two.\n\n\nPara three",
    "Trailing break\n",
    "\nLeading break and \r\n a Windows break",
    "x \n y\n\n\n z",
    "No break at all, one sentence.",
])
def test_every_line_break_starts_a_sentence(ex, text):
    """The token after any line break starts a sentence (unless it is itself a run of breaks)."""
    from extractor.components.layout import LayoutComponent

    doc = LayoutComponent(ex.nlp, "layout")(ex.nlp.make_doc(text))
    after_break = {t.i for t in doc[1:] if "\n" in doc[t.i - 1].text_with_ws and "\n" not in t.text}
    assert {t.i for t in doc[1:] if t.is_sent_start} == after_break


@pytest.mark.parametrize("text, place, agency", [
    ("MINSK, 28 January (BelTA) –The president spoke to parliament on Friday about the sanctions and the "
     "border.\n\nHe said more talks would follow.", "MINSK", "BelTA"),
    ("BRUSSELS (AP) – Germany on Friday accused military agents of hacking the party of the chancellor.\n\nMore.",
     "BRUSSELS", "Associated Press"),
])
def test_dateline_opening_the_first_line(text, place, agency):
    dl = detect_layout(text)["dateline"]
    assert (dl["place"], dl["agency"]) == (place, agency)


@pytest.mark.parametrize("text", [
    "U.S.-RUSSIA TALKS STALL\n\nThe body text follows here and is long enough to be a paragraph.",
    "KYIV, Ukraine (AP) — Russia fired missiles\n\nThe body text follows here.",  # short: a headline
])
def test_short_or_hyphenated_first_lines_stay_headlines(text):
    assert detect_layout(text)["title"] is not None
