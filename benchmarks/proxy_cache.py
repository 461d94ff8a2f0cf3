"""Varnish as deploy/ runs it (deploy/varnish/oic-cms.vcl) in front of the benchmark's gunicorn,
and how long a publish through Wagtail takes to reach a visitor through it."""

import http.client
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .environment import BASE_DIR, ensure_debian_tools, free_port, say, wait_for_port

VCL = BASE_DIR / "deploy" / "varnish" / "oic-cms.vcl"
DEPLOYED_BACKEND = '.port = "8000";'
# As deploy/systemd/varnish.service.d/oic-cms.conf: 256 MB in memory.
STORAGE = "malloc,256m"
POLL_INTERVAL_SECONDS = 0.005
GIVE_UP_SECONDS = 30


def ensure_varnish():
    ensure_debian_tools(("varnishd", "varnish"))


@dataclass
class Varnish:
    """varnishd with the deployed VCL, its backend pointed at ``backend_port``."""

    backend_port: int
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        vcl_text = VCL.read_text()
        if vcl_text.count(DEPLOYED_BACKEND) != 1:
            raise RuntimeError(f"{VCL} no longer names its backend as {DEPLOYED_BACKEND}")
        vcl = self.workdir / "oic-cms.vcl"
        vcl.write_text(vcl_text.replace(DEPLOYED_BACKEND, f'.port = "{self.backend_port}";'))
        state = self.workdir / "varnish"
        shutil.rmtree(state, ignore_errors=True)
        self.process = subprocess.Popen(
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(state),
                "-a",
                f"127.0.0.1:{self.port}",
                "-T",
                "none",
                "-f",
                str(vcl),
                "-s",
                STORAGE,
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port("127.0.0.1", self.port, process=self.process)
        say(f"varnish ({VCL.relative_to(BASE_DIR)}) on {self.base_url}")
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers.get("X-Proxy-Cache", ""), response.read()
    finally:
        connection.close()


def publish_to_visible(varnish, step):
    """Change the newest post's title, publish it through Wagtail (which purges ``varnish``) and
    poll the post, the listing and the home page through the proxy until each shows it.
    Returns ``(publish seconds, {page: seconds from the start of the publish})``; a page that
    never shows it within GIVE_UP_SECONDS gets ``inf``. Measured on an idle site: each page
    is rendered anew once after the purge, which is most of the time."""
    from django.test import override_settings

    from blog.models import BlogPage

    post = BlogPage.objects.live().public().order_by("-date", "-pk").first()
    pages = {"post": post.url, "listing": post.get_parent().url, "home": "/"}
    for path in pages.values():
        get(varnish.port, path)
        status, state, _ = get(varnish.port, path)
        if (status, state) != (200, "HIT"):
            raise RuntimeError(f"{path} through Varnish: {status} {state}, not a cache hit")
    marker = f"Geändert im Lasttest {step}"
    post.title = f"{post.title.split(' — ')[0]} — {marker}"
    backends = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish.base_url,
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        started = time.monotonic()
        post.save_revision().publish()
        published = time.monotonic() - started
    expected = marker.encode()

    def first_seen(path):
        while time.monotonic() - started < GIVE_UP_SECONDS:
            if expected in get(varnish.port, path)[2]:
                return time.monotonic() - started
            time.sleep(POLL_INTERVAL_SECONDS)
        return float("inf")

    # One visitor per page, at the same time: each page's time is its own, not the sum of
    # rendering the others first.
    with ThreadPoolExecutor(max_workers=len(pages)) as visitors:
        visible = dict(zip(pages, visitors.map(first_seen, pages.values()), strict=True))
    return published, visible
