"""Find and parse the amounts written in news text ("1,200", "2.4 million", "Fifty-four", "a dozen").

Why a module of its own: the casualty and weapon rules only decide *what* is counted; how a
number is written (digits with separators, decimals with a scale word, spelled-out words,
ranges, vague amounts, qualifiers such as "at least") is the same everywhere, and easy to get
subtly wrong, so it lives here with its own tests. Spelled-out numbers are parsed by the
`text2num` library (`text_to_num.text2num`), not by a table of our own.

Everything works on plain strings and character offsets, so it needs no spaCy objects.

Ranges: "10 to 12", "10-12", "between 10 and 12" are reported with `value` = the LOWER bound,
`high` = the upper bound and qualifier `at_least` (the figure the source commits to).
"from 10 to 12" is a change, not a range: the first number is flagged `superseded` and the
second is an ordinary exact number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..regex_guards import first_char_guard
from ..string_memo import string_memo

#: Word tokens, digit groups (with thousands separators / decimals) and single symbols.
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d[\d,]*(?:\.\d+)?|\S")
_DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"])
_MONEY_BEFORE = frozenset(["$", "€", "£", "¥", "₴", "₽", "₹"])
_MONEY_AFTER = frozenset(["dollars", "dollar", "euros", "euro", "pounds", "pound", "usd", "eur", "hryvnias",
                          "rubles", "roubles", "yuan", "yen", "rupees"])
_PERCENT_AFTER = frozenset(["%", "percent", "per", "pct"])
_TIME_RE = re.compile(r"\s*(?:[ap]\.?m\b\.?|gmt\b|utc\b|o'clock\b|:\d\d\b|h\d\d\b)", re.I)
_ONE_PRONOUN = frozenset(["no", "every", "any", "each", "another", "some"])  # "no one", "every one"
_AGE_BEFORE = frozenset(["aged", "age", "ages"])
#: Suffixes glued to digits that make a scale ("1.5m", "2bn", "10k").
_GLUED_SCALE = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_ORDINAL_SUFFIX = frozenset(["st", "nd", "rd", "th"])
#: The single words that are numbers. text2num parses them; this list only decides which words are
#: worth asking it about, and lets `find_numbers` skip the stretches of text that hold no number.
NUMBER_WORDS = frozenset([
    "zero", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    "million", "billion"])
#: How far (in characters) around a possible number `find_numbers` reads: wide enough for the longest
#: spelled-out range with its qualifier ("at least one hundred and twenty to one hundred and fifty").
_BEFORE, _AFTER = 80, 200
#: Tokens further apart than this (in characters) are read separately (see `_read`).
_GAP = 40


@dataclass
class NumberMatch:
    """One amount found in a text. `start`/`end` cover the number itself (both ends of a range);
    `qstart` also covers a qualifier written before it ("at least six")."""

    start: int
    end: int
    text: str
    value: int | None
    qualifier: str = "exact"
    qstart: int = -1
    high: int | None = None
    vague: str | None = None
    skip: str | None = None  # why this is not a count: ordinal, age, money, percent, time, date, compound, model

    def __post_init__(self) -> None:
        if self.qstart < 0:
            self.qstart = self.start


@string_memo(4096)
def word_value(word: str) -> int | None:
    """Value of one spelled-out number word ("six", "twenty", "million"), via text2num; None otherwise.

    Plural forms ("tens", "hundreds") and one-letter words ("o") are vague or not numbers at all,
    although text2num accepts some of them."""
    w = word.lower()
    if w not in NUMBER_WORDS:
        return None
    from text_to_num import text2num  # lazy: keeps cold start cheap

    try:
        return int(text2num(w, "en"))
    except (ValueError, TypeError):
        return None


def parse_words(words: Iterable[str]) -> int | None:
    """Value of a spelled-out number ("twenty-one", "one hundred and five"), or None."""
    text = " ".join(w.lower() for w in words if w != "-")
    text = re.sub(r"\s*-\s*", " ", text)
    if not text:
        return None
    from text_to_num import text2num

    try:
        return int(text2num(text, "en"))
    except (ValueError, TypeError):
        return None


def parse_digits(text: str) -> float | None:
    """Value of "1,200", "2.4", "12"; None when the separators are malformed ("1,20") or the
    number is beyond a float (a run of 400 digits is no amount, and int(inf) would raise)."""
    if not _DIGITS_RE.match(text):
        return None
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else None


def parse_number(text: str) -> int | None:
    """Parse one whole amount written in any supported way; None if it is not one exact number.

    >>> parse_number("2.4 million"), parse_number("Fifty-four"), parse_number("a dozen")
    (2400000, 54, 12)
    """
    found = find_numbers(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()) and found[0].skip is None:
        return found[0].value
    return None


class _Tok:
    __slots__ = ("text", "low", "start", "end")

    def __init__(self, m: re.Match[str]) -> None:
        self.text = m.group()
        self.low = self.text.lower()
        self.start = m.start()
        self.end = m.end()


def _glued(text: str, a: _Tok, b: _Tok) -> bool:
    """True when token b follows token a with no space between them."""
    return a.end == b.start


def find_numbers(text: str, *, vague: Iterable[str] = (), qualifiers: Mapping[str, str] | None = None,
                 qualifiers_after: Mapping[str, str] | None = None) -> list[NumberMatch]:
    """All amounts in `text`, in order, each with its qualifier and (if any) the reason it is no count.

    `vague` lists vague amount phrases ("dozens", "tens of thousands"); `qualifiers` maps
    lower-case phrases written before a number to a qualifier, `qualifiers_after` those written
    after it ("or more", "+").

    Why windows: most of an article holds no number, and tokenising all of it in Python was the
    largest cost of the counts component. One C-level regex finds every place an amount can start
    (a digit, a number word, the first word of a vague phrase, "a dozen"); only the stretches
    around those places, cut at whitespace, are tokenised and read. The result is the same as
    reading the whole text, because a reading never reaches further than `_BEFORE`/`_AFTER`."""
    vague_seqs = _vague_sequences(tuple(vague))
    by_first = _vague_by_first(tuple(vague_seqs))
    before_re = _qualifier_re(tuple(sorted(qualifiers.items()))) if qualifiers else None
    out: list[NumberMatch] = []
    for a, b in _windows(text, _start_re(tuple(vague_seqs))):
        toks = [_Tok(m) for m in _TOKEN_RE.finditer(text, a, b)]
        _read(text, toks, by_first, out, qualifiers, before_re, qualifiers_after)
    return out


@lru_cache(maxsize=64)
def _vague_sequences(vague: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Vague phrases as lower-case token tuples, longest first."""
    return [seq for seq in sorted((tuple(_TOKEN_RE.findall(v.lower())) for v in vague), key=len, reverse=True)
            if seq]


@lru_cache(maxsize=64)
def _vague_by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Vague phrases by first word (longest first): one dict lookup per token. Built once per list."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        by_first.setdefault(seq[0], []).append(seq)
    return by_first


@lru_cache(maxsize=64)
def _start_re(vague: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """Where an amount can start: a digit, a number word, a whole vague phrase, "a dozen"."""
    phrases = [r"\s*".join(re.escape(w) for w in seq) for seq in vague]
    words = sorted(NUMBER_WORDS, key=len, reverse=True)
    dozen = r"(?:a|half)\s*(?:dozen|hundred|thousand|a)"
    # number words and vague phrases are lower case; the pattern ignores case
    guard = first_char_guard([*words, *(seq[0] for seq in vague), "a", "h"], also=r"\d")
    return re.compile(guard + r"(?:\d|(?<![A-Za-z])(?:" + "|".join([*words, *phrases, dozen]) + r")(?![A-Za-z]))",
                      re.IGNORECASE)


@lru_cache(maxsize=64)
def _qualifier_re(items: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern for "a qualifier phrase right before the number"; the leftmost match is the longest."""
    alts = "|".join(re.escape(p) for p, _q in sorted(items, key=lambda kv: len(kv[0]), reverse=True))
    return re.compile(r"(?:^|[^\w])(" + alts + r")\s+$")


def _windows(text: str, starts: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of `text` around every possible start, each cut at whitespace."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in starts.finditer(text):
        a, b = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        if spans and b <= spans[-1][1]:
            # already inside the last window (whose end is at whitespace, so cutting this one at
            # whitespace would end at the same place): without this skip, every digit of a long
            # run without spaces (a base64 blob) rescanned the run to its end, a quadratic walk
            continue
        if spans and a <= spans[-1][1]:
            a = spans[-1][0]
            spans.pop()
        else:
            while a > 0 and not text[a - 1].isspace():
                a -= 1
        while b < n and not text[b].isspace():
            b += 1
        spans.append((a, b))
    return spans


def _read(text: str, toks: list[_Tok], by_first: dict[str, list[tuple[str, ...]]], out: list[NumberMatch],
          qualifiers: Mapping[str, str] | None, before_re: re.Pattern[str] | None,
          qualifiers_after: Mapping[str, str] | None) -> None:
    """Append the amounts among `toks` (one window of the text) to `out`.

    Tokens more than `_GAP` characters apart never belong to one amount nor see each other as
    neighbours ("0", a page of blanks, "million" is no million): no phrase is written that way, and
    it keeps every reading inside the `_BEFORE`/`_AFTER` reach that the windows rely on."""
    start = 0
    for k in range(1, len(toks) + 1):
        if k == len(toks) or toks[k].start - toks[k - 1].end > _GAP:
            _read_run(text, toks[start:k], by_first, out, qualifiers, before_re, qualifiers_after)
            start = k


def _read_run(text: str, toks: list[_Tok], by_first: dict[str, list[tuple[str, ...]]], out: list[NumberMatch],
              qualifiers: Mapping[str, str] | None, before_re: re.Pattern[str] | None,
              qualifiers_after: Mapping[str, str] | None) -> None:
    """Append the amounts among `toks`, a run of tokens close to each other, to `out`."""
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        match: NumberMatch | None = None
        j = i
        # vague amounts ("dozens", "tens of thousands")
        for seq in by_first.get(t.low, ()):
            if tuple(x.low for x in toks[i:i + len(seq)]) == seq:
                j = i + len(seq) - 1
                vtext = text[t.start:toks[j].end]
                match = NumberMatch(t.start, toks[j].end, vtext, None, vague=vtext)
                break
        if match is None and t.low in ("a", "half") and i + 1 < n \
                and toks[i + 1].low in ("dozen", "hundred", "thousand", "a"):
            # "a dozen", "a hundred"; "half a dozen"
            if t.low == "half" and i + 2 < n and toks[i + 1].low == "a" and toks[i + 2].low == "dozen":
                j = i + 2
                match = NumberMatch(t.start, toks[j].end, text[t.start:toks[j].end], 6)
            elif t.low == "a":
                j = i + 1
                val = 12 if toks[j].low == "dozen" else word_value(toks[j].low)
                match = NumberMatch(t.start, toks[j].end, text[t.start:toks[j].end], val)
        if match is None and t.text[0].isdigit():
            match, j = _digits_at(text, toks, i)
        if match is None and t.text[0].isalpha() and word_value(t.low) is not None:
            match, j = _words_at(text, toks, i)
        if match is None:
            i += 1
            continue
        # "two dozen"
        if match.value is not None and j + 1 < n and toks[j + 1].low == "dozen":
            j += 1
            match = NumberMatch(match.start, toks[j].end, text[match.start:toks[j].end], match.value * 12)
        j = _range_and_context(text, toks, i, j, match, qualifiers, qualifiers_after, before_re)
        out.append(match)
        i = j + 1


def _digits_at(text: str, toks: list[_Tok], i: int) -> tuple[NumberMatch | None, int]:
    t = toks[i]
    raw = t.text.rstrip(",.")
    val = parse_digits(raw)
    if val is None:
        return None, i
    end = t.start + len(raw)
    j = i
    # glued scale or ordinal suffix ("1.5m", "14th")
    if j + 1 < len(toks) and _glued(text, t, toks[j + 1]) and toks[j + 1].text[0].isalpha():
        suf = toks[j + 1].low
        if suf in _GLUED_SCALE:
            j += 1
            val *= _GLUED_SCALE[suf]
            end = toks[j].end
        else:
            skip = "ordinal" if suf in _ORDINAL_SUFFIX else "model"
            return NumberMatch(t.start, toks[j + 1].end, text[t.start:toks[j + 1].end], None, skip=skip), j + 1
    # decimal / number followed by a scale word ("2.4 million", "3 thousand")
    elif j + 1 < len(toks) and word_value(toks[j + 1].low) in (100, 1_000, 1_000_000, 1_000_000_000):
        j += 1
        val *= word_value(toks[j].low) or 1
        end = toks[j].end
    if not math.isfinite(val):  # "9" * 300 + " billion"
        return None, i
    if val != int(val):
        return NumberMatch(t.start, end, text[t.start:end], None, skip="decimal"), j
    return NumberMatch(t.start, end, text[t.start:end], int(val)), j


def _hyphen_join(text: str, toks: list[_Tok], j: int) -> bool:
    """ "twenty-one": number word, glued hyphen, number word."""
    nxt = toks[j + 1]
    return nxt.text in "-‐" and _glued(text, toks[j], nxt) and _glued(text, nxt, toks[j + 2]) \
        and word_value(toks[j + 2].low) is not None


def _and_join(toks: list[_Tok], j: int) -> bool:
    """ "one hundred and five": scale word, "and", a number below a hundred."""
    after = word_value(toks[j + 2].low)
    return toks[j + 1].low == "and" and word_value(toks[j].low) in (100, 1000, 1_000_000) \
        and after is not None and after < 100


def _words_at(text: str, toks: list[_Tok], i: int) -> tuple[NumberMatch | None, int]:
    """A run of number words: "twenty-one", "one hundred and five", "two million"."""
    words = [toks[i].text]
    j = i
    while j + 1 < len(toks):
        nxt = toks[j + 1]
        if word_value(nxt.low) is not None:
            words.append(nxt.text)
            j += 1
        elif j + 2 < len(toks) and (_hyphen_join(text, toks, j) or _and_join(toks, j)):
            words.append(toks[j + 2].text)
            j += 2
        else:
            break
    val = parse_words(words)
    while val is None and j > i:  # e.g. "six one" is not one number: keep the longest valid prefix
        j -= 1
        while j > i and toks[j].low in ("-", "and"):
            j -= 1
        val = parse_words([x.text for x in toks[i:j + 1] if x.low not in ("-", "and")])
    if val is None:
        return None, i
    m = NumberMatch(toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], val)
    if j == i and val in (100, 1000, 1_000_000, 1_000_000_000):
        m.skip = "scale"  # "those billion people": a bare scale word is no count ("a hundred" is handled apart)
    return m, j


def _is_word_hyphen(text: str, word: _Tok, hyphen: _Tok, num: _Tok, after: bool = False) -> bool:
    """A non-number word glued by a hyphen to the number: "S-300" (word before) or "64-year-old" (after)."""
    if hyphen.text not in "-‐" or not word.text[0].isalpha() or word_value(word.low) is not None:
        return False
    if after:
        return _glued(text, num, hyphen) and _glued(text, hyphen, word)
    return _glued(text, word, hyphen) and _glued(text, hyphen, num)


def _range_and_context(text: str, toks: list[_Tok], i: int, j: int, m: NumberMatch,
                       qualifiers: Mapping[str, str] | None, qualifiers_after: Mapping[str, str] | None,
                       before_re: re.Pattern[str] | None = None) -> int:
    """Fill in range, qualifier and skip reason of match `m` (tokens i..j); return its last token index."""
    if m.skip is None:
        m.skip = _skip_reason(text, toks, i, j, m)
    if m.skip is not None:
        return j
    j = _read_range(text, toks, i, j, m)
    if m.skip is not None:  # "from 10 to 12": the first number was superseded
        return j
    if m.high is None and qualifiers:
        _qualifier_before(text, m, qualifiers, before_re)
    if m.high is None and qualifiers_after and m.qualifier == "exact":
        _qualifier_after(text, m, qualifiers_after)
    return j


def _skip_reason(text: str, toks: list[_Tok], i: int, j: int, m: NumberMatch) -> str | None:
    """Why the amount at tokens i..j is no count: money, percentages, ages, times, dates, compounds
    ("64-year-old"), model names ("S-300"), "no one"; None when it may be one."""
    n = len(toks)
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j + 1] if j + 1 < n else None
    if m.text.lower() == "one" and prev is not None and prev.low in _ONE_PRONOUN:
        return "pronoun"  # "no one", "every one", "the one"
    if prev is not None and (prev.text in _MONEY_BEFORE or (prev.low in _AGE_BEFORE)):
        return "money" if prev.text in _MONEY_BEFORE else "age"
    if prev is not None and i >= 2 and _is_word_hyphen(text, toks[i - 2], prev, toks[i]):
        return "model"
    if nxt is not None and (nxt.low in _MONEY_AFTER):
        return "money"
    if nxt is not None and (nxt.low in _PERCENT_AFTER):
        return "percent"
    if _TIME_RE.match(text, toks[j].end) or (prev is not None and prev.text in ":." and i >= 2
                                              and toks[i - 2].text.isdigit() and _glued(text, prev, toks[i])):
        return "time"
    if (prev is not None and prev.low in _MONTHS) or (nxt is not None and nxt.low in _MONTHS):
        return "date"
    if prev is not None and prev.low in ("in", "since", "during") and re.fullmatch(r"(?:19|20)\d\d", m.text):
        return "date"  # "seven murders in 2019.The body ...": a year the parser glued to the next sentence
    if nxt is not None and j + 2 < n and _is_word_hyphen(text, toks[j + 2], nxt, toks[j], after=True):
        return "compound"
    if nxt is not None and nxt.low in ("years", "year") and j + 2 < n and toks[j + 2].low == "old":
        return "age"
    return None


def _number_at(text: str, toks: list[_Tok], k: int, j: int) -> tuple[NumberMatch | None, int]:
    """The amount starting at token k (digits or words), or (None, j) when there is none."""
    if toks[k].text[0].isdigit():
        return _digits_at(text, toks, k)
    if word_value(toks[k].low) is not None:
        return _words_at(text, toks, k)
    return None, j


def _read_range(text: str, toks: list[_Tok], i: int, j: int, m: NumberMatch) -> int:
    """Ranges: "10 to 12", "10-12", "10 or 12", "between 10 and 12" widen `m` to both ends (qualifier
    at_least, `high` = the upper bound); "from 10 to 12" is a change, so `m` is flagged superseded.
    Returns the last token index of the (possibly widened) match."""
    n = len(toks)
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j + 1] if j + 1 < n else None
    if nxt is not None and nxt.low in ("to", "-", "–", "or") and j + 2 < n and m.value is not None:
        sub, k = _number_at(text, toks, j + 2, j)
        if sub is not None and sub.value is not None and sub.value > m.value:
            if prev is not None and prev.low == "from":
                m.skip = "superseded"
                return j
            m.high, m.qualifier = sub.value, "at_least"
            m.end, m.text = sub.end, text[m.start:sub.end]
            j = k
    elif prev is not None and prev.low == "between" and nxt is not None and nxt.low == "and" and j + 2 < n:
        sub, k = _number_at(text, toks, j + 2, j)
        if sub is not None and sub.value is not None and m.value is not None and sub.value > m.value:
            m.high, m.qualifier = sub.value, "at_least"
            m.end, m.text, m.qstart = sub.end, text[m.start:sub.end], prev.start
            j = k
    return j


def _qualifier_before(text: str, m: NumberMatch, qualifiers: Mapping[str, str],
                      before_re: re.Pattern[str] | None) -> None:
    """A qualifier phrase written right before the amount ("at least", "nearly") sets its qualifier and qstart."""
    before = text[max(0, m.start - 40):m.start].lower()
    q = (before_re or _qualifier_re(tuple(sorted(qualifiers.items())))).search(before)
    if q:
        m.qualifier = qualifiers[q.group(1)]
        m.qstart = m.start - (len(before) - q.start(1))


def _qualifier_after(text: str, m: NumberMatch, qualifiers_after: Mapping[str, str]) -> None:
    """A qualifier phrase written right after the amount ("or more", "+") sets its qualifier; "20+" keeps the +."""
    after = text[m.end:m.end + 20].lower()
    for phrase in sorted(qualifiers_after, key=len, reverse=True):
        pat = re.escape(phrase) + (r"(?!\w)" if phrase[-1].isalnum() else "")
        mm = re.match(r"\s*" + pat if phrase[0].isalnum() else pat, after)
        if mm:
            m.qualifier = qualifiers_after[phrase]
            if phrase == "+":  # "20+" belongs to the number
                m.end += mm.end()
                m.text = text[m.start:m.end]
            break
