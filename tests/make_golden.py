"""Regenerate tests/golden/ from samples/ (`make golden`); review the diff before committing.

Each sample file gives one golden file holding the list of records the tool emits for it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}


def sample_files() -> list[Path]:
    """The sample inputs that have golden outputs."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in SUFFIXES )


def golden_path(sample: Path) -> Path:
    return GOLDEN / f"{sample.name}.json"


def records_for(ex, sample: Path) -> list[dict]:
    """Records for a sample, with the path made relative to the repo so goldens are portable."""
    from extractor.loading import iter_articles

    rel = sample.relative_to(ROOT).as_posix()
    out = []
    for rec in ex.extract_many(iter_articles([str(sample)])):
        if rec["article"].get("path"):
            rec["article"]["path"] = rel
        if rec["article"]["id"] == str(sample):
            rec["article"]["id"] = rel
        out.append(rec)
    return out


def main() -> int:
    import extractor

    ex = extractor.load()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for sample in sample_files():
        recs = records_for(ex, sample)
        golden_path(sample).write_text(json.dumps(recs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {golden_path(sample).relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
