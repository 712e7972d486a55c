"""kotacerdas: facts of Indonesian smart-city programs, extracted from news articles.

Notebook use::

    from pipeline import extract, annotate, load_nlp
    tables = extract("corpus/sample")          # dict of pandas DataFrames, one per table
    tables["officials"].head()
    doc = annotate(load_nlp(), "Pemkab Muba meluncurkan aplikasi ...", published="2023-11-15")
"""
from .annotate import annotate  # noqa: F401
from .extract import extract  # noqa: F401
from .nlp import load_nlp  # noqa: F401

__all__ = ["annotate", "extract", "load_nlp"]
