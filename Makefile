# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run   — create .venv, install newstrace, analyse the bundled example corpus into out/
#   make test  — install the test dependencies too, and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint clean train-ner

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The CPU build of torch first: a plain "torch" requirement would pull the CUDA build (gigabytes).
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newstrace analyze examples/corpus --out out

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

clean:
	rm -rf out newstrace.db newstrace.db-wal newstrace.db-shm

# Retrain the NER shipped in src/newstrace/annotate/models/ner from ../shared/data (about 15 minutes on
# two CPU cores); see src/newstrace/annotate/models/MODEL_CARD.md.
train-ner: $(STAMP)
	$(BIN)/python -m training.train_ner
