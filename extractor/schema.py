"""The output contract: its version and the JSON Schema that ships in the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1"


@lru_cache(maxsize=1)
def output_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line: an article record or an error record."""
    return json.loads(resources.files("extractor").joinpath("output.schema.json").read_text(encoding="utf-8"))


def validate(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `record` breaks the contract."""
    import jsonschema

    jsonschema.validate(record, output_schema(), cls=jsonschema.Draft202012Validator)
