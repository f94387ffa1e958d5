# Two commands matter: `make run` and `make test`. Both set up what they need first and are
# cheap to repeat: each step leaves a stamp and reruns only when its inputs change.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_SYS_RUN := $(VENV)/.system-run
STAMP_SYS_TEST := $(VENV)/.system-test
STAMP_SYS_BUNDLE := $(VENV)/.system-bundle
STAMP_PY := $(VENV)/.python-deps
STAMP_BUNDLE := $(VENV)/.bundle-deps
MO := resources/locale/en/LC_MESSAGES/facilitator.mo
PO := resources/locale/en/LC_MESSAGES/facilitator.po

.PHONY: messages run test lint typecheck contracts pytest bench soak soak-quick setup setup-test clean locale check bytecode bundle bundle-test

run: setup
	$(BIN)/facilitator

test: setup-test lint typecheck contracts soak-quick pytest

setup: $(STAMP_SYS_RUN) $(STAMP_PY) $(MO) bytecode

setup-test: setup $(STAMP_SYS_TEST)

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(STAMP_SYS_RUN): .ci/system-packages | $(VENV)/.created
	bash .ci/system-packages run
	touch $@

$(STAMP_SYS_TEST): .ci/system-packages | $(VENV)/.created
	bash .ci/system-packages test
	touch $@

$(STAMP_SYS_BUNDLE): .ci/system-packages | $(VENV)/.created
	bash .ci/system-packages bundle
	touch $@

$(STAMP_PY): pyproject.toml | $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# pip compiles an installed package's bytecode; an editable install is left to compile itself on
# first import, and where PYTHONDONTWRITEBYTECODE is set (CI, some desktops) it never keeps it,
# so every start would compile every module again. Only changed files are compiled.
bytecode: $(STAMP_PY)
	$(BIN)/python -m compileall -q facilitator

$(MO): $(PO) $(STAMP_PY)
	$(BIN)/pybabel compile --use-fuzzy -d resources/locale -D facilitator -l en >/dev/null

locale: $(MO)

lint: $(STAMP_PY)
	$(BIN)/ruff check facilitator tests packaging
	$(BIN)/ruff format --check facilitator tests packaging

typecheck: $(STAMP_PY)
	$(BIN)/mypy

contracts: $(STAMP_PY)
	$(BIN)/lint-imports

pytest: setup-test
	LANG=C.UTF-8 $(BIN)/python -m pytest -q

bench: setup-test
	LANG=C.UTF-8 $(BIN)/python -m tests.bench

soak: setup-test
	LANG=C.UTF-8 $(BIN)/python -m tests.soak

# The soak's quick form (a tenth of each stage) inside `make test`: a check nobody runs rots.
soak-quick: setup-test
	LANG=C.UTF-8 $(BIN)/python -m tests.soak --quick

check: setup
	$(BIN)/facilitator check

# The installable Linux app (docs/decisions/0018): build/bundle/facilitator-<version>-linux-x86_64.tar.gz.
$(STAMP_BUNDLE): pyproject.toml | $(STAMP_PY)
	$(BIN)/python -m pip install --quiet -e '.[dev,bundle]'
	touch $@

bundle: setup $(STAMP_SYS_BUNDLE) $(STAMP_BUNDLE)
	$(BIN)/python packaging/build_linux.py

# Builds the bundle, installs it into a temporary home and runs it with a clean environment;
# .ci/run runs it after `make test` (decision 0018), a release runs it too.
bundle-test: setup-test $(STAMP_SYS_BUNDLE) $(STAMP_BUNDLE)
	LANG=C.UTF-8 $(BIN)/python -m tests.bundle.release_check

clean:
	rm -rf $(VENV) $(MO) build *.egg-info

# For maintainers: refresh the template and the English catalogue after changing UI text.
messages: $(STAMP_PY)
	$(BIN)/pybabel extract -F resources/locale/babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --sort-output --project=facilitator -o resources/locale/facilitator.pot .
	$(BIN)/pybabel update -i resources/locale/facilitator.pot -d resources/locale -D facilitator -l en --width=100 --ignore-obsolete
