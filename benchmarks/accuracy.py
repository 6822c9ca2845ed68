"""Accuracy on every annotated set it is pointed at, in one table, with the shared scorers' figures.

The sets and the scorers live outside the project (../shared); nothing here is read by `make test`.
Each set is run through the installed `extract` (JSON Lines, `--workers N`), then scored by the
scorer for its kind, found in --eval:

- geoparsing sets (JSON Lines whose records carry `toponyms`: GeoWebNews, LGL, GeoVirus dev halves)
  -> score_geo.py: recognition P/R/F1, acc161, AUC, R161;
- a news gold folder (`records.jsonl` + `gold/`: ../shared/data/news-dev) -> score_news.py: places,
  actors, quotes, casualties, weapons, dates;
- `news_gold:SPLIT` (our own annotated articles, benchmarks/news_gold/, built from ../shared)
  -> score_news.py;
- coded casualty sets (records with `killed`: the WAD dev half) -> score_victims.py;
- PolNeAR (records with `attributions`) -> to_quote_preds.py + score_quotes.py.

    python benchmarks/accuracy.py ../shared/data/geo/gwn-dev.jsonl ../shared/data/geo/lgl-dev.jsonl \\
        ../shared/data/geo/geovirus-dev.jsonl ../shared/data/news-dev news_gold:tune \\
        ../shared/data/victims/wad-dev.jsonl ../shared/data/polnear/dev.jsonl --eval ../shared/eval
    python benchmarks/accuracy.py ../shared/data/geo/lgl-dev.jsonl --halves      # + even/odd articles
    python benchmarks/accuracy.py ../shared/data/geo/gwn-dev.jsonl --reuse /tmp/acc   # score old outputs

`--halves` also scores the even- and odd-numbered articles of each geoparsing set on their own
(one run, two gold halves): keep one half for looking at errors and the other as a check that a
rule generalises. Outputs stay in --work (a temporary folder by default) for error analysis.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NEWS_FIELDS = ("places", "actors", "quotes", "casualties", "weapons", "dates")


def kind_of(target: str) -> str:
    """geo | news | news_gold | victims | polnear, from what the set holds."""
    if target.startswith("news_gold:"):
        return "news_gold"
    path = Path(target)
    if path.is_dir():
        if (path / "records.jsonl").exists() and (path / "gold").is_dir():
            return "news"
        raise SystemExit(f"{target}: a folder needs records.jsonl and gold/ (a news gold folder)")
    with path.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    for key, kind in (("toponyms", "geo"), ("attributions", "polnear"), ("killed", "victims")):
        if key in first:
            return kind
    raise SystemExit(f"{target}: cannot tell which scorer fits (no toponyms, attributions or killed field)")


def extract(records: Path, out: Path, workers: int, reuse: bool) -> None:
    """Run the extractor over a JSON Lines file of records (skipped when reusing an output)."""
    if reuse and out.exists():
        return
    cmd = [str(BIN / "extract"), str(records), "--json", "--workers", str(workers), "-q", "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some articles failed, the rest is written
        raise SystemExit(f"extract failed on {records} ({done.returncode}): {done.stderr[-2000:]}")


def scorer(evaldir: Path, name: str, *args: str | Path) -> dict[str, Any]:
    """Run one shared scorer; its last line is one JSON object with every figure."""
    done = subprocess.run([sys.executable, str(evaldir / name), *map(str, args)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def halves(gold: Path, work: Path) -> list[tuple[str, Path]]:
    """The even- and odd-numbered records of a gold file, written to `work`."""
    lines = [ln for ln in gold.read_text(encoding="utf-8").split("\n") if ln.strip()]
    out = []
    for name, part in (("even", lines[0::2]), ("odd", lines[1::2])):
        path = work / f"{gold.stem}.{name}.jsonl"
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        out.append((name, path))
    return out


def rows_geo(name: str, target: Path, out: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    golds = [(name, target)] + [(f"{name} ({h})", p) for h, p in (halves(target, args.work) if args.halves else [])]
    rows = []
    for label, gold in golds:
        r = scorer(args.eval, "score_geo.py", gold, out)
        rows.append({"set": label, "field": "toponyms", "P": r["P"], "R": r["R"], "F1": r["F1"],
                     "more": f"acc161 {r.get('acc161', 0):.3f} · AUC {r.get('AUC', 0):.3f} · "
                             f"R161 {r.get('R161', 0):.3f} · gold {r['gold']}"})
    return rows


def rows_news(name: str, folder: Path, out: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    r = scorer(args.eval, "score_news.py", folder, out)
    rows = []
    for f in NEWS_FIELDS:
        v = r.get(f)
        if not v or not v.get("gold"):
            continue
        more = f"gold {v['gold']}"
        if f == "quotes" and "speaker_acc" in r:
            more += f" · speaker acc {r['speaker_acc']:.3f}"
        rows.append({"set": name, "field": f, "P": v["P"], "R": v["R"], "F1": v["F1"], "more": more})
    return rows


def rows_victims(name: str, target: Path, out: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    r = scorer(args.eval, "score_victims.py", target, out)
    return [{"set": name, "field": kind, "P": None, "R": None, "F1": None,
             "more": f"exact {r[kind]['EM']:.3f} · within 10% {r[kind]['within10']:.3f} · n {r[kind]['n']}"}
            for kind in ("killed", "injured") if kind in r]


def rows_polnear(name: str, target: Path, out: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    preds = args.work / f"{target.stem}.quote-preds.jsonl"
    done = subprocess.run([sys.executable, str(args.eval / "to_quote_preds.py"), str(out)],
                          capture_output=True, text=True, check=True)
    preds.write_text(done.stdout, encoding="utf-8")
    r = scorer(args.eval, "score_quotes.py", target, preds)
    return [{"set": name, "field": "direct quotes", "P": r["quote_P"], "R": r["quote_R"], "F1": r["quote_F1"],
             "more": f"speaker acc {r['speaker_acc_lenient']:.3f} · end-to-end F1 {r['e2e_lenient_F1']:.3f}"}]


def run_one(target: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    kind = kind_of(target)
    if kind == "news_gold":
        split = target.split(":", 1)[1] or "tune"
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from news_gold import build

        folder = args.work / f"news_gold-{split}"
        build(folder, args.shared, split)
        out = args.work / f"news_gold-{split}.out.jsonl"
        extract(folder / "records.jsonl", out, args.workers, args.reuse)
        return rows_news(f"news_gold ({split})", folder, out, args)
    path = Path(target)
    name = path.name if path.is_dir() else f"{path.parent.name}/{path.stem}"
    out = args.work / f"{name.replace('/', '-')}.out.jsonl"
    extract(path / "records.jsonl" if kind == "news" else path, out, args.workers, args.reuse)
    handler = {"geo": rows_geo, "news": rows_news, "victims": rows_victims, "polnear": rows_polnear}[kind]
    return handler(name, path, out, args)


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table (pastes into the README as it is)."""
    def num(v: float | None) -> str:
        return "" if v is None else f"{v:.3f}"
    lines = ["| set | field | P | R | F1 | more |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['set']} | {r['field']} | {num(r['P'])} | {num(r['R'])} | {num(r['F1'])} | {r['more']} |"
              for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", help="set files or folders, or news_gold:tune / news_gold:report")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the shared scorers")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="for news_gold: the corpus")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--work", type=Path, help="where outputs are kept (default: a new temp folder)")
    ap.add_argument("--reuse", action="store_true", help="score outputs already in --work instead of extracting")
    ap.add_argument("--halves", action="store_true", help="also score even/odd articles of geoparsing sets")
    args = ap.parse_args(argv)
    if not (args.eval / "score_geo.py").exists():
        raise SystemExit(f"scorers not found in {args.eval} (give --eval DIR)")
    args.work = args.work or Path(tempfile.mkdtemp(prefix="extractor-accuracy-"))
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for target in args.sets:
        rows += run_one(target, args)
        print(f"done: {target}", file=sys.stderr)
    print(table(rows))
    print(f"outputs in {args.work}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
