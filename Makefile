# The two commands: `make dev` and `make test`. `make help` lists the rest.
SHELL := bash
.DEFAULT_GOAL := help
BACKEND := flaskBackend
BIN := $(BACKEND)/.venv/bin
PYENV := source scripts/lib.sh && ensure_python_env

.PHONY: help dev serve test test-backend check contract migrate migration lock venv clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

dev: ## Install what is missing, start PostgreSQL, migrate, seed, serve the API and UI with reload
	@bash scripts/dev.sh

serve: ## Production server (gunicorn) against DATABASE_URL, after migrating
	@bash scripts/serve.sh

test: ## Every test and check, against a throwaway PostgreSQL
	@bash scripts/with-test-db.sh $(MAKE) --no-print-directory check lint-containers test-backend contract test-ui e2e
	@echo "make test: all passed"

test-backend: venv ## pytest with coverage (its own throwaway PostgreSQL unless TEST_DATABASE_URL)
	cd $(BACKEND) && .venv/bin/pytest --cov --cov-report=term

check: venv ## Lint, format, types and the layer contracts
	cd $(BACKEND) && .venv/bin/ruff check . && .venv/bin/ruff format --check .
	cd $(BACKEND) && .venv/bin/mypy
	cd $(BACKEND) && .venv/bin/lint-imports --no-cache

contract: venv ## schemathesis against the running app (needs TEST_DATABASE_URL; make test sets it)
	@bash scripts/with-test-db.sh bash scripts/contract.sh

.PHONY: test-ui e2e client
test-ui: ## UI: lint, types, unit tests, build, bundle size, client drift (scripts/ui.sh)
	@bash scripts/ui.sh

e2e: ## UI in Chromium against the real API and a throwaway PostgreSQL (Playwright, axe)
	@bash scripts/e2e.sh

client: venv ## Regenerate the UI's typed API client from the OpenAPI document
	@bash scripts/client.sh

.PHONY: lighthouse
lighthouse: ## Lighthouse scores of sign-in and the task list, mobile and desktop (not in make test)
	@bash scripts/lighthouse.sh

.PHONY: bench  # bench/ is a folder: without this, make would call the target done
bench: ## Benchmark the API against a frameworkless baseline with wrk (BENCH_ROWS, BENCH_SECONDS)
	@bash scripts/bench.sh

migrate: ## Upgrade the make dev database to the newest migration
	@bash scripts/with-dev-db.sh .venv/bin/alembic upgrade head

migration: ## Autogenerate a migration from the models: make migration m="add x"
	@test -n "$(m)" || { echo 'usage: make migration m="what changed"'; exit 2; }
	@bash scripts/with-dev-db.sh bash -c '.venv/bin/alembic upgrade head && .venv/bin/alembic revision --autogenerate -m "$(m)"'

lock: venv ## Re-lock Python dependencies (runtime, dev, bench; hashes, no index URLs) from pyproject.toml
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 -q -o requirements/runtime.txt
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 -q -c requirements/runtime.txt -o requirements/dev.txt
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --extra bench --extra dev --generate-hashes --universal --python-version 3.11 -q -c requirements/dev.txt -o requirements/bench.txt

venv:
	@$(PYENV)

clean: ## Remove the virtualenv, caches and local data (.run/)
	rm -rf $(BACKEND)/.venv .run $(BACKEND)/.coverage
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

.PHONY: lint-containers
lint-containers: ## Compose files, Dockerfiles (hadolint) and the containers' commands, without Docker
	@bash scripts/lint-containers.sh
