"""Every annotated corpus file keeps the gold format (corpus/validate_corpus.py: keys, Kemendagri region
names, ISO dates, names present in the text, agencies written out)."""
import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
spec = importlib.util.spec_from_file_location("validate_corpus", CORPUS / "validate_corpus.py")
validate_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(validate_corpus)


@pytest.mark.parametrize("name", ["annotated.jsonl", "dev_programs.jsonl", "heldout.jsonl", "heldout_programs.jsonl"])
def test_gold_file_is_valid(name, capsys):
    assert validate_corpus.main(["validate_corpus.py", str(CORPUS / name)]) == 0, capsys.readouterr().out
