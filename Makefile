# Two entry points on a fresh machine: `make demo` (build the bundled corpus) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean score

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf .ipgraph
	$(BIN)/ipgraph build data/
	$(BIN)/ipgraph export --format turtle --output out/ipgraph.ttl
	@echo "wrote out/ipgraph.ttl ($$(wc -l < out/ipgraph.ttl) lines)"
	$(BIN)/ipgraph lineage 宜昌

test: $(STAMP)
	$(BIN)/python -m pytest -q

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py ../shared/eval/seeds --ipgraph $(BIN)/ipgraph --verbose

clean:
	rm -rf .ipgraph out .pytest_cache
