# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run   — create .venv, install newstrace, analyse the bundled example corpus into out/
#   make test  — install the test dependencies too, and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint clean train-ner train-ner-accurate train-align

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

# Retrain the NER shipped in src/newstrace/annotate/models/ner from ../shared/data (about 25 minutes on
# two CPU cores): the accurate mode (train-ner-accurate, shipped) tags unlabeled news as silver data, then
# the fast BILUO tagger trains on the gold twice plus that silver; see
# src/newstrace/annotate/models/MODEL_CARD.md.
train-ner: $(STAMP)
	OMP_NUM_THREADS=2 $(BIN)/python -m training.ner_silver --out build/ner/silver.jsonl
	$(BIN)/python -m training.train_ner --silver build/ner/silver.jsonl --gold-times 2

# Retrain the accurate mode's head (BiLSTM over contextual MiniLM features) shipped in
# src/newstrace/annotate/models/ner_accurate/ from ../shared/data (about 20 minutes on one thread: 4 for
# the MiniLM features, cached under build/ner_ctx/, then 6 epochs); see the model card.
train-ner-accurate: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -m training.train_ner_accurate --install

# Retrain the statement-pair model of claim alignment shipped in src/newstrace/compare/models/align.json
# from the tuned claims gold sets (benchmarks/gold, about 20 seconds; --cv-labels adds a minute of
# leave-one-set-out scoring); see src/newstrace/compare/models/ALIGN_MODEL_CARD.md.
train-align: $(STAMP)
	OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 $(BIN)/python -m training.train_align --install
