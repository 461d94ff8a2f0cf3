# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell python3.13 -c '' >/dev/null 2>&1 && echo python3.13 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: install migrate demo run test lint check-migrations pytest browser-prerequisites bench-queries bench-import bench-newsletter bench soak audit clean

$(VENV)/installed.stamp: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 13), "OIC CMS needs Python 3.13, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,s3,bench]"
	@touch $@

install: $(VENV)/installed.stamp

migrate: install
	$(PY) manage.py migrate --noinput

# Mail links and the demo site's address (canonical, og:url, feeds, sitemap, iCal) point at what
# `make run` serves: the demo's Wagtail site takes its host and port from this address.
demo run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

demo: migrate
	$(PY) manage.py load_demo_content --with-local-admin

run: demo
	@echo "OIC CMS: $(WAGTAILADMIN_BASE_URL)/  (admin: $(WAGTAILADMIN_BASE_URL)/admin/, admin / oic-demo-admin)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

check-migrations: install
	DJANGO_SETTINGS_MODULE=oic_cms.settings.test $(PY) manage.py makemigrations --check --dry-run

# Browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
# Without it (and not root) they are skipped with that reason; under CI=true they fail.
browser-prerequisites:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) ; } \
		|| echo "Browser tests need Debian's chromium at $(CHROMIUM) (apt-get install chromium); skipping them."

# One worker per core; the browser tests each start their own Chromium and live server.
pytest: install browser-prerequisites
	$(VENV)/bin/pytest -n 2

test: lint check-migrations pytest

# Benchmarks print figures; they are not part of `make test`.
bench-queries: install
	$(PY) benchmarks/listing_queries.py

# Imports a generated Jekyll site of 1,000 posts twice; prints posts per second and memory.
bench-import: install
	$(PY) benchmarks/import_site.py 1000

# One issue to 10,000 confirmed subscribers through the real task worker and a local SMTP sink
# (aiosmtpd), straight and with the worker killed at half: messages/s, worker memory, and how
# many messages each address received (must be 1).
NEWSLETTER_SUBSCRIBERS ?= 10000
bench-newsletter: install
	$(PY) -m benchmarks.newsletter_send --subscribers $(NEWSLETTER_SUBSCRIBERS)

# gunicorn with the production settings on loopback, driven by wrk, and Varnish in front of it
# (deploy/varnish/oic-cms.vcl); needs wrk, nginx and varnish (installed with apt-get when run
# as root). Prints a table and which targets are met.
bench: install
	$(PY) -m benchmarks.load

# Mixed traffic plus publishing for SOAK_SECONDS (default 180); reports errors and memory.
SOAK_SECONDS ?= 180
soak: install
	$(PY) -m benchmarks.soak --seconds $(SOAK_SECONDS)

# Lighthouse (audit/package.json) in Debian's Chromium against the site under production settings
# and gunicorn: home page, post listing and a post, mobile and desktop, median of AUDIT_RUNS (3).
# Prints each page's weight; fails below performance 95 or accessibility 100, or above a weight
# budget (home and listing 600 KB, a post 300 KB). Several minutes: not part of `make test`.
audit: install browser-prerequisites
	cd audit && npm ci --no-audit --no-fund --loglevel=error
	CHROME_PATH=$(CHROMIUM) bash audit/run.sh

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles var
