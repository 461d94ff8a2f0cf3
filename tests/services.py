"""Tests that need a service this machine may not run (PostgreSQL, pg_dump, Redis).

On a developer's fresh machine they are skipped with the reason; under ``CI=true`` the service
is part of the promise and its absence fails the run, so a skip can never hide an untried path.
"""

import os
import socket
import time

import pytest


def service_missing(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


def own_redis_server(directory, purpose):
    """A ``redis-server`` of the test's own on a free port: ``(process, url)``."""
    import shutil

    from tests.ops.test_redis_cache import start_redis

    binary = shutil.which("redis-server")
    if binary is None:
        service_missing(f"no redis-server binary on PATH to start a Redis {purpose}")
    process, url = start_redis(binary, directory)
    assert process is not None, "redis-server would not start"
    return process, url


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, name, timeout=30):
    """Until ``process`` (a server called ``name``) accepts connections on ``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{name} exited"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"{name} did not start")
