"""``make bench``: the production server under load, with 1,000 and with 10,000 posts.

For each page the issue names it prints requests per second, p50 and p99 latency, SQL queries
per request and the peak memory of a worker, without and with the page cache, and the ratio
to nginx serving the same page's saved HTML. Then the same pages through Varnish as deploy/
runs it (deploy/varnish/oic-cms.vcl in front of gunicorn) beside that static nginx, and how
long a publish through Wagtail takes to show on the post, the listing and the home page
through Varnish. Then it says which targets are met.

Two loads: throughput with ``--connections`` (4: twice the workers, so neither worker ever
waits for wrk), and the uncached latency with one connection per worker. At 4 connections a
sync worker always has a second request queued, so its p50 is about twice the time a request
takes (Little's law): a figure of the queue, not of the page. Both are printed, and with them
the time of a fixed Python loop before and after the run: the same code's figures differ as
much as the shared host's CPU does from one day to the next.

    .venv/bin/python -m benchmarks.load [--sizes 1000,10000] [--seconds 10] [--connections 4]

Only 127.0.0.1 is contacted; the database, Redis data and files are removed afterwards.
"""

import argparse
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"  # noqa: A001 - run as a script: make relative imports work

from .environment import cpu_reference_ms, free_port, say, wait_for_port
from .http_load import (
    benchmark_pages,
    benchmark_run,
    ensure_load_tools,
    sql_queries_per_request,
    wrk,
)
from .proxy_cache import Varnish, ensure_varnish, publish_to_visible
from .proxy_cache import get as proxy_get
from .server import Server, collectstatic

QUERY_BUDGET = 15
UNCACHED_P50_TARGET_MS = 30
CACHED_RPS_TARGET = 1500
WORKER_MEMORY_TARGET_MIB = 150
PAGE_CACHE_SECONDS = 300
PROXY_TO_STATIC_TARGET = 0.8
PUBLISH_VISIBLE_TARGET_SECONDS = 1.0
NGINX_CONFIG = """
worker_processes 2;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/nginx-body;
    proxy_temp_path {workdir}/nginx-proxy;
    fastcgi_temp_path {workdir}/nginx-fastcgi;
    uwsgi_temp_path {workdir}/nginx-uwsgi;
    scgi_temp_path {workdir}/nginx-scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {workdir}/html;
    }}
}}
"""


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.status, response.headers.get("X-Cache", ""), response.read()


def load_server(run, pages, page_cache_seconds, args, save_html_to=None, latency_runs=None):
    """Warm every page, then drive each with wrk; returns ``{name: (LoadResult, MiB)}``.
    With ``latency_runs`` (a dict), also drives each page with one connection per worker and
    puts those results there."""
    from django.core.cache import cache

    cache.clear()
    results = {}
    cache_states = set()
    with Server(run.environment(page_cache_seconds)) as server:
        for name, path in pages.items():
            for _ in range(2):
                status, cache_state, body = fetch(server.base_url + path)
            if status != 200:
                raise RuntimeError(f"{name} answered {status}")
            cache_states.add(cache_state or "none")
            if save_html_to is not None:
                (save_html_to / f"{name.replace(' ', '-')}.html").write_bytes(body)
        for name, path in pages.items():
            result = wrk(server.base_url + path, args.seconds, args.connections)
            results[name] = (result, server.peak_worker_memory_mib())
            if latency_runs is not None:
                latency_runs[name] = wrk(
                    server.base_url + path, args.latency_seconds, server.workers, threads=1
                )
    return results, cache_states


@contextmanager
def static_nginx(run):
    """nginx serving the pages saved by the uncached run: the baseline. Yields its port."""
    port = free_port()
    config = Path(run.workdir) / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(workdir=run.workdir, port=port))
    process = subprocess.Popen(["nginx", "-c", str(config)])
    try:
        wait_for_port("127.0.0.1", port, process=process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def best_of(results):
    """The run with the most requests per second; its errors and those of every other run."""
    best = max(results, key=lambda result: result.requests_per_second)
    return replace(best, errors=sum(result.errors for result in results))


def static_and_proxy_load(run, pages, args, step):
    """Static nginx beside Varnish in front of gunicorn (page cache on, as in production).
    Every page is warmed and checked to be a Varnish hit; then, page by page, nginx and Varnish
    take turns for ``args.rounds`` rounds, so that both see the same moments of a shared
    host's CPU, and the best round of each counts. Then one publish.

    Returns ``(static, proxied, {name: X-Proxy-Cache of the second GET}, publish)`` with
    ``{name: LoadResult}`` and ``publish`` as ``proxy_cache.publish_to_visible`` gives it."""
    from django.core.cache import cache

    cache.clear()
    states, static, proxied = {}, {}, {}
    with (
        static_nginx(run) as nginx_port,
        Server(run.environment(PAGE_CACHE_SECONDS)) as server,
        Varnish(server.port, Path(run.workdir)) as varnish,
    ):
        for name, path in pages.items():
            for _ in range(2):
                status, states[name], _ = proxy_get(varnish.port, path)
            if status != 200:
                raise RuntimeError(f"{name} answered {status} through Varnish")
        for name, path in pages.items():
            static_url = f"http://127.0.0.1:{nginx_port}/{name.replace(' ', '-')}.html"
            static_runs, proxied_runs = [], []
            for _ in range(args.rounds):
                static_runs.append(wrk(static_url, args.nginx_seconds, args.connections))
                proxied_runs.append(
                    wrk(varnish.base_url + path, args.nginx_seconds, args.connections)
                )
            static[name], proxied[name] = best_of(static_runs), best_of(proxied_runs)
        publish = publish_to_visible(varnish, step)
    return static, proxied, states, publish


def print_table(size, pages, queries, uncached, latency, cached, cache_states, static):
    print(f"\n{size:,} posts — {args_summary}")
    header = (
        f"{'page':17} {'SQL':>4} | {'uncached rps':>12} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'/nginx':>7} {'1/worker p50':>12} {'p99':>6} | "
        f"{'cached rps':>10} {'p50 ms':>7} {'p99 ms':>7} {'/nginx':>7} | "
        f"{'peak MiB':>8} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for name in pages:
        plain, plain_mib = uncached[name]
        fast, fast_mib = cached[name]
        baseline = static[name].requests_per_second
        print(
            f"{name:17} {queries[name]:>4} | {plain.requests_per_second:>12.0f} "
            f"{plain.p50_ms:>7.1f} {plain.p99_ms:>7.1f} "
            f"{plain.requests_per_second / baseline:>7.3f} "
            f"{latency[name].p50_ms:>12.1f} {latency[name].p99_ms:>6.1f} | "
            f"{fast.requests_per_second:>10.0f} {fast.p50_ms:>7.1f} {fast.p99_ms:>7.1f} "
            f"{fast.requests_per_second / baseline:>7.3f} | "
            f"{max(plain_mib, fast_mib):>8.1f} "
            f"{plain.errors + fast.errors + latency[name].errors:>6}"
        )
    print(
        f"{'nginx (static)':17} {'':>4} | "
        + ", ".join(f"{name} {static[name].requests_per_second:.0f}" for name in pages)
        + " rps"
    )
    print(f"X-Cache header with the page cache on: {', '.join(sorted(cache_states))}")


def print_proxy_table(size, pages, proxied, proxy_states, static, publish):
    print(
        f"\n{size:,} posts — Varnish (deploy/varnish/oic-cms.vcl) in front of gunicorn beside "
        f"nginx serving the saved HTML; wrk {proxy_seconds}, same connections, turn about"
    )
    header = (
        f"{'page':17} | {'nginx rps':>9} | {'varnish rps':>11} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'/nginx':>7} {'2nd GET':>8} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for name in pages:
        baseline = static[name].requests_per_second
        result = proxied[name]
        print(
            f"{name:17} | {baseline:>9.0f} | {result.requests_per_second:>11.0f} "
            f"{result.p50_ms:>7.2f} {result.p99_ms:>7.2f} "
            f"{result.requests_per_second / baseline:>7.3f} {proxy_states[name]:>8} "
            f"{result.errors:>6}"
        )
    published, visible = publish
    print(
        "publish to visible through Varnish (from the start of the publish, which took "
        f"{published * 1000:.0f} ms): "
        + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in visible.items())
    )


def check(label, passed):
    print(f"  [{'met' if passed else 'MISSED'}] {label}")
    return passed


def print_verdict(measurements, page_cache_present, cpu_reference):
    print(
        "\nCPU reference loop (benchmarks.environment.cpu_reference_ms): "
        + ", ".join(f"{ms:.1f} ms {when}" for when, ms in cpu_reference.items())
    )
    print("Targets (2 cores, 2 workers):")
    sizes = sorted(measurements)
    largest = measurements[sizes[-1]]
    queries = {size: measurements[size]["queries"] for size in sizes}
    passed = check(
        f"no page needs more than {QUERY_BUDGET} SQL queries",
        all(count <= QUERY_BUDGET for counts in queries.values() for count in counts.values()),
    )
    passed &= check(
        "query counts do not grow with the number of posts",
        all(queries[size] == queries[sizes[0]] for size in sizes),
    )
    for name in ("post", "listing"):
        p50 = largest["latency"][name].p50_ms
        queued_p50 = largest["uncached"][name][0].p50_ms
        passed &= check(
            f"uncached p50 of {name} with {sizes[-1]:,} posts under {UNCACHED_P50_TARGET_MS} ms "
            f"({p50:.1f} ms at one connection per worker; {queued_p50:.1f} ms with "
            "every worker's next request queued)",
            p50 < UNCACHED_P50_TARGET_MS,
        )
    slowest = min(
        (result.requests_per_second, name) for name, (result, _) in largest["cached"].items()
    )
    if page_cache_present:
        passed &= check(
            f"with the page cache at least {CACHED_RPS_TARGET} rps on every page "
            f"(slowest: {slowest[1]}, {slowest[0]:.0f} rps)",
            slowest[0] >= CACHED_RPS_TARGET,
        )
    else:
        passed &= check("page cache answers (no X-Cache: HIT seen: page cache missing)", False)
    peak = max(
        mib
        for size in sizes
        for mode in ("uncached", "cached")
        for _, mib in measurements[size][mode].values()
    )
    for size in sizes:
        static = measurements[size]["static"]
        ratios = {
            name: result.requests_per_second / static[name].requests_per_second
            for name, result in measurements[size]["proxied"].items()
        }
        lowest = min(ratios, key=ratios.get)
        passed &= check(
            f"{size:,} posts: through Varnish at least {PROXY_TO_STATIC_TARGET} of static "
            f"nginx's rps on every page (lowest: {lowest}, {ratios[lowest]:.3f})",
            ratios[lowest] >= PROXY_TO_STATIC_TARGET,
        )
        published, visible = measurements[size]["publish"]
        slowest_page = max(visible, key=visible.get)
        passed &= check(
            f"{size:,} posts: a publish is visible through Varnish within "
            f"{PUBLISH_VISIBLE_TARGET_SECONDS:.0f} s on the post, the listing and the home page "
            f"(slowest: {slowest_page}, {visible[slowest_page] * 1000:.0f} ms)",
            visible[slowest_page] <= PUBLISH_VISIBLE_TARGET_SECONDS,
        )
    passed &= check(
        f"a worker stays under {WORKER_MEMORY_TARGET_MIB} MB (peak {peak:.0f} MiB)",
        peak < WORKER_MEMORY_TARGET_MIB,
    )
    errors = sum(
        result.errors
        for size in sizes
        for mode in ("uncached", "cached")
        for result, _ in measurements[size][mode].values()
    ) + sum(
        result.errors
        for size in sizes
        for mode in ("latency", "proxied")
        for result in measurements[size][mode].values()
    )
    passed &= check(f"no failed requests ({errors})", errors == 0)
    return passed


args_summary = ""
proxy_seconds = ""


def main():
    global args_summary, proxy_seconds
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="numbers of posts, comma-separated")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page and mode")
    parser.add_argument(
        "--latency-seconds", type=int, default=5, help="wrk duration per page, one per worker"
    )
    parser.add_argument(
        "--nginx-seconds", type=int, default=2, help="wrk duration per page, nginx and Varnish"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="turns of nginx and Varnish per page; best counts"
    )
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the temporary files")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    args_summary = (
        f"wrk {args.seconds} s per page, {args.connections} connections, 2 threads "
        f"(1/worker: {args.latency_seconds} s, one connection per worker); "
        "gunicorn 2 sync workers, production settings"
    )
    proxy_seconds = f"{args.nginx_seconds} s per page, best of {args.rounds} rounds"
    ensure_load_tools()
    ensure_varnish()
    cpu_reference = {"before the run": cpu_reference_ms()}
    measurements = {}
    page_cache_present = False
    with benchmark_run(keep=args.keep) as run:
        from .dataset import build_demo_site, prepare_posts

        build_demo_site()
        say("collecting static files …")
        collectstatic(run.environment())
        html_dir = Path(run.workdir) / "html"
        html_dir.mkdir()
        for size in sizes:
            prepare_posts(size)
            pages = benchmark_pages()
            queries = sql_queries_per_request(pages)
            say(f"{size:,} posts: load without page cache …")
            latency = {}
            uncached, _ = load_server(
                run, pages, 0, args, save_html_to=html_dir, latency_runs=latency
            )
            say(f"{size:,} posts: load with page cache …")
            cached, cache_states = load_server(run, pages, PAGE_CACHE_SECONDS, args)
            page_cache_present |= "HIT" in cache_states
            say(f"{size:,} posts: nginx serving the saved pages, and Varnish; a publish …")
            static, proxied, proxy_states, publish = static_and_proxy_load(run, pages, args, size)
            print_table(size, pages, queries, uncached, latency, cached, cache_states, static)
            print_proxy_table(size, pages, proxied, proxy_states, static, publish)
            measurements[size] = {
                "queries": queries,
                "uncached": uncached,
                "latency": latency,
                "cached": cached,
                "proxied": proxied,
                "static": static,
                "publish": publish,
            }
        cpu_reference["after it"] = cpu_reference_ms()
        passed = print_verdict(measurements, page_cache_present, cpu_reference)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
