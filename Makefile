# Råderum. `make demo` serves a demo municipality; `make test` runs everything CI checks.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PO := locale/da/LC_MESSAGES/django.po
PG_URL ?= postgres://raaderum:raaderum@127.0.0.1:5432/raaderum
# Tests and checks never need a real secret; the demo runs with DEBUG on.
export SECRET_KEY ?= test-and-demo-only-not-secret
export DJANGO_SETTINGS_MODULE := raaderum.settings

.PHONY: demo production serve test check lint typecheck migrations-check messages-check messages \
	test-sqlite test-postgres test-browser install static compilemessages postgres chromium poppler \
	xmlsec \
	lock benchmark load screenshots clean coverage-pure mutation

demo: install static compilemessages
	DEBUG=true $(MANAGE) migrate --noinput
	DEBUG=true $(MANAGE) load_demo
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

# The production setup, locally: PostgreSQL, collected static files served by whitenoise, gunicorn,
# DEBUG off. Plain HTTP on 127.0.0.1, so secure cookies are off here (never in a real deployment).
production: install static compilemessages postgres
	bash scripts/production.sh

serve: install static compilemessages
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

test: check coverage-pure test-sqlite test-postgres test-browser
	@echo "make test: all checks passed"

check: install static compilemessages lint typecheck migrations-check messages-check

install: $(BIN)/.installed

$(BIN)/.installed: requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements/dev.txt
	touch $@

node_modules/.package-lock.json: package-lock.json package.json
	command -v npm >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund --loglevel=error

# Front-end packages come from npm ci; their built files are copied, never committed.
static: node_modules/.package-lock.json
	rm -rf static/vendor
	mkdir -p static/vendor/dkfds static/vendor/htmx
	cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/js node_modules/dkfds/dist/fonts \
		node_modules/dkfds/dist/img static/vendor/dkfds/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/

compilemessages: install
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

messages: install
	$(MANAGE) makemessages -l da --add-location file --no-obsolete \
		--ignore=node_modules --ignore=static/vendor --ignore=var --ignore=mutants

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy raaderum benchmarks

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

# Fails when a string in the code or templates is missing from the Danish catalogue.
messages-check: install
	mkdir -p var && cp $(PO) var/django.po.committed
	$(MANAGE) makemessages -l da --add-location file --no-obsolete \
		--ignore=node_modules --ignore=static/vendor --ignore=var --ignore=mutants -v 0
	$(BIN)/python scripts/compare_po.py var/django.po.committed $(PO); \
		status=$$?; cp var/django.po.committed $(PO); exit $$status

test-sqlite: install static compilemessages poppler xmlsec
	$(BIN)/pytest -m "not browser" -q

postgres:
	bash scripts/postgres.sh

test-postgres: install static compilemessages poppler xmlsec postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" -q

chromium:
	test -x /usr/bin/chromium || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# SAML single sign-on: pysaml2 checks and makes XML signatures with Debian's xmlsec1.
xmlsec:
	command -v xmlsec1 >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xmlsec1)

# pdftotext reads the catalog PDF back in the tests that check its totals.
poppler:
	command -v pdftotext >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils)

test-browser: install static compilemessages chromium
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q

# The pure modules (strict mypy list in pyproject.toml), measured by their own database-free tests
# alone: 100 % of lines and branches ([tool.coverage] there). The tests are mutmut's selection, so
# coverage and mutation testing look at the same tests.
PURE_TESTS = $(shell $(BIN)/python -c 'import tomllib; \
	print(*tomllib.load(open("pyproject.toml", "rb"))["tool"]["mutmut"]["pytest_add_cli_args_test_selection"])')

coverage-pure: install
	mkdir -p var
	$(BIN)/coverage erase
	$(BIN)/coverage run -m pytest -q $(PURE_TESTS)
	$(BIN)/coverage report

# Mutation testing of the pure modules: slow (an hour on two cores), so not part of `make test`.
# From scratch every time: mutmut does not copy a changed test file into an existing mutants/.
# Niced: the machine is shared. The figures go into docs/quality.md.
mutation: install
	rm -rf mutants
	nice -n 10 $(BIN)/mutmut run --max-children 2
	$(BIN)/python scripts/mutation_summary.py --fail-under 90

# 100 users for 60 s against gunicorn + PostgreSQL (docs/benchmarks.md); not part of make test.
load: install static compilemessages
	bash benchmarks/load.sh

benchmark: install static compilemessages
	$(BIN)/python benchmarks/catalog.py

screenshots: install static compilemessages chromium
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python scripts/screenshots.py

# Re-pin: resolves pyproject.toml into the two lock files.
lock: install
	$(BIN)/python -m pip install -q uv==0.13.9
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -q -o requirements/production.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -q -o requirements/dev.txt

clean:
	rm -rf $(VENV) node_modules static/vendor var
