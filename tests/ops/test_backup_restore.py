"""The backup and restore of the README, tried once: a PostgreSQL database with a page and an
uploaded image is backed up with deploy/backup.sh, lost, and brought back with
deploy/restore.sh.

Runs against the PostgreSQL server of DATABASE_URL when that names one (as in CI), else against
127.0.0.1:5432 as user postgres. It creates a database of its own there under a name no one
else uses and drops it at the end; the server's maintenance database (postgres) is connected to
only to create and drop it, and the suite's own test database is never touched."""

import json
import os
import secrets
import shutil
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings as django_settings

from tests.services import service_missing

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
MAINTENANCE_DATABASE = "postgres"
DEPLOY_DIR = django_settings.BASE_DIR / "deploy"

CREATE_CONTENT = """
import hashlib, io, json
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Page, Site
from home.models import CreditedImage, StandardPage
from website.models import HomePage

buffer = io.BytesIO()
PILImage.new("RGB", (320, 200), (0, 75, 135)).save(buffer, "PNG")
image = CreditedImage(
    title="Sparrenburg", credit="© OIC", file=ImageFile(buffer, name="sparrenburg.png")
)
image.save()
home = Page.get_first_root_node().add_child(instance=HomePage(title="OIC", slug="oic"))
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
home.add_child(instance=StandardPage(title="Gesichert und zurückgeholt", slug="gesichert"))
print(json.dumps({"image_file": image.file.name,
                  "sha256": hashlib.sha256(buffer.getvalue()).hexdigest()}))
"""

READ_CONTENT = """
import hashlib, json
from django.test import Client
from home.models import CreditedImage, StandardPage
from website.models import HomePage
page = StandardPage.objects.get(slug="gesichert")
image = CreditedImage.objects.get(title="Sparrenburg")
with image.file.open("rb") as stored:
    digest = hashlib.sha256(stored.read()).hexdigest()
response = Client().get(page.url)
print(json.dumps({"title": page.title, "image_file": image.file.name, "sha256": digest,
                  "status": response.status_code,
                  "page_shows_title": page.title in response.content.decode()}))
"""


def postgres_server():
    """The server's address, credentials and options from DATABASE_URL without its database."""
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        parts = urlsplit(DEFAULT_SERVER)
    return parts


def database_url(name):
    server = postgres_server()
    return urlunsplit((server.scheme, server.netloc, f"/{name}", server.query, ""))


def server_label():
    server = postgres_server()
    return f"{server.hostname or 'localhost'}:{server.port or 5432}"


def require_postgres():
    """Skips without a PostgreSQL server and its client tools, except under CI, where the
    restore (a promise of the README) must be tried."""
    missing_tools = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    try:
        connection = psycopg.connect(database_url(MAINTENANCE_DATABASE), connect_timeout=3)
    except psycopg.OperationalError as error:
        reason = f"no PostgreSQL server answers at {server_label()}: {error}"
    else:
        connection.close()
        if not missing_tools:
            return
        reason = f"PostgreSQL client tools missing: {', '.join(missing_tools)}"
    service_missing(f"The backup and restore are tried on PostgreSQL only: {reason}")


def administer(statement):
    with psycopg.connect(database_url(MAINTENANCE_DATABASE), autocommit=True) as connection:
        connection.execute(statement)


class ThrowawayDatabase:
    def __init__(self, name, url):
        self.name = name
        self.url = url

    def lose(self):
        """What a restore faces after a disaster: an empty database of the same name."""
        administer(f'DROP DATABASE "{self.name}" WITH (FORCE)')
        administer(f'CREATE DATABASE "{self.name}"')


@pytest.fixture
def throwaway_database():
    require_postgres()
    # Unique per run and worker: parallel runs on one server must not drop each other's database.
    name = f"oic_backup_test_{os.getpid()}_{secrets.token_hex(4)}"
    administer(f'CREATE DATABASE "{name}"')
    try:
        yield ThrowawayDatabase(name=name, url=database_url(name))
    finally:
        administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(command, environment, timeout=300):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        **environment,
    }
    result = subprocess.run(
        command,
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{command[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def manage(*args, environment):
    return run([sys.executable, "manage.py", *args], environment)


def last_json_line(output):
    return json.loads(output.strip().splitlines()[-1])


def test_backup_then_restore_brings_back_pages_and_media(throwaway_database, tmp_path):
    media_root = tmp_path / "media"
    backup_dir = tmp_path / "backups"
    environment = {
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.dev",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": throwaway_database.url,
        "MEDIA_ROOT": str(media_root),
        "BACKUP_DIR": str(backup_dir),
    }
    manage("migrate", "--noinput", environment=environment)
    created = last_json_line(manage("shell", "-c", CREATE_CONTENT, environment=environment))

    written = run(["bash", str(DEPLOY_DIR / "backup.sh")], environment).split()
    database_dump, media_archive = written
    assert database_dump.endswith(".dump")
    assert media_archive.endswith(".media.tar.gz")

    throwaway_database.lose()
    shutil.rmtree(media_root)
    run(["bash", str(DEPLOY_DIR / "restore.sh"), database_dump, media_archive], environment)

    restored = last_json_line(manage("shell", "-c", READ_CONTENT, environment=environment))
    assert restored == {
        "title": "Gesichert und zurückgeholt",
        "image_file": created["image_file"],
        "sha256": created["sha256"],
        "status": 200,
        "page_shows_title": True,
    }


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    result = subprocess.run(
        ["bash", str(DEPLOY_DIR / "backup.sh")],
        env={
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            "MEDIA_ROOT": str(tmp_path),
            "BACKUP_DIR": str(tmp_path / "backups"),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "PostgreSQL" in result.stderr
    assert not (tmp_path / "backups").exists()
