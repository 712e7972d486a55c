# Two entry points (see README): `make run` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-stanza setup evaluate bench clean

$(BIN)/kotacerdas: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77'
	$(BIN)/pip install --quiet -e '.[test,web]'
	touch $@

setup: $(BIN)/kotacerdas

run: setup
	$(BIN)/kotacerdas extract corpus/sample -o out/

test: setup
	$(BIN)/python -m pytest -q

# The optional stanza extra (torch pinned to the CPU build this project's machines install from disk).
test-stanza: setup
	$(BIN)/pip install --quiet -e '.[test,stanza]'
	$(BIN)/python -m pytest -q tests/test_stanza_sentences.py

evaluate: setup
	$(BIN)/kotacerdas evaluate $(wildcard ../shared/eval/dev.jsonl) corpus/annotated.jsonl corpus/dev_programs.jsonl corpus/heldout.jsonl corpus/heldout_programs.jsonl

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf out/ $(VENV)
