"""Page-cache keys through HTTP: only declared parameters are stored, duplicates are a 400,
404s leave no key, and the documented Redis limit is the one deploy/ ships."""

import re
import secrets
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_duplicate_filter_is_a_german_400_in_either_order(shared_demo_site):
    client = Client(raise_request_exception=False)
    for query in (
        "filter=open-innovation-hour&filter=formate",
        "filter=formate&filter=open-innovation-hour",
    ):
        response = client.get(f"/beitraege/?{query}")
        assert response.status_code == 400
        assert "Diese Anfrage können wir nicht beantworten" in response.content.decode()


def test_undeclared_parameters_are_rendered_never_stored(shared_demo_site):
    client = Client()
    for url in (
        "/?dauer=" + secrets.token_hex(6),
        "/beitraege/feed/?page=5",
        "/beitraege/?page=0001",
    ):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] == "BYPASS", url
            assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize(
    "url",
    [
        "/suche/?q=Community",
        "/beitraege/?filter=open-innovation-hour",
        "/methoden/?dauer=bis-30",
        "/methoden/?partial=1",
    ],
)
def test_declared_parameters_still_hit(shared_demo_site, url):
    client = Client()
    assert client.get(url)["X-Cache"] == "MISS"
    assert client.get(url)["X-Cache"] == "HIT"


def test_readme_documents_the_shipped_redis_limit():
    conf = (ROOT / "deploy/redis/oic-cms-redis.conf").read_text()
    readme = (ROOT / "README.md").read_text()
    limit = re.search(r"^maxmemory (\S+)$", conf, re.M).group(1)
    policy = re.search(r"^maxmemory-policy (\S+)$", conf, re.M).group(1)
    assert f"`maxmemory {limit}`" in readme
    assert f"`maxmemory-policy {policy}`" in readme


@pytest.fixture
def own_redis_cache(tmp_path, settings):
    """The production cache aliases on a Redis of this test's own."""
    import redis

    from oic_cms.settings.caches import redis_caches
    from tests.services import own_redis_server

    process, url = own_redis_server(tmp_path, "to count the page cache's keys")
    settings.CACHES = redis_caches(url, "oic-keys")
    with redis.Redis.from_url(url) as server:
        yield server
    process.terminate()
    process.wait(timeout=10)


def test_random_404s_and_undeclared_parameters_add_no_keys(shared_demo_site, own_redis_cache):
    client = Client()
    client.get("/")
    client.get("/beitraege/")
    before = set(own_redis_cache.keys("*"))

    for _ in range(50):
        assert client.get(f"/gibt-es-nicht-{secrets.token_hex(6)}/").status_code == 404
        assert client.get(f"/?dauer={secrets.token_hex(6)}").status_code == 200
        assert client.get(f"/beitraege/?utm_source={secrets.token_hex(6)}").status_code == 200

    added = set(own_redis_cache.keys("*")) - before
    assert added == set()
    assert all(own_redis_cache.ttl(key) > 0 for key in before)
