import pytest

from pipeline.annotate import annotate
from pipeline.nlp import shared_nlp


@pytest.fixture(scope="session")
def nlp():
    return shared_nlp()


@pytest.fixture(scope="session")
def tag(nlp):
    """tag(text, published=None) -> the tagged spaCy Doc."""
    def run(text, published=None):
        return annotate(nlp, text, published)
    return run
