"""End-to-end outputs for samples/ must equal tests/golden/ (regenerate with `make golden`)."""

from __future__ import annotations

import json

import pytest
from make_golden import golden_path, records_for, sample_files


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_golden(ex, sample):
    path = golden_path(sample)
    assert path.exists(), f"no golden file for {sample.name}: run `make golden` and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(records_for(ex, sample), ensure_ascii=False))
    for exp, act in zip(expected, actual, strict=True):
        exp["extractor"]["version"] = act["extractor"]["version"]  # a version bump alone is no regression
        for field in ("article", "actors", "quotes", "casualties", "weapons", "places", "dates", "warnings"):
            assert act.get(field) == exp.get(field), f"{sample.name}: {field} differs from golden"
