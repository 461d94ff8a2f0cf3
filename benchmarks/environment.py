"""What a benchmark run needs around the site: tools, a throwaway database, Redis, ports."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
BENCH_SECRET_KEY = "benchmark-only-secret-key-" + "x" * 40


def say(message):
    print(message, file=sys.stderr, flush=True)


def cpu_reference_ms():
    """A fixed pure-Python loop (summing a million integers), best of five: how fast this
    machine's CPU is at the moment. On a shared host it varies from day to day (seen here: by a
    factor of three), and every latency and throughput figure varies with it."""
    import timeit

    return min(timeit.repeat("sum(range(1_000_000))", number=5, repeat=5)) / 5 * 1000


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(host, port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def wait_for_port(host, port, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(host, port):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for port {port} exited with {process.returncode}")
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {host}:{port} after {timeout} s")


def ensure_debian_tools(*commands_and_packages):
    """Install missing Debian packages (``(command, package)`` pairs) when we are root."""
    missing = [package for command, package in commands_and_packages if not shutil.which(command)]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        packages = " ".join(missing)
        raise SystemExit(f"Missing {packages}: install with `sudo apt-get install {packages}`.")
    say(f"installing {', '.join(missing)} with apt-get …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def ensure_gunicorn():
    """gunicorn is a main dependency; an older virtualenv may not have it yet."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        say("installing gunicorn …")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "gunicorn"], check=True)
    return gunicorn


@dataclass
class Database:
    """A database made for one run and dropped afterwards."""

    url: str
    kind: str
    server_url: str = ""
    name: str = ""
    sqlite_path: Path | None = None

    def drop(self):
        if self.kind == "PostgreSQL":
            import psycopg

            with psycopg.connect(postgres_conninfo(self.server_url), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        elif self.sqlite_path:
            self.sqlite_path.unlink(missing_ok=True)


def postgres_conninfo(url):
    parts = urlsplit(url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, parts.query, ""))


def postgres_server_url():
    """DATABASE_URL if it names PostgreSQL, else the local server CI uses, if it answers."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        return configured
    if configured:
        return ""
    try:
        import psycopg

        with psycopg.connect(postgres_conninfo(LOCAL_POSTGRES_URL), connect_timeout=2):
            return LOCAL_POSTGRES_URL
    except Exception:  # noqa: BLE001 - any failure means: no usable local PostgreSQL
        return ""


def throwaway_database(workdir):
    """PostgreSQL (what production runs) when one is reachable, else an SQLite file."""
    server_url = postgres_server_url()
    if server_url:
        import psycopg

        name = f"oic_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(postgres_conninfo(server_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(server_url)
        url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
        return Database(url=url, kind="PostgreSQL", server_url=server_url, name=name)
    path = Path(workdir) / "bench.sqlite3"
    return Database(url=f"sqlite:///{path}", kind="SQLite", sqlite_path=path)


@dataclass
class Redis:
    url: str
    process: subprocess.Popen | None = field(default=None, repr=False)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def start_again(self):
        """A fresh redis-server on the same port (its data is gone, as after a crash)."""
        self.process = start_redis_server(urlsplit(self.url).port)


def start_redis_server(port):
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port("127.0.0.1", port, process=process)
    return process


def redis_for_run(private=False):
    """The Redis in BENCH_REDIS_URL (a database of the local one by default); a private
    redis-server on a free port if none answers, or when the run stops it (``private``)."""
    url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    parts = urlsplit(url)
    if not private and port_open(parts.hostname or "127.0.0.1", parts.port or 6379):
        return Redis(url=url)
    ensure_debian_tools(("redis-server", "redis-server"))
    port = free_port()
    return Redis(url=f"redis://127.0.0.1:{port}/0", process=start_redis_server(port))


def production_environment(database, redis, workdir, page_cache_seconds=0, **extra):
    """Environment variables for the production settings on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.production",
        "SECRET_KEY": BENCH_SECRET_KEY,
        "DATABASE_URL": database.url,
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": redis.url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        # As in production: e-mails wait in the task queue (no worker runs, none is sent).
        "TASKS_BACKEND": "database",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        **extra,
    }
