"""Pathological-input benchmark (issue 17): every shape of hostile text as a whole `extract` process.

Each shape is written to a file and run once as `extract FILE --json -o OUT` under /usr/bin/time
(wall seconds, peak RSS of the process). Beside the shapes run the seed article (the Euro News
sample) and a large ordinary article (the corpus' articles joined into one ~400,000-character
text), in the same run, because the machine is shared and only same-run ratios mean anything.

Seconds per 100k characters are net of start-up: the wall time of `extract` on a one-sentence
article (model loading, imports) is measured first and subtracted, so a 110,000-character shape
is not flattered or penalised by the ~3 s every process pays once. Targets: peak RSS <= 400 MB
and net seconds per 100k characters <= 3x the large ordinary article's.

    python benchmarks/bench.py --only hostile                     # all shapes
    python benchmarks/bench.py --only hostile --shapes numbers_20000,one_line_240k
"""

from __future__ import annotations

import base64
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "euronews-russia-denies-trump-putin-call.txt"
EXTRACT = str(Path(sys.executable).parent / "extract")
#: The reference every shape's time is compared with (an ordinary long text).
REFERENCE = "news_400k"
RSS_TARGET_MB = 400.0
TIME_TARGET_RATIO = 3.0

_NAME_RE = re.compile(r"\b([A-Z][a-z]{3,})\b")


def _vary(text: str, k: int) -> str:
    """Copy k of a text with its capitalised words respelled, so repeated copies keep bringing new
    names (as an archive does) instead of hitting warm caches."""
    if k == 0:
        return text
    tag = "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(k))
    return _NAME_RE.sub(lambda m: m.group(1) + "q" + tag, text)


def _news(paras: list[str], chars: int, sep: str = "\n\n") -> str:
    """Ordinary news paragraphs (varied copies of the corpus) up to about `chars` characters."""
    out: list[str] = []
    total, k = 0, 0
    while total < chars:
        for p in paras:
            p = _vary(p, k)
            out.append(p)
            total += len(p) + len(sep)
            if total >= chars:
                break
        k += 1
    return sep.join(out)


def _html_nested(paras: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras[:40])
    depth = 100_000
    return ("<!DOCTYPE html><html><head><title>Nested</title></head><body>" + "<div>" * depth
            + f"<article>{body}</article>" + "</div>" * depth + "</body></html>")


def _html_huge(paras: list[str]) -> str:
    """A 10 MB page the way huge real pages are: an article of about 1,000,000 characters in its
    paragraphs, amid navigation, a JSON-LD block, and megabytes of inline framework state,
    analytics scripts, styles and SVG icons."""
    icon = "<svg viewBox='0 0 24 24'><path d='" + "M12 2L2 7l10 5 10-5-10-5z " * 20 + "'/></svg>"
    nav = "<nav>" + "".join(f"<a href='/section/{i}'>{icon}Section {i}</a>" for i in range(60)) + "</nav>"
    state = json.dumps({"articles": [{"id": i, "teaser": p[:300], "tags": ["world", "europe"] * 5}
                                     for i, p in enumerate(paras * 4)]})
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Huge page",
                     "datePublished": "2024-11-11T10:00:00Z", "author": {"@type": "Person", "name": "Jane Doe"}})
    head = (f"<!DOCTYPE html><html><head><title>Huge page</title><script type='application/ld+json'>{ld}</script>"
            f"<style>{'.c { color: red; margin: 0 auto; } ' * 5000}</style></head><body>{nav}")
    body = "".join(f"<div class='para'><p>{p}</p></div>\n" for p in _news(paras, 1_000_000, sep="\n").split("\n"))
    parts = [head, "<article><h1>Huge page</h1>", body, "</article>"]
    size = sum(map(len, parts))
    blob = f"<script>window.__STATE__ = {state};</script>\n"
    while size < 10_000_000:
        parts.append(blob)
        size += len(blob)
    parts.append("</body></html>")
    return "".join(parts)


def _html_markup(paras: list[str]) -> str:
    """6 MB of real markup around an article (a table dump): refused, not parsed into 250 MB of tree."""
    rows = "".join(f"<tr><td class='c'><span>{i}</span></td><td><a href='/r/{i}'>{paras[i % len(paras)][:80]}</a>"
                   f"</td></tr>\n" for i in range(40_000))
    return f"<!DOCTYPE html><html><head><title>Table</title></head><body><article><p>{paras[0]}</p>" \
           f"<table>{rows}</table></article></body></html>"


def _base64_blob(paras: list[str]) -> str:
    blob = base64.b64encode(random.Random(17).randbytes(750_000)).decode()  # 1,000,000 chars, no space
    return f"{paras[0]}\n\n<img src=\"data:image/png;base64,{blob}\">\n\n{paras[1]}"


def _urls(paras: list[str]) -> str:
    rnd = random.Random(17)
    urls = [f"https://www.example-news-site.com/world/2024/11/{i:05d}/article-title-{rnd.getrandbits(64):x}"
            f"?utm_source=feed&utm_medium=rss&id={rnd.getrandbits(128):x}&ref=home%2Fworld%2Feurope"
            for i in range(2500)]
    return f"{paras[0]}\n\n" + " ".join(urls) + f"\n\n{paras[1]}"


def _distinct_names(_paras: list[str]) -> str:
    """4,000 sentences each naming new people, a new brigade and a new village (a scraped roll of
    units or settlements): every rule that compares a name with all earlier names is quadratic here."""
    rnd = random.Random(17)

    def word(n: int) -> str:
        return "".join(rnd.choice("aeioukvlnrstm") for _ in range(n)).title()

    return " ".join(f"{word(6)} {word(7)}enko met {word(6)} {word(8)} of the {word(6)} Brigade in {word(5)}ivka "
                    f"near Kharkiv." for _ in range(4000))


#: name -> (file suffix, builder from the corpus paragraphs)
SHAPES: dict[str, tuple[str, Callable[[list[str]], str]]] = {
    "seed": (".txt", lambda _p: SAMPLE.read_text(encoding="utf-8")),
    REFERENCE: (".txt", lambda p: _news(p, 400_000)),
    "news_3mb": (".txt", lambda p: _news(p, 3_000_000)),
    "news_10mb": (".txt", lambda p: _news(p, 10_000_000)),
    "one_paragraph_300k": (".txt", lambda p: _news(p, 300_000, sep=" ")),
    "one_line_240k": (".txt", lambda _p: "drone " * 40_000),
    "numbers_20000": (".txt", lambda _p: " ".join(str(i) for i in range(1, 20_001))),
    "quote_marks_10000": (".txt", lambda _p: "He said \"no\" and she said \"yes\" and " * 2500),
    "bare_quotes_10000": (".txt", lambda _p: "\" " * 10_000),
    "distinct_names_350k": (".txt", _distinct_names),
    "base64_1mb": (".txt", _base64_blob),
    "urls_2500": (".txt", _urls),
    "html_nested_100k": (".html", _html_nested),
    "html_10mb": (".html", _html_huge),
    "html_markup_6mb": (".html", _html_markup),
}


def corpus_paragraphs(corpus: Path) -> list[str]:
    """The non-blank paragraphs of a JSONL corpus's texts, in order."""
    paras: list[str] = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            paras.extend(p.strip() for p in json.loads(line)["text"].split("\n\n") if p.strip())
    return paras


def _timed(cmd: list[str], timeout: float) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of one command; killed (exit -9) after `timeout`."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %M", "-o", tf.name, *cmd], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: /usr/bin/time and extract under it
            proc.wait()
            return timeout, float("nan"), -9
        wall, rss_kb = Path(tf.name).read_text().split()[-2:]
    return float(wall), float(rss_kb) / 1024, proc.returncode


def run(corpus: Path, shapes: list[str] | None = None, timeout: float = 1800.0
        ) -> dict[str, dict[str, float | str | bool]]:
    """Run the start-up probe, the seed, the reference and the chosen shapes (each killed after
    `timeout` seconds, then reported with its wall time as "> timeout"); one row per shape."""
    paras = corpus_paragraphs(corpus)
    work = Path(tempfile.mkdtemp(prefix="extractor-hostile-"))
    tiny = work / "tiny.txt"
    tiny.write_text("Ten people were killed in Kharkiv on Monday, officials said.\n", encoding="utf-8")
    startup, startup_mb, _ = _timed([EXTRACT, str(tiny), "--json", "-o", str(work / "tiny.json")], timeout)
    print(f"  start-up: {startup:.2f}s {startup_mb:.0f}MB", file=sys.stderr, flush=True)
    names = ["seed", REFERENCE] + [n for n in (shapes or SHAPES) if n not in ("seed", REFERENCE)]
    rows: dict[str, dict[str, float | str | bool]] = {}
    for name in names:
        suffix, build = SHAPES[name]
        content = build(paras)
        path = work / f"{name}{suffix}"
        path.write_text(content, encoding="utf-8")
        out = work / f"{name}.jsonl"
        wall, mb, rc = _timed([EXTRACT, str(path), "--json", "-o", str(out)], timeout)
        lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
        rec = json.loads(lines[0]) if lines else {}
        net = max(wall - startup, 0.0)
        rows[name] = {"chars": len(content), "wall_s": wall, "peak_mb": mb, "exit": rc, "timed_out": rc == -9,
                      "net_s_per_100k": net / len(content) * 100_000,
                      "error": (rec.get("error") or {}).get("type", ""),
                      "split_warning": any("split" in w for w in rec.get("warnings") or [])}
        print(f"  {name}: {len(content):,} chars {wall:.1f}s {mb:.0f}MB", file=sys.stderr, flush=True)
        path.unlink()
    ref = float(rows[REFERENCE]["net_s_per_100k"]) or 1e-9
    for row in rows.values():
        row["time_vs_reference"] = float(row["net_s_per_100k"]) / ref
        row["ok"] = float(row["peak_mb"]) <= RSS_TARGET_MB and float(row["time_vs_reference"]) <= TIME_TARGET_RATIO
    rows["_startup"] = {"wall_s": startup, "peak_mb": startup_mb}
    return rows


def table(rows: dict[str, dict[str, float | str | bool]]) -> str:
    """The rows as the Markdown table the README shows."""
    lines = ["| shape | characters | wall s | peak RSS MB | net s per 100k chars | vs large article |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, r in rows.items():
        if name.startswith("_"):
            continue
        note = f" ({r['error']})" if r.get("error") else ""
        more = "> " if r.get("timed_out") else ""
        mb = "?" if r.get("timed_out") else f"{float(r['peak_mb']):.0f}"
        lines.append(f"| {name}{note} | {int(r['chars']):,} | {more}{float(r['wall_s']):.1f} | {mb} | "
                     f"{more}{float(r['net_s_per_100k']):.2f} | {more}{float(r['time_vs_reference']):.2f}x |")
    return "\n".join(lines)
