# The two commands: `make dev` and `make test`. `make help` lists the rest.
SHELL := bash
.DEFAULT_GOAL := help
BACKEND := flaskBackend
BIN := $(BACKEND)/.venv/bin
PYENV := source scripts/lib.sh && ensure_python_env

.PHONY: help dev serve test test-backend test-live check contract resource field remove-resource migrate migration lock venv clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

dev: ## Install what is missing, start PostgreSQL, migrate, seed, serve the API and UI with reload
	@bash scripts/dev.sh

serve: ## Production server (gunicorn) against DATABASE_URL, after migrating
	@bash scripts/serve.sh

test: ## Every test and check against a throwaway PostgreSQL; ends with "tests: N passed, F failed"
	@bash scripts/test.sh

test-backend: ## pytest with coverage (a throwaway PostgreSQL unless TEST_DATABASE_URL)
	@bash scripts/test.sh backend

test-live: ## The production server (gunicorn) on real sockets: outage, rate limits, races, logs
	@bash scripts/test.sh live

check: ## Lint, format, types and the layer contracts
	@bash scripts/test.sh check

contract: ## schemathesis against the real server (gunicorn), from the OpenAPI document
	@bash scripts/test.sh contract

.PHONY: test-generator
test-generator: ## The generator as a product: make resource, field, remove-resource in a temporary checkout
	@bash scripts/test.sh generator

# copier:if template
.PHONY: test-template
test-template: ## Projects started with copier (all options on, no UI, no example) and a copier update, tested
	@bash scripts/test.sh template
# copier:end template

.PHONY: fmt
fmt: venv ## Format and auto-fix the backend (ruff) and the UI (Prettier, ESLint)
	cd $(BACKEND) && .venv/bin/ruff check --fix . && .venv/bin/ruff format .
	@[ ! -d ui ] || { source scripts/lib.sh && ensure_ui_deps && ui_yarn format && ui_yarn eslint --fix .; }

.PHONY: worker backup restore
worker: ## Run the job worker and its schedules against the make dev database (make dev starts one)
	@bash scripts/dev.sh run .venv/bin/flask --app app worker

backup: ## Dump the make dev database (pg_dump, custom format) to BACKUP_DIR, keeping the last BACKUP_KEEP
	@source scripts/lib.sh && need_package postgresql-client pg_dump
	@bash scripts/dev.sh run .venv/bin/flask --app app backup

restore: ## Restore a dump into an empty database: [POSTGRES_DB=new] make restore file=... [force=1]
	@test -n "$(file)" || { echo 'usage: make restore file=.run/backups/app-....dump [force=1]'; exit 2; }
	@source scripts/lib.sh && need_package postgresql-client pg_restore
	@bash scripts/dev.sh run .venv/bin/flask --app app restore "$(abspath $(file))" $(if $(force),--force)

# copier:if ui
.PHONY: test-ui e2e client
test-ui: ## UI: lint, types, unit tests, build, bundle size, client drift
	@bash scripts/test.sh ui

e2e: ## UI in Chromium against the real API and a throwaway PostgreSQL (Playwright, axe)
	@bash scripts/test.sh e2e

client: venv ## Regenerate the UI's typed API client from the OpenAPI document
	@bash scripts/client.sh

# copier:if example
.PHONY: lighthouse
lighthouse: ## Lighthouse scores of sign-in and the task list, mobile and desktop (not in make test)
	@bash scripts/lighthouse.sh
# copier:end example
# copier:end ui

# copier:if example
.PHONY: bench  # bench/ is a folder: without this, make would call the target done
bench: ## Benchmark the API against a frameworkless baseline with wrk (BENCH_ROWS, BENCH_SECONDS, BENCH_ROUNDS)
	@bash scripts/bench.sh
# copier:end example

resource: venv ## Generate a resource: make resource name=books fields="title:str(200):unique year:int?" [scope=shared]
	@cd $(BACKEND) && .venv/bin/python -m devtools.resource --name "$(name)" --fields "$(fields)" --singular "$(singular)" --scope "$(scope)"

field: venv ## Add fields to a generated resource, keeping your edits: make field resource=books fields="isbn:str(13)?:unique"
	@cd $(BACKEND) && .venv/bin/python -m devtools.resource.field --resource "$(resource)" --fields "$(fields)"

remove-resource: venv ## Remove a resource and drop its table: make remove-resource name=books (the example too)
	@cd $(BACKEND) && .venv/bin/python -m devtools.resource.remove --name "$(name)" --force "$(force)"

migrate: ## Upgrade the make dev database to the newest migration
	@bash scripts/dev.sh run .venv/bin/alembic upgrade head

migration: ## Autogenerate a migration from the models: make migration m="add x"
	@test -n "$(m)" || { echo 'usage: make migration m="what changed"'; exit 2; }
	@bash scripts/dev.sh run bash -c '.venv/bin/alembic upgrade head && .venv/bin/alembic revision --autogenerate -m "$(m)"'

lock: venv ## Re-lock Python dependencies (runtime, dev, bench; hashes, no index URLs) from pyproject.toml
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 -q -o requirements/runtime.txt
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 -q -c requirements/runtime.txt -o requirements/dev.txt
	cd $(BACKEND) && .venv/bin/uv pip compile pyproject.toml --extra bench --extra dev --generate-hashes --universal --python-version 3.11 -q -c requirements/dev.txt -o requirements/bench.txt

venv:
	@$(PYENV)

clean: ## Remove the virtualenv, node_modules, every cache and report the suite writes, and local data (.run/)
	rm -rf .run $(BACKEND)/.venv $(BACKEND)/.coverage $(BACKEND)/.hypothesis $(BACKEND)/.schemathesis \
	  $(BACKEND)/.mypy_cache $(BACKEND)/.ruff_cache $(BACKEND)/.pytest_cache \
	  ui/node_modules ui/dist ui/test-results ui/playwright-report ui/.yarn/install-state.gz
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

.PHONY: lint-containers
lint-containers: ## Dockerfiles (hadolint), compose files, the workflow and the Kubernetes manifests, without Docker
	@bash scripts/test.sh containers

.PHONY: test-containers
test-containers: ## Build, start and test the stack on a real Docker engine (needs Docker; not in make test)
	@bash scripts/test-containers.sh
