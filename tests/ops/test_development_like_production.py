"""The development settings behave like production where it bit people: one cache for every
process, and SQLite that lets two writers take turns instead of failing.

Each test runs real processes with ``oic_cms.settings.dev`` against its own SQLite file and
cache folder (migrated once per module): a ``runserver``, and ``manage.py shell`` as a second
process, the way ``import_jekyll_site`` or ``publish_scheduled`` run beside the server.
"""

import os
import shutil
import subprocess
import sys
import textwrap
import time
import urllib.request

import pytest
from django.conf import settings

from tests.services import free_port

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]
STARTUP_SECONDS = 60


def dev_environment(directory, port=8000):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PYTEST_"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "CACHE_DIR": str(directory / "cache"),
        "MEDIA_ROOT": str(directory / "media"),
        "EMAIL_FILE_PATH": str(directory / "mail"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }


def manage(env, *args, check=True):
    result = subprocess.run(
        [*MANAGE, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def shell(env, code):
    return manage(env, "shell", "--no-imports", "-c", textwrap.dedent(code))


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    directory = tmp_path_factory.mktemp("dev-template")
    manage(dev_environment(directory), "migrate", "--noinput")
    return directory / "db.sqlite3"


@pytest.fixture
def dev_site(migrated_database, tmp_path):
    """A development checkout of its own: a copy of the migrated database, empty cache."""
    shutil.copy(migrated_database, tmp_path / "db.sqlite3")
    return tmp_path


def wait_for_server(url, process):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"runserver ended: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"runserver did not answer within {STARTUP_SECONDS} s")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Cache"), response.read().decode()


def test_a_purge_in_another_process_reaches_the_running_server(dev_site):
    port = free_port()
    env = dev_environment(dev_site, port)
    shell(
        env,
        f"""
        from wagtail.models import Page, Site
        from website.models import HomePage
        home = HomePage(title="Vor dem Import", slug="start")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update(is_default_site=False)
        Site.objects.create(
            hostname="127.0.0.1", port={port}, root_page=home, is_default_site=True
        )
        """,
    )
    server = subprocess.Popen(
        [*MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for_server(url, server)
        fetch(url)
        cached, html = fetch(url)
        assert cached == "HIT" and "Vor dem Import" in html

        # What a management command does beside the server: publish, which purges the cache.
        shell(
            env,
            """
            from website.models import HomePage
            home = HomePage.objects.get()
            home.title = "Nach dem Import"
            home.save_revision().publish()
            """,
        )

        cached, html = fetch(url)
        assert "Nach dem Import" in html and "Vor dem Import" not in html
        assert cached == "MISS"
    finally:
        server.terminate()
        server.wait(timeout=10)


WRITER = """
import time
from django.db import transaction
from home.models import Category
for number in range({rows}):
    with transaction.atomic():
        # Read, then write in the same transaction, as a save of a page does: in a deferred
        # transaction the write fails at once with "database is locked" when the other
        # process wrote in between.
        Category.objects.count()
        time.sleep(0.01)
        Category.objects.create(name="{name} " + str(number))
print("wrote", {rows})
"""


def test_sqlite_runs_in_wal_mode_and_two_writers_wait_for_each_other(dev_site):
    env = dev_environment(dev_site)
    journal = shell(
        env,
        """
        from django.db import connection
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            print(cursor.fetchone()[0])
        """,
    )
    assert journal.stdout.strip().splitlines()[-1] == "wal"

    rows = 40
    writers = [
        subprocess.Popen(
            [*MANAGE, "shell", "--no-imports", "-c", WRITER.format(rows=rows, name=name)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("Erster", "Zweiter")
    ]
    outcomes = [writer.communicate(timeout=300) for writer in writers]
    for writer, (stdout, stderr) in zip(writers, outcomes, strict=True):
        assert "database is locked" not in stderr
        assert writer.returncode == 0, stderr
        assert f"wrote {rows}" in stdout
    count = shell(env, "from home.models import Category; print(Category.objects.count())")
    assert count.stdout.strip().splitlines()[-1] == str(2 * rows)
