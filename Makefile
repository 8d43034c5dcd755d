# Two entry points on a fresh machine: `make demo` (build the bundled corpus) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install clean score browser virtuoso bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The view tests drive Debian's Chromium (no browser download); a CJK font makes screenshots legible.
browser:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; }

# The publishing tests push to a real Virtuoso 7, the store CELLAR runs (Debian's build, started by the tests).
virtuoso:
	@command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }

demo: $(STAMP)
	rm -rf .ipgraph
	$(BIN)/ipgraph build data/
	$(BIN)/ipgraph export --format turtle --output out/ipgraph.ttl
	@echo "wrote out/ipgraph.ttl ($$(wc -l < out/ipgraph.ttl) lines)"
	$(BIN)/ipgraph viz accountability
	$(BIN)/ipgraph viz lineage
	$(BIN)/ipgraph viz indicators
	$(BIN)/ipgraph lineage 宜昌市知识产权保护与运用

test: $(STAMP) browser virtuoso
	$(BIN)/python -m pytest -q

# Builds 100, 1,000 and 10,000 generated plans (in /tmp/ipgraph-bench); about an hour on 2 cores.
bench: $(STAMP)
	$(BIN)/python -u -m bench --sizes 100,1000,10000 --rdflib-max 1000 --serial-max 10000

# The scorer on the bundled seeds, the nine annotated State Council pages, and twenty-four more pages
# annotated in this repository (eval/govcn): rules are written for the genre, so all three must hold.
score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py ../shared/eval/seeds --ipgraph $(BIN)/ipgraph --verbose
	$(BIN)/python ../shared/eval/score.py ../shared/eval/real --ipgraph $(BIN)/ipgraph --verbose
	$(BIN)/python ../shared/eval/score.py eval/govcn --ipgraph $(BIN)/ipgraph --verbose

clean:
	rm -rf .ipgraph out .pytest_cache
