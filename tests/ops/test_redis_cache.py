"""The production cache backend against a Redis of the test's own.

The module starts its own ``redis-server`` on a free loopback port with its data in a temporary
folder, so that it neither depends on nor clears a Redis that others use.
"""

import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from tests.services import free_port, service_missing

STARTUP_SECONDS = 10


def start_redis(binary, directory):
    """A redis-server answering on a free port, or ``None`` if the port was taken meanwhile."""
    port = free_port()
    log = directory / f"redis-{port}.log"
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(directory)]
        + ["--save", "", "--appendonly", "no", "--logfile", str(log)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            client.close()
            return None, None
        try:
            client.ping()
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
        else:
            client.close()
            return process, url
    process.kill()
    process.wait()
    client.close()
    pytest.fail(f"redis-server did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        service_missing("no redis-server binary on PATH to start a Redis for the cache tests")
    directory = tmp_path_factory.mktemp("redis")
    for _attempt in range(3):
        process, url = start_redis(binary, directory)
        if process is not None:
            break
    else:
        logs = "\n".join(log.read_text() for log in directory.glob("*.log"))
        pytest.fail(f"redis-server would not start:\n{logs}")
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def redis_cache(redis_url, settings):
    """The default cache as production configures it, pointed at this module's Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "oic-test",
        }
    }
    backend = caches["default"]
    backend.clear()
    yield backend
    backend.clear()
    backend.close()


def test_the_cache_is_the_modules_own_redis(redis_cache, redis_url):
    redis_cache.set("token", "a1", 60)
    with redis.Redis.from_url(redis_url) as server:
        assert server.keys("oic-test:*") == [b"oic-test:1:token"]


def test_reads_writes_and_purges_like_djangos_backend(redis_cache):
    redis_cache.set("token", "a1", 60)
    assert redis_cache.add("token", "b2", 60) is False
    assert redis_cache.add("entry", (200, b"<html>", [("Content-Type", "text/html")]), 60)
    assert redis_cache.get_many(["token", "entry", "missing"]) == {
        "token": "a1",
        "entry": (200, b"<html>", [("Content-Type", "text/html")]),
    }
    redis_cache.delete_many(["token"])
    assert redis_cache.get("token") is None


def test_a_page_cached_in_redis_is_a_hit_for_the_next_visitor(redis_cache, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = Client().get("/")
    second = Client().get("/")

    assert (first.status_code, first["X-Cache"]) == (200, "MISS")
    assert (second.status_code, second["X-Cache"]) == (200, "HIT")
    assert second.content == first.content
