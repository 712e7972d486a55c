"""kotacerdas: facts of Indonesian smart-city programs, extracted from news articles.

Notebook use::

    from pipeline import extract, load_nlp
    tables = extract("corpus/sample")          # dict of pandas DataFrames, one per table
    tables["officials"].head()
"""
from .nlp import load_nlp  # noqa: F401
