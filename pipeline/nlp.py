"""Build the spaCy pipeline from config.cfg."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the stage modules registers their factories and the table extensions.
from . import (  # noqa: F401
    dates,
    dimensions,
    language,
    officials,
    programs,
    regions,
    stanza_sentences,
    tables,
)
from .paths import MODELS, REPO  # noqa: F401  (MODELS, REPO: the names callers import from here)

CONFIG = Path(__file__).with_name("config.cfg")


def load_nlp(config: str | Path | None = None, overrides: dict | None = None) -> Language:
    """A fresh pipeline. ``overrides`` use spaCy's dotted keys, e.g. {"components.regions.fuzzy_cutoff": 85}."""
    cfg = spacy.util.load_config(config or CONFIG, overrides=overrides or {}, interpolate=True)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)


@lru_cache(maxsize=2)
def shared_nlp(config: str | None = None) -> Language:
    """One pipeline per process (loading builds matchers over the whole gazetteer)."""
    return load_nlp(config)
