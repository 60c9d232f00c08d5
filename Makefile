# newsgraph: the two commands of the quick start, and a few more.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: graph test calibrate bench bench-scaling bench-page bench-longdoc bench-corrections screenshot dev clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make graph: build the bundled seeds/ into out/graph.html and out/graph.json
graph: $(STAMP)
	$(BIN)/newsgraph build seeds -o out/graph.html --json out/graph.json

## make test: the whole test suite (browser tests need Debian's chromium)
test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

## make bench: speed and memory against raw spaCy on the same corpus
bench: $(STAMP)
	$(BIN)/python bench/run.py

## make bench-scaling: CPU µs per word for the real corpus x1, x4, x16 and one 1 / 4 MB document (any
## quadratic term shows), and the CPU seconds of a 1 MB URL-like token and a 1 MB page of unfinished tags
bench-scaling: $(STAMP)
	$(BIN)/python bench/scaling.py

## make bench-longdoc: one 30 MB document end to end (MB=3 for a quick one): time and peak memory
bench-longdoc: $(STAMP)
	$(BIN)/python bench/longdoc.py $(if $(MB),--mb $(MB))

## make bench-corrections: reading and applying 5,000 to 20,000 corrections: CPU seconds (linear, not quadratic)
bench-corrections: $(STAMP)
	$(BIN)/python bench/corrections.py

## make bench-page: time to the first view, to a search answer and to a story opened, of a 5,000-entity page with 20 MB of story text, in headless chromium
bench-page: $(STAMP)
	$(BIN)/python bench/page.py

## make screenshot: the picture of the seed page in README (docs/seed-page.png), made again
screenshot: $(STAMP)
	$(BIN)/python bench/screenshot.py

## make dev: the development articles' per-article and pooled table; ABLATE=1 also switches off each pass in turn (build --skip-passes NAME)
dev: $(STAMP)
	$(BIN)/python bench/dev.py $(if $(ABLATE),--ablate) $(if $(ONLY),--only $(ONLY))

## make calibrate: fit the claim confidences (nlp/data/confidence.json) on the development stories, with
## cross-validation by story; needs their texts (../shared/devdata/README.md)
calibrate: $(STAMP)
	$(BIN)/python bench/calibrate.py

clean:
	rm -rf out build *.egg-info .pytest_cache
