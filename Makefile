# The two commands: `make run` (pipeline on the shipped sample) and `make test` (the whole suite).
# Both create the environment from uv.lock first; nothing needs installing by hand.
SHELL := /bin/bash
UV_SYSTEM := $(shell command -v uv 2>/dev/null)
UV := $(if $(UV_SYSTEM),$(UV_SYSTEM),.tools/bin/uv)
SAMPLE_INBOX ?= data/sample/inbox

.PHONY: run test env env-dev browser lint typecheck clean

$(UV):
	python3 -m venv .tools && .tools/bin/pip install --quiet uv

env: $(UV)
	$(UV) sync --frozen --no-dev

env-dev: $(UV)
	$(UV) sync --frozen

run: env
	$(UV) run --frozen --no-dev followup run --inbox $(SAMPLE_INBOX)

# Debian's Chromium for the browser test (browser downloads are not possible here).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium not installed: the browser test will be skipped"

lint: env-dev
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

typecheck: env-dev
	$(UV) run --frozen mypy

test: env-dev browser lint typecheck
	$(UV) run --frozen pytest

clean:
	rm -rf data/warehouse.duckdb data/published reports/*/ reports/latest.html
