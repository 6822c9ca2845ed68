"""Fuzz the loader and the components at scale (hypothesis-driven, seeded from tests/fuzz/corpus/).

Each example is a byte string — a corpus file mutated (byte flips, insertions, deletions,
splices of two seeds, repeated slices) or fresh bytes — written under a random suffix
(.txt/.html/.json/.jsonl) and run through `read_path` and `Extractor.extract_article`.
Checked for every example: no exception escapes, every record validates against the JSON
Schema, every span's offsets match the text. A failing input is shrunk by hypothesis and
saved to tests/fuzz/crashes/ (add it to corpus/ once fixed).

    .venv/bin/python -m tests.fuzz.run_fuzz                    # 2,000 examples
    .venv/bin/python -m tests.fuzz.run_fuzz --examples 20000 --seed 7
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".md"]


def corpus_seeds() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every corpus file."""
    return [(p.suffix or ".txt", p.read_bytes()) for p in sorted(CORPUS.iterdir()) if p.is_file()]


@st.composite
def mutated(draw: Any, seeds: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """A corpus file with a few random edits, or two files spliced, or fresh bytes."""
    kind = draw(st.sampled_from(["mutate", "mutate", "splice", "fresh", "repeat"]))
    suffix, data = draw(st.sampled_from(seeds))
    suffix = draw(st.sampled_from([suffix, suffix, *SUFFIXES]))
    buf = bytearray(data)
    if kind == "fresh":
        return suffix, draw(st.binary(max_size=2000))
    if kind == "splice":
        _, other = draw(st.sampled_from(seeds))
        cut_a = draw(st.integers(0, len(buf)))
        cut_b = draw(st.integers(0, len(other)))
        return suffix, bytes(buf[:cut_a]) + other[cut_b:]
    if kind == "repeat" and buf:
        a = draw(st.integers(0, len(buf) - 1))
        b = draw(st.integers(a, min(len(buf), a + 50)))
        return suffix, bytes(buf[:a]) + bytes(buf[a:b]) * draw(st.integers(1, 200)) + bytes(buf[b:])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete"]))
        pos = draw(st.integers(0, len(buf)))
        if op == "insert" or not buf:
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "flip":
            buf[min(pos, len(buf) - 1)] = draw(st.integers(0, 255))
        else:
            del buf[pos:pos + draw(st.integers(1, 16))]
    return suffix, bytes(buf)


def check_one(ex: Any, suffix: str, data: bytes, workdir: Path) -> int:
    """Load and extract one input; raise AssertionError/anything on a broken guarantee."""
    from extractor.errors import ERROR_TYPES, ArticleError
    from extractor.loading import Article, read_path
    from extractor.schema import validate
    from extractor.serialize import error_record

    path = workdir / f"fuzz{suffix}"
    path.write_bytes(data)
    n = 0
    for item in read_path(str(path)):
        if isinstance(item, ArticleError):
            assert item.error_type in ERROR_TYPES
            validate(error_record(item))
            continue
        assert isinstance(item, Article)
        rec = ex.extract_article(item)
        validate(rec)
        text = item.text
        for span in _spans(rec):
            assert text[span["start"]:span["end"]] == span["text"], span
        n += 1
    return n


def _spans(rec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for field in ("actors", "places"):
        for item in rec.get(field) or []:
            out += item.get("mentions") or []
    for field in ("casualties", "weapons", "dates"):
        out += rec.get(field) or []
    for q in rec.get("quotes") or []:
        out += q.get("fragments") or []
        if (q.get("speaker") or {}).get("mention"):
            out.append(q["speaker"]["mention"])
        if q.get("cue"):
            out.append(q["cue"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import extractor

    ex = extractor.load()
    seeds = corpus_seeds()
    workdir = Path(tempfile.mkdtemp(prefix="extractor-fuzz-"))
    stats = {"examples": 0, "articles": 0}
    t0 = time.time()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(case=mutated(seeds))
    def fuzz(case: tuple[str, bytes]) -> None:
        suffix, data = case
        stats["examples"] += 1
        try:
            stats["articles"] += check_one(ex, suffix, data, workdir)
        except BaseException:
            CRASHES.mkdir(exist_ok=True)
            name = hashlib.sha256(data).hexdigest()[:16] + suffix
            (CRASHES / name).write_bytes(data)
            raise

    try:
        fuzz()
    except Exception as exc:  # noqa: BLE001 - report and fail
        print(f"FAIL after {stats['examples']} examples: {type(exc).__name__}: {exc}\n"
              f"inputs saved in {CRASHES}", file=sys.stderr)
        return 1
    print(f"ok: {stats['examples']} examples, {stats['articles']} articles extracted, "
          f"{time.time() - t0:.0f}s, no crash, every record valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
