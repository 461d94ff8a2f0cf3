"""Shared steps of the load benchmark and the soak test: set up a run, name the pages, count
their SQL queries and drive them with wrk."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass

from .environment import (
    BASE_DIR,
    ensure_debian_tools,
    production_environment,
    redis_for_run,
    say,
    throwaway_database,
)

WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Run:
    """One benchmark run: its temporary folder, database and Redis, and Django set up on them."""

    workdir: str
    database: object
    redis: object

    def environment(self, page_cache_seconds=0, **extra):
        return production_environment(
            self.database, self.redis, self.workdir, page_cache_seconds, **extra
        )


@contextmanager
def benchmark_run(keep=False, private_redis=False):
    """A throwaway database (PostgreSQL if one is reachable) and Redis, with this process's
    Django configured on them with the production settings; everything removed afterwards.
    ``private_redis``: a redis-server of the run's own, which the run may stop."""
    sys.path.insert(0, str(BASE_DIR))
    workdir = tempfile.mkdtemp(prefix="oic-bench-")
    os.chmod(workdir, 0o755)  # nginx workers read the saved pages from here
    database = throwaway_database(workdir)
    redis = redis_for_run(private=private_redis)
    run = Run(workdir, database, redis)
    say(f"database: {database.kind} ({database.url}); Redis: {redis.url}; files: {workdir}")
    os.environ.update(run.environment())
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()
    try:
        yield run
    finally:
        from django.db import connections

        connections.close_all()
        redis.stop()
        database.drop()
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def benchmark_pages():
    """``{name: path}`` of the pages the issue names, found in the current database."""
    from blog.models import BlogPage
    from events.models import EventPage
    from formats.models import FormatPage
    from home.models import Category

    category = Category.objects.order_by("pk").first()
    post = BlogPage.objects.live().exclude(slug__startswith="lasttest-").order_by("path").first()
    return {
        "home": "/",
        "listing": "/beitraege/",
        "filtered listing": f"/beitraege/?filter={category.slug}",
        "listing page 5": "/beitraege/?page=5",
        "post": post.url,
        "format page": FormatPage.objects.live().order_by("path").first().url,
        "event page": EventPage.objects.live().order_by("path").first().url,
        "feed": "/beitraege/feed/",
        "search": "/suche/?q=Innovation",
    }


def sql_queries_per_request(pages):
    """Each page requested in this process (same settings and database as the server): the
    number of SQL queries of the second request, once renditions exist."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # Building the data set may have read the manifest before collectstatic wrote it.
    staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = (
        staticfiles_storage.load_manifest()
    )
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, path in pages.items():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{name} ({path}) answered {response.status_code}")
        counts[name] = len(queries)
    return counts


def ensure_load_tools():
    ensure_debian_tools(("wrk", "wrk"), ("nginx", "nginx"))


@dataclass
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def parse_duration_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * WRK_UNITS[unit]


def wrk(url, seconds, connections, threads=2):
    """Drive ``url`` with wrk for ``seconds``; non-2xx/3xx answers and socket errors count
    as errors."""
    output = subprocess.run(
        [
            "wrk",
            "--latency",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if set(percentiles) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output for {url}:\n{output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    if requests == 0:  # every request outlived wrk's timeout
        return LoadResult(0.0, float("inf"), float("inf"), 0, max(errors, 1))
    return LoadResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=parse_duration_ms(percentiles["50"]),
        p99_ms=parse_duration_ms(percentiles["99"]),
        requests=requests,
        errors=errors,
    )
