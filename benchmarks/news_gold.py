"""Our own news gold (benchmarks/news_gold/): turn annotation drafts into offsets, and offsets back
into the shared scorer's gold format.

The project may not hold the articles' text, so the gold is stored as character offsets into the
shared corpus (see benchmarks/news_gold/README.md). Annotators write drafts with the words as they
stand in the text (outside the project); `locate` finds them and keeps only the offsets:

    python benchmarks/news_gold.py locate DRAFT_DIR --shared ../shared      # -> benchmarks/news_gold/gold.jsonl
    python benchmarks/news_gold.py locate DRAFT_DIR --shared ../shared --new  # only articles not yet located
    python benchmarks/news_gold.py build OUT_DIR --shared ../shared [--split report|tune|all|batchN]

`build` writes OUT_DIR/gold/<id>.json in the format of ../shared/data/news-dev (quotes with their
speakers, places, actors; no counts or dates are annotated here), OUT_DIR/articles/<id>.txt and
OUT_DIR/records.jsonl, so that `score_news.py OUT_DIR PRED.jsonl` scores the extractor on them.

A draft (DRAFT_DIR/<id>.json): {"id", "quotes": [{"text", "speaker"}], "places": [...], "actors":
[...], "notes": [...]}, quotes in document order (a repeated quote is found after the previous one),
`speaker` a string of the text (its first occurrence is kept) or a name the text never spells out,
or null.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "news_gold"
CORPUS = "data/corpus/ukraine-war-2022-2024.jsonl"


def load_corpus(shared: Path) -> dict[str, dict]:
    with (shared / CORPUS).open(encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def _articles() -> list[list[str]]:
    """articles.tsv's rows: id, split, outlet group, batch (the draw the article came from)."""
    lines = (HERE / "articles.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip()]


def load_split() -> dict[str, str]:
    return {cols[0]: cols[1] for cols in _articles()}


def load_batches() -> dict[str, str]:
    return {cols[0]: cols[3] for cols in _articles()}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(text: str, needle: str, start: int = 0) -> dict[str, int] | None:
    i = text.find(needle, start)
    return None if i < 0 or not needle else {"start": i, "end": i + len(needle)}


def locate_one(draft: dict, text: str, problems: list[str]) -> dict:
    """Offsets for one draft; what cannot be found is reported in `problems`."""
    quotes, pos = [], 0
    for q in draft.get("quotes", []):
        words = q["text"].strip()
        span = _span(text, words, pos) or _span(text, words)
        if span is None:
            problems.append(f"{draft['id']}: quote not found: {words[:60]!r}")
            continue
        pos = span["start"] + 1
        speaker = q.get("speaker")
        if speaker:
            speaker = _span(text, speaker) or {"name": speaker}
        quotes.append({**span, "speaker": speaker or None})
    out = {"quotes": quotes}
    for field in ("places", "actors"):
        spans = []
        for name in draft.get(field, []):
            span = _span(text, name)
            if span is None:
                problems.append(f"{draft['id']}: {field[:-1]} not found: {name!r}")
            else:
                spans.append(span)
        out[field] = spans
    return out


def cmd_locate(args: argparse.Namespace) -> int:
    corpus, split = load_corpus(args.shared), load_split()
    problems: list[str] = []
    out = args.output or HERE / "gold.jsonl"
    rows = gold_rows("all", out) if args.new and out.is_file() else []
    done = {r["id"] for r in rows}
    for art_id in split:
        if art_id in done:
            continue  # --new: the articles already located keep their offsets
        path = args.drafts / f"{art_id}.json"
        if not path.is_file():
            problems.append(f"{art_id}: no draft")
            continue
        text = corpus[art_id]["text"]
        draft = json.loads(path.read_text(encoding="utf-8"))
        rows.append({"id": art_id, "sha256": sha256(text), "split": split[art_id],
                     **locate_one(draft, text, problems)})
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for p in problems:
        print(p, file=sys.stderr)
    n_q = sum(len(r["quotes"]) for r in rows)
    print(f"{len(rows)} articles, {n_q} quotes -> {out}; {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def gold_rows(split: str, path: Path = HERE / "gold.jsonl") -> list[dict]:
    """The located gold of one split ("report", "tune", "all") or one draw ("batch3")."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if split.startswith("batch"):
        batches = load_batches()
        return [r for r in rows if batches.get(r["id"]) == split[len("batch"):]]
    return [r for r in rows if split == "all" or r["split"] == split]


def _speaker_text(text: str, speaker: dict | None) -> str | None:
    if speaker is None:
        return None
    return speaker["name"] if "name" in speaker else text[speaker["start"]:speaker["end"]]


def to_news_gold(row: dict, record: dict) -> dict:
    """The gold of one article in the format of ../shared/data/news-dev/gold/*.json."""
    text = record["text"]
    if sha256(text) != row["sha256"]:
        raise SystemExit(f"{row['id']}: the shared text changed since it was annotated")
    return {
        "id": row["id"], "source": record.get("source_path"), "published": record.get("published"),
        "quotes": [{"text": text[q["start"]:q["end"]], "speaker": _speaker_text(text, q["speaker"])}
                   for q in row["quotes"]],
        "casualties": [], "weapons": [], "dates": [],
        "places": [text[p["start"]:p["end"]] for p in row["places"]],
        "actors": [text[a["start"]:a["end"]] for a in row["actors"]],
        "notes": ["built from benchmarks/news_gold/gold.jsonl: quotes, speakers, places and actors only"],
    }


def build(out: Path, shared: Path, split: str = "report") -> list[str]:
    """Write OUT/gold, OUT/articles and OUT/records.jsonl; return the article ids."""
    corpus = load_corpus(shared)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    ids = []
    with (out / "records.jsonl").open("w", encoding="utf-8") as rec_fh:
        for row in gold_rows(split):
            record = corpus[row["id"]]
            gold = to_news_gold(row, record)
            (out / "gold" / f"{row['id']}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                            encoding="utf-8")
            (out / "articles" / f"{row['id']}.txt").write_text(record["text"], encoding="utf-8")
            rec_fh.write(json.dumps({"id": row["id"], "text": record["text"],
                                     "published": record.get("published")}, ensure_ascii=False) + "\n")
            ids.append(row["id"])
    return ids


def cmd_build(args: argparse.Namespace) -> int:
    ids = build(args.out, args.shared, args.split)
    print(f"{len(ids)} articles -> {args.out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("locate", help="drafts -> benchmarks/news_gold/gold.jsonl (offsets only)")
    p.add_argument("drafts", type=Path)
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("-o", "--output", type=Path)
    p.add_argument("--new", action="store_true",
                   help="keep the articles already in the gold file; locate only the others' drafts")
    p.set_defaults(func=cmd_locate)
    p = sub.add_parser("build", help="offsets -> a gold folder for ../shared/eval/score_news.py")
    p.add_argument("out", type=Path)
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("--split", default="report",
                   help="report | tune | all, or batchN for one draw of articles.tsv (e.g. batch3)")
    p.set_defaults(func=cmd_build)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
