"""The production cache backend against the machine's Redis (127.0.0.1:6379, as in CI)."""

import pytest
import redis

from oic_cms.redis_cache import ReusedClientRedisCache
from tests.services import service_missing

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        service_missing(f"no Redis answers at {REDIS_URL}: {error}")
    backend = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "oic-test"})
    backend.clear()
    yield backend
    backend.clear()
    backend.close()


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


def test_every_call_shares_one_client_per_server(redis_cache):
    redis_cache.set("warm", 1, 60)
    client = redis_cache._cache.get_client(write=False)
    redis_cache.get("warm")
    assert redis_cache._cache.get_client(write=True) is client
