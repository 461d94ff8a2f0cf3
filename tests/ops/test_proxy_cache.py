"""Varnish with deploy/varnish/oic-cms.vcl in front of the site: what anonymous visitors share,
what it never keeps, and that a publish through Wagtail reaches visitors through it at once."""

import http.client
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from wagtail.models import Site

from blog.models import BlogPage
from oic_cms.settings.frontend_cache import frontend_cache_backends
from tests.conftest import make_site_tree
from tests.factories import BlogPageFactory
from tests.services import free_port, service_missing, wait_for_port

# Published pages are committed so that the purge runs; the migrations' root page and default
# site are put back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "oic-cms.vcl"
DEPLOYED_BACKEND = '.port = "8000";'
VISIBLE_WITHIN_SECONDS = 1.0


def start_varnish(backend_port, folder):
    """varnishd with the deployed VCL, its backend on ``backend_port``; returns (process, port)."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not os.access(varnishd, os.X_OK):
        service_missing("varnishd is not installed (apt-get install varnish)")
    vcl_text = VCL.read_text()
    assert vcl_text.count(DEPLOYED_BACKEND) == 1
    vcl = folder / "oic-cms.vcl"
    vcl.write_text(vcl_text.replace(DEPLOYED_BACKEND, f'.port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(
        [
            varnishd,
            "-F",
            "-j",
            "none",
            "-n",
            str(folder / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-T",
            "none",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, process, "varnishd")
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process, port


@pytest.fixture
def varnish(live_server, tmp_path):
    """The deployed VCL in a varnishd of our own, in front of the live server."""
    process, port = start_varnish(live_server.url.rsplit(":", 1)[1], tmp_path)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def request(port, path, method="GET", headers=None, source="127.0.0.1", host=None):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request(
            method, path, headers={"Host": host or f"127.0.0.1:{port}", **(headers or {})}
        )
        response = connection.getresponse()
        return response, response.read().decode()
    finally:
        connection.close()


@pytest.fixture
def proxied_site(varnish, monkeypatch, settings):
    """The site's address is the proxy's, and its purges go to it as in production:
    FRONTEND_CACHE_BACKEND=varnish, FRONTEND_CACHE_LOCATION=<varnish>, tasks queued."""
    tree = make_site_tree()
    Site.objects.filter(pk=tree.site.pk).update(hostname="127.0.0.1", port=varnish)
    monkeypatch.setenv("FRONTEND_CACHE_BACKEND", "varnish")
    monkeypatch.setenv("FRONTEND_CACHE_LOCATION", f"http://127.0.0.1:{varnish}")
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends()
    # In production tasks wait for the worker (TASKS_BACKEND=database), here they are only
    # recorded and never run: Wagtail queues its purges as a task, and the purge of Varnish
    # must not wait for one.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    post = BlogPageFactory(parent=tree.blog_index, title="Erste Fassung des Beitrags")
    tree.post = BlogPage.objects.get(pk=post.pk)
    tree.port = varnish
    return tree


def test_a_second_anonymous_visit_comes_from_varnish_without_asking_the_site(proxied_site):
    port, url = proxied_site.port, proxied_site.post.url
    first, _ = request(port, url)
    # Changed behind the site's back (no signal, no purge): only a cached copy still shows
    # the old title.
    BlogPage.objects.filter(pk=proxied_site.post.pk).update(title="Heimlich geändert")
    second, body = request(port, url)

    assert first.status == second.status == 200
    assert first.headers["Cache-Control"].startswith("public")
    assert first.headers["X-Proxy-Cache"] == "MISS"
    assert second.headers["X-Proxy-Cache"] == "HIT"
    assert len(second.headers["X-Varnish"].split()) == 2  # this request's id and the stored one
    assert int(second.headers["Age"]) >= 0
    assert "Erste Fassung des Beitrags" in body
    assert "X-Cache-Host" not in second.headers


def test_cookies_the_site_does_not_read_and_ports_in_host_share_one_copy(proxied_site):
    port, url = proxied_site.port, proxied_site.post.url
    request(port, url)
    with_cookies, _ = request(port, url, headers={"Cookie": "_pk_id=1; consent=all"})
    other_port, _ = request(port, url, host="127.0.0.1:9")
    other_language, _ = request(port, url, headers={"Accept-Language": "en-GB,en;q=0.8"})

    assert with_cookies.headers["X-Proxy-Cache"] == "HIT"
    assert other_port.headers["X-Proxy-Cache"] == "HIT"
    assert other_language.headers["X-Proxy-Cache"] == "HIT"


def test_signed_in_editors_the_admin_posts_and_errors_are_never_cached(proxied_site):
    port, url = proxied_site.port, proxied_site.post.url
    request(port, url)
    BlogPage.objects.filter(pk=proxied_site.post.pk).update(title="Neu für Redakteure")
    editor, editor_body = request(port, url, headers={"Cookie": "csrftoken=x; sessionid=abc"})
    admin = [request(port, "/admin/login/")[0] for _ in range(2)]
    posted = [request(port, url, method="POST")[0] for _ in range(2)]
    missing = [request(port, "/gibt-es-nicht/")[0] for _ in range(2)]

    assert editor.headers["X-Proxy-Cache"] == "PASS"
    assert "Neu für Redakteure" in editor_body
    assert [response.headers["X-Proxy-Cache"] for response in admin] == ["PASS", "PASS"]
    assert "private" in admin[1].headers["Cache-Control"]
    assert "csrftoken=" in admin[1].headers["Set-Cookie"]
    assert [response.headers["X-Proxy-Cache"] for response in posted] == ["PASS", "PASS"]
    assert [response.status for response in missing] == [404, 404]
    assert [response.headers["X-Proxy-Cache"] for response in missing] == ["PASS", "PASS"]


def wait_until_visible(port, path, text):
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        response, body = request(port, path)
        if response.status == 200 and text in body:
            return True
        time.sleep(0.02)
    return False


def test_a_publish_is_visible_through_varnish_on_post_listing_and_home_within_a_second(
    proxied_site,
):
    port, post = proxied_site.port, proxied_site.post
    listing = proxied_site.blog_index.url
    for path in (post.url, listing, "/"):
        request(port, path)
        assert request(port, path)[0].headers["X-Proxy-Cache"] == "HIT"

    started = time.monotonic()
    post.title = "Zweite Fassung des Beitrags"
    post.save_revision().publish()
    assert wait_until_visible(port, post.url, "Zweite Fassung des Beitrags")
    assert wait_until_visible(port, listing, "Zweite Fassung des Beitrags")
    # Wagtail names only the post; the home page's latest posts show it too.
    assert wait_until_visible(port, "/", "Zweite Fassung des Beitrags")
    elapsed = time.monotonic() - started

    assert elapsed < VISIBLE_WITHIN_SECONDS, elapsed
    assert "Erste Fassung" not in request(port, listing)[1]


def test_a_published_change_of_an_author_is_visible_through_varnish_within_a_second(
    proxied_site,
):
    """A snippet names no page to purge; the purge of the home page retires the host."""
    port, post = proxied_site.port, proxied_site.post
    person = post.authors.first().person
    request(port, post.url)
    assert request(port, post.url)[0].headers["X-Proxy-Cache"] == "HIT"

    started = time.monotonic()
    person.name = "Umbenannte Autorin"
    person.save_revision().publish()
    assert wait_until_visible(port, post.url, "Umbenannte Autorin")

    assert time.monotonic() - started < VISIBLE_WITHIN_SECONDS


def test_purge_is_refused_from_outside_the_acl_and_retires_the_host_from_inside(proxied_site):
    port, url = proxied_site.port, proxied_site.post.url
    request(port, url)
    refused, _ = request(port, url, method="PURGE", source="127.0.0.2")
    still_cached, _ = request(port, url)
    purged, _ = request(port, "/", method="PURGE")
    after, _ = request(port, url)

    assert refused.status == 405
    assert still_cached.headers["X-Proxy-Cache"] == "HIT"
    assert purged.status == 200
    # A purge of any address of the host retires every page of it.
    assert after.headers["X-Proxy-Cache"] == "MISS"


def test_without_gunicorn_visitors_get_a_german_page_asking_them_to_come_back(tmp_path):
    process, port = start_varnish(free_port(), tmp_path)  # nothing listens there
    try:
        response, body = request(port, "/")
    finally:
        process.terminate()
        process.wait(timeout=30)

    assert response.status == 503
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Die Website ist gleich wieder da" in body
    assert '<html lang="de">' in body
