"""Which host names the site answers, and that no ``Host:`` header a visitor sends grows a cache.

Was: the site cache kept one entry per ``Host:`` value, port included (``ALLOWED_HOSTS`` ignores
ports), so ``Host: localhost:N`` grew one Redis value by about 540 B per port; the page cache
kept a copy of each page per port; and any host ``ALLOWED_HOSTS`` let through got the default
site.
"""

import pickle
import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from wagtail.models import Site

import home.wagtail_overrides as overrides
from newsletter.forms import SIGNUP_CONTEXT_SALT

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_site(site_tree):
    site_tree.site.hostname, site_tree.site.port = "oic-bielefeld.de", 443
    site_tree.site.save()
    return site_tree


def stored_size(key):
    return len(pickle.dumps(cache.get(key)))


def test_a_host_that_is_no_site_is_answered_400_whatever_allowed_hosts_lets_through(
    public_site, settings
):
    client = Client(raise_request_exception=False)
    for allowed, host in [
        (["*"], "evil.example"),
        ([".oic-bielefeld.de"], "evil.oic-bielefeld.de"),
        (["*"], "evil.example:8000"),
    ]:
        settings.ALLOWED_HOSTS = allowed
        for path in ("/", "/beitraege/", "/admin/login/", "/newsletter/"):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 400, (allowed, host, path)
            assert "Diese Anfrage können wir nicht beantworten" in response.content.decode()
    assert cache.get(overrides.SITES_BY_HOST_KEY) is None  # nothing stored for them


def test_the_sites_own_host_and_hosts_named_in_allowed_hosts_get_the_site(public_site, settings):
    settings.ALLOWED_HOSTS = [".oic-bielefeld.de", "localhost", "testserver"]
    client = Client(raise_request_exception=False)
    for host in (
        "oic-bielefeld.de",
        "OIC-Bielefeld.de.",
        "oic-bielefeld.de:8443",
        "localhost:8000",
    ):
        response = client.get("/beitraege/", HTTP_HOST=host, secure=True)
        assert response.status_code == 200, host
    assert client.get("/", HTTP_HOST="127.0.0.1:8000").status_code == 400  # not allowed at all


def test_ports_in_the_host_header_grow_neither_the_site_cache_nor_the_page_cache(
    site_tree, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    first = client.get("/beitraege/", HTTP_HOST="localhost:8000")
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    size_after_one_host = stored_size(overrides.SITES_BY_HOST_KEY)

    for port in range(8001, 8301):
        response = client.get("/beitraege/", HTTP_HOST=f"localhost:{port}")
        assert response.status_code == 200
        # The same stored copy for every port: no new entry per port.
        assert response["X-Cache"] == "HIT", port
    for port in range(8001, 8301):
        assert client.get("/autoren/", HTTP_HOST=f"localhost:{port}").status_code in (200, 404)

    assert stored_size(overrides.SITES_BY_HOST_KEY) == size_after_one_host
    assert len(cache.get(overrides.SITES_BY_HOST_KEY)["by_key"]) == 1


def test_a_second_site_on_its_own_host_is_found_and_cached_apart(site_tree, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other_root = site_tree.home.add_child(
        instance=type(site_tree.home)(title="Zweite Website", slug="zweite")
    )
    Site.objects.create(hostname="zweite.example", port=80, root_page=other_root)
    client = Client(raise_request_exception=False)

    assert client.get("/", HTTP_HOST="zweite.example").context["page"].pk == other_root.pk
    assert client.get("/", HTTP_HOST="localhost").context["page"].pk == site_tree.home.pk
    assert client.get("/", HTTP_HOST="dritte.example").status_code == 400


def test_a_cached_page_carries_the_sites_address_not_the_host_header_of_its_first_visitor(
    public_site, settings
):
    """The sign-up form's consent proof names the page it was on; a page without a Wagtail page
    (search, the sign-up page) names it under the site's address, not under ``Host:``."""
    settings.ALLOWED_HOSTS = [".oic-bielefeld.de", "testserver"]
    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    for path in ("/newsletter/",):
        html = client.get(path, HTTP_HOST="oic-bielefeld.de:6666", secure=True).content.decode()
        signed = re.search(r'name="context" value="([^"]+)"', html).group(1)
        shown = signing.loads(signed, salt=SIGNUP_CONTEXT_SALT)
        assert shown["page"] == f"https://oic-bielefeld.de{path}", path
