"""gunicorn, started as deploy/systemd/oic-cms-web.service starts it, logs the visitor's address:
the one nginx saw, not nginx's loopback address, and never what the visitor claims."""

import http.client
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.services import free_port, wait_for_port

UNIT = Path(settings.BASE_DIR) / "deploy" / "systemd" / "oic-cms-web.service"


def unit_access_log_format():
    """The ``--access-logformat`` of the unit's ExecStart, as systemd hands it to gunicorn."""
    text = UNIT.read_text().replace("\\\n", " ")
    exec_start = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    arguments = shlex.split(exec_start.removeprefix("ExecStart=").replace("%%", "%"))
    return arguments[arguments.index("--access-logformat") + 1]


@pytest.fixture
def gunicorn_log(tmp_path):
    """gunicorn with the production settings; only 127.0.0.1 counts as our proxy, so that a
    request from 127.0.0.2 stands for a client reaching gunicorn directly."""
    port = free_port()
    log_file = tmp_path / "access.log"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.production",
        "SECRET_KEY": "access-log-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "TRUSTED_PROXY_ADDRESSES": "127.0.0.1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "oic_cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            str(log_file),
            "--access-logformat",
            unit_access_log_format(),
        ],
        cwd=settings.BASE_DIR,
        env=environment,
    )
    try:
        wait_for_port(port, process, "gunicorn")
        yield port, log_file
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port, source, forwarded_for):
    connection = http.client.HTTPConnection("127.0.0.1", port, source_address=(source, 0))
    # Plain HTTP without X-Forwarded-Proto: production answers with its HTTPS redirect before
    # anything touches a database, which this test does not have.
    connection.request("GET", "/", headers={"X-Forwarded-For": forwarded_for})
    status = connection.getresponse().status
    connection.close()
    return status


def test_access_log_shows_the_address_our_proxy_saw(gunicorn_log):
    port, log_file = gunicorn_log
    assert get(port, "127.0.0.1", "10.6.6.6, 198.51.100.7") == 301  # as nginx forwards it
    assert get(port, "127.0.0.2", "192.0.2.99") == 301  # directly, claiming another address
    deadline = time.monotonic() + 10
    while log_file.read_text().count("\n") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    first, second = log_file.read_text().splitlines()
    assert re.match(r'198\.51\.100\.7 - - \[.+\] "GET / HTTP/1\.1" 301 ', first)
    assert second.startswith("127.0.0.2 - - ")
