"""``make soak``: mixed visitor traffic against the production server while posts are
published, edited and unpublished; reports failed requests (must be none) and whether the
workers' memory grew or went over 150 MiB.

    .venv/bin/python -m benchmarks.soak [--seconds 180] [--posts 1000] [--clients 4]

Visitors: every page type, listings with filters and pages, search, the feed, unknown
addresses (404 expected) and newsletter sign-ups (the rate limit is raised for the run). A
second process publishes through Wagtail's API every few seconds. Loopback only; bounded in
time; the database, Redis data and files are removed afterwards.

Fault phase: in the middle of the run the run's own Redis is stopped for ``--redis-outage``
seconds (30) and started again, empty. Public pages must keep answering without any 5xx;
only sign-ups may answer 503 meanwhile (they refuse rather than go without their limits).
"""

import argparse
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"  # noqa: A001 - run as a script: make relative imports work

from .environment import BASE_DIR
from .server import Server, collectstatic

PUBLISH_INTERVAL_SECONDS = 3
MEMORY_SAMPLE_SECONDS = 5
MEMORY_GROWTH_TOLERANCE_MIB = 15
WORKER_MEMORY_TARGET_MIB = 150
SEARCH_TERMS = ["Innovation", "Bielefeld", "KI", "Community", "Lasttest", "Stadt", "xyzzy"]
SOAK_ENVIRONMENT = {
    "FORM_MIN_FILL_SECONDS": "0",
    "NEWSLETTER_RATE_LIMIT_PER_CLIENT": "1000000",
    "NEWSLETTER_RATE_LIMIT_PER_NETWORK": "1000000",
    "NEWSLETTER_RATE_LIMIT_PER_ADDRESS": "1000000",
}
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


def visitor_paths():
    """Addresses a visitor opens, weighted by how often the mix picks them."""
    from wagtail.models import Page

    from blog.models import BlogPage
    from home.models import Category
    from website.authors import AuthorIndexPage

    listing_pages = max(1, BlogPage.objects.live().count() // 12)
    posts = list(BlogPage.objects.live().order_by("?").values_list("url_path", flat=True)[:200])
    site_root = Page.objects.get(depth=2).url_path
    other_pages = [
        page.url
        for page in Page.objects.live().filter(depth__gte=2).exclude(content_type__model="blogpage")
    ]
    authors = AuthorIndexPage.objects.live().first()
    author_pages = [
        f"{authors.url}{slug}/" for slug in authors.people().values_list("slug", flat=True)
    ]
    paths = [
        *other_pages,
        *author_pages,
        *[post.removeprefix(site_root.rstrip("/")) for post in posts],
        *[f"/beitraege/?filter={slug}" for slug in Category.objects.values_list("slug", flat=True)],
        *[f"/beitraege/?page={random.randint(1, listing_pages)}" for _ in range(20)],
        *[f"/suche/?{urlencode({'q': term})}" for term in SEARCH_TERMS],
        "/beitraege/feed/",
        "/sitemap.xml",
    ]
    return paths


@dataclass
class Traffic:
    latencies_ms: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    redis_down: threading.Event = field(default_factory=threading.Event)
    outage_requests: int = 0
    outage_statuses: dict = field(default_factory=dict)

    def record(self, label, status, started, expected):
        elapsed = (time.monotonic() - started) * 1000
        with self.lock:
            self.latencies_ms.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if self.redis_down.is_set():
                self.outage_requests += 1
                self.outage_statuses[status] = self.outage_statuses.get(status, 0) + 1
            if status not in expected:
                self.errors.append(f"{label}: {status}")


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        # Slugs may hold umlauts; HTTP wants them percent-encoded.
        connection.request(method, quote(path, safe="/?=&%"), body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def sign_up(port, number):
    """The newsletter form as a browser sends it: page, CSRF cookie and token, the form token
    the page's script fetches, then POST."""
    status, headers, body = request(port, "GET", "/newsletter/")
    if status != 200:
        return status
    cookies = " ".join(value for name, value in headers if name.lower() == "set-cookie")
    token = CSRF_COOKIE.search(cookies)
    fields = dict(HIDDEN_INPUT.findall(body.decode()))
    status, _, body = request(port, "GET", "/newsletter/formular-token/")
    if status != 200:
        return status
    fields.update(
        email=f"soak-{number}-{time.time_ns()}@example.org",
        consent="on",
        form_token=json.loads(body)["token"],
    )
    status, _, _ = request(
        port,
        "POST",
        "/newsletter/anmelden/",
        body=urlencode(fields),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={token.group(1) if token else ''}",
        },
    )
    return status


def visitor(port, paths, deadline, traffic, seed):
    chooser = random.Random(seed)
    number = 0
    while time.monotonic() < deadline:
        number += 1
        started = time.monotonic()
        roll = chooser.random()
        try:
            if roll < 0.02:
                status = sign_up(port, f"{seed}-{number}")
                expected = {302, 303, 200} | ({503} if traffic.redis_down.is_set() else set())
                traffic.record("newsletter sign-up", status, started, expected)
            elif roll < 0.05:
                path = f"/gibt-es-nicht-{number}/"
                status, _, _ = request(port, "GET", path)
                traffic.record(path, status, started, {404})
            else:
                path = chooser.choice(paths)
                status, _, _ = request(port, "GET", path)
                # 404: a post the publisher has just unpublished; 429: a rate limit.
                traffic.record(path, status, started, {200, 301, 302, 404, 429})
        except (OSError, http.client.HTTPException) as error:
            traffic.record(f"connection: {error!r}", "connection error", started, set())


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def publisher(seconds):
    """Publish, edit and unpublish posts through Wagtail's API until the time is up."""
    import datetime

    from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
    from home.models import Category, Person

    blog_index = BlogIndexPage.objects.get()
    person = Person.objects.order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    deadline = time.monotonic() + seconds
    actions = {"published": 0, "edited": 0, "unpublished": 0, "republished": 0}
    failures = []
    mine = []
    step = 0
    while time.monotonic() < deadline:
        step += 1
        try:
            if step % 4 == 1 or not mine:
                post = BlogPage(
                    title=f"Soak-Beitrag {step}",
                    slug=f"soak-beitrag-{step}-{time.time_ns()}",
                    teaser="Während des Dauertests veröffentlicht.",
                    date=datetime.date.today(),
                    body=[{"type": "paragraph", "value": "<p>Neu im Dauertest.</p>"}],
                )
                post.authors = [BlogPageAuthor(person=person)]
                post.categories = [category]
                blog_index.add_child(instance=post)
                post.save_revision().publish()
                mine.append(post.pk)
                actions["published"] += 1
            elif step % 4 == 2:
                post = BlogPage.objects.get(pk=random.choice(mine))
                post.title = f"{post.title.split(' (')[0]} (bearbeitet {step})"
                post.save_revision().publish()
                actions["edited"] += 1
            elif step % 4 == 3:
                post = BlogPage.objects.get(pk=random.choice(mine))
                if post.live:
                    post.unpublish()
                    actions["unpublished"] += 1
            else:
                post = BlogPage.objects.filter(pk__in=mine, live=False).first()
                if post is not None:
                    post.get_latest_revision().publish()
                    actions["republished"] += 1
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            failures.append(repr(error))
        time.sleep(PUBLISH_INTERVAL_SECONDS)
    print(json.dumps({"actions": actions, "failures": failures}))


def memory_sampler(server, deadline, samples):
    while time.monotonic() < deadline:
        samples.append((time.monotonic(), server.worker_memory_mib()))
        time.sleep(MEMORY_SAMPLE_SECONDS)


def redis_outage(redis, traffic, start_after, seconds, log):
    """Stops the run's Redis ``start_after`` seconds in, for ``seconds``, then starts it again."""
    time.sleep(start_after)
    redis.stop()
    traffic.redis_down.set()
    log.append(f"Redis stopped at {start_after:.0f} s for {seconds} s")
    time.sleep(seconds)
    redis.start_again()
    traffic.redis_down.clear()
    log.append("Redis started again (empty)")


def run_soak(args):
    from .http_load import benchmark_run

    with benchmark_run(private_redis=args.redis_outage > 0) as run:
        from .dataset import build_demo_site, prepare_posts

        build_demo_site()
        prepare_posts(args.posts)
        environment = run.environment(args.page_cache_seconds, **SOAK_ENVIRONMENT)
        collectstatic(environment)
        paths = visitor_paths()
        with Server(environment) as server:
            for path in paths:  # renditions and caches exist before the clock starts
                request(server.port, "GET", path)
            traffic = Traffic()
            started = time.monotonic()
            deadline = started + args.seconds
            publisher_process = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.soak", "--publisher"]
                + ["--seconds", str(args.seconds)],
                cwd=BASE_DIR,
                env=environment,
                stdout=subprocess.PIPE,
                text=True,
            )
            samples = []
            outage_log = []
            faults = []
            if args.redis_outage > 0:
                outage_start = max(0.0, (args.seconds - args.redis_outage) / 2)
                faults.append(
                    threading.Thread(
                        target=redis_outage,
                        args=(run.redis, traffic, outage_start, args.redis_outage, outage_log),
                    )
                )
            threads = [
                *faults,
                threading.Thread(target=memory_sampler, args=(server, deadline, samples)),
                *[
                    threading.Thread(
                        target=visitor, args=(server.port, paths, deadline, traffic, number)
                    )
                    for number in range(args.clients)
                ],
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            publisher_output, _ = publisher_process.communicate(timeout=120)
            duration = time.monotonic() - started
        for line in outage_log:
            print(line)
        if args.redis_outage > 0:
            statuses = sorted(traffic.outage_statuses.items(), key=str)
            print(
                f"during the Redis outage: {traffic.outage_requests:,} requests, "
                + ", ".join(f"{status}: {count:,}" for status, count in statuses)
            )
        return report(traffic, samples, publisher_output, duration, publisher_process.returncode)


def report(traffic, samples, publisher_output, duration, publisher_exit):
    lines = publisher_output.strip().splitlines()
    publishing = json.loads(lines[-1]) if lines else {"actions": {}, "failures": ["no output"]}
    if publisher_exit != 0:
        publishing["failures"].append(f"publisher exited with {publisher_exit}")
    count = len(traffic.latencies_ms)
    print(f"\nSoak test: {duration:.0f} s, {count:,} requests ({count / duration:.0f}/s)")
    statuses = sorted(traffic.statuses.items(), key=str)
    print("status codes: " + ", ".join(f"{status}: {count:,}" for status, count in statuses))
    print(
        f"latency: p50 {percentile(traffic.latencies_ms, 0.5):.1f} ms, "
        f"p90 {percentile(traffic.latencies_ms, 0.9):.1f} ms, "
        f"p99 {percentile(traffic.latencies_ms, 0.99):.1f} ms, "
        f"max {max(traffic.latencies_ms, default=0):.0f} ms"
    )
    print(f"publishing: {publishing['actions']}, failures: {len(publishing['failures'])}")
    for failure in publishing["failures"][:10]:
        print(f"  publisher: {failure}")
    print(f"errors: {len(traffic.errors)}")
    for error in traffic.errors[:20]:
        print(f"  {error}")
    start, middle, end = samples[0][1], samples[len(samples) // 2][1], samples[-1][1]
    print(
        "worker memory (MiB, per worker): "
        f"start {[round(m) for m in start]}, middle {[round(m) for m in middle]}, "
        f"end {[round(m) for m in end]}"
    )
    growth = max(e - s for s, e in zip(start, end, strict=False)) if start and end else 0
    grew = growth > MEMORY_GROWTH_TOLERANCE_MIB
    settled = (
        max(e - m for m, e in zip(middle, end, strict=False)) <= MEMORY_GROWTH_TOLERANCE_MIB / 3
    )
    if not grew:
        verdict = f"no growth (at most {growth:+.0f} MiB)"
    elif settled:
        verdict = f"grew {growth:+.0f} MiB in the first half, then level (caches filling)"
    else:
        verdict = f"GREW {growth:+.0f} MiB and still growing at the end"
    print(f"memory: {verdict}")
    highest = max((mib for _, per_worker in samples for mib in per_worker), default=0)
    under_target = highest < WORKER_MEMORY_TARGET_MIB
    print(
        f"highest worker memory: {highest:.0f} MiB "
        f"({'under' if under_target else 'OVER'} the {WORKER_MEMORY_TARGET_MIB} MB target)"
    )
    passed = (
        not traffic.errors and not publishing["failures"] and (not grew or settled) and under_target
    )
    print("verdict: " + ("passed" if passed else "FAILED"))
    return passed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4, help="concurrent visitors")
    parser.add_argument("--page-cache-seconds", type=int, default=300)
    parser.add_argument(
        "--redis-outage", type=int, default=30, help="seconds without Redis mid-run (0: none)"
    )
    parser.add_argument("--publisher", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publisher:
        import django

        sys.path.insert(0, str(BASE_DIR))
        django.setup()
        publisher(args.seconds)
        return
    if not 10 <= args.seconds <= 3600:
        parser.error("--seconds must be between 10 and 3600")
    if not 0 <= args.redis_outage < args.seconds:
        parser.error("--redis-outage must be at least 0 and shorter than --seconds")
    sys.exit(0 if run_soak(args) else 1)


if __name__ == "__main__":
    main()
