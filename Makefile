# The two commands of the README: `make demo` (the main job) and `make test` (the whole suite).
# Both create .venv/ when it is missing and install khabar into it.
VENV   := .venv
PYTHON ?= python3
STAMP  := $(VENV)/.installed

.PHONY: demo test bench extract-seed clean

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $(STAMP)

# Ingest the bundled sample into khabar.db (SQLite), then serve the UI on http://127.0.0.1:8000/ui/
demo: $(STAMP)
	$(VENV)/bin/khabar ingest khabar/data/sample/*.jsonl
	$(VENV)/bin/khabar serve

test: $(STAMP)
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(VENV)/bin/pip install -q -e '.[test,bench]'
	$(VENV)/bin/python benchmarks/run.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
