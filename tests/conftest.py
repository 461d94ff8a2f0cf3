import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from tests.factories import BlogIndexPageFactory, FormatIndexPageFactory, HomePageFactory

SEEDS_DIR = Path(settings.BASE_DIR) / "website" / "demo_content" / "seeds"
SHARED_DEMO = "shared_demo_site"


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def search_index(request, settings):
    """Wagtail's search index, off in the test settings, kept up to date for tests that search."""
    if request.node.get_closest_marker("search_index"):
        settings.WAGTAILSEARCH_BACKENDS = {
            name: {**backend, "AUTO_UPDATE": True}
            for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
        }


@pytest.fixture(autouse=True)
def reference_index(request):
    """Wagtail's reference index is updated on every save of a page, image or snippet; only the
    tests that look at usage counts need it. Pages a live server saves still update it."""
    if request.node.get_closest_marker("reference_index"):
        yield
        return
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The skeleton every page hangs from: home page as site root, Beiträge and Formate."""
    return make_site_tree()


def make_site_tree():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.site_name = "Open Innovation City Bielefeld"
    site.save()
    if old_root.pk != home.pk:
        old_root.delete()
    home.refresh_from_db()
    blog_index = BlogIndexPageFactory(parent=home)
    format_index = FormatIndexPageFactory(parent=home)
    return SimpleNamespace(site=site, home=home, blog_index=blog_index, format_index=format_index)


@pytest.fixture
def seeds_dir():
    return SEEDS_DIR


class SharedDemoSite:
    """The demo site of ``load_demo_content``, built once in a transaction that stays open while
    the tests that request ``shared_demo_site`` run, each in a savepoint of its own inside it (as
    Django's ``setUpTestData``). Any other test first sees it rolled back; the demo is built
    again only if a reader comes after that, which the ordering below avoids."""

    def __init__(self, blocker, media_root):
        self.blocker = blocker
        self.media_root = media_root
        self.atomic = None

    def open(self):
        if self.atomic is not None:
            return
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            with (
                override_settings(MEDIA_ROOT=self.media_root),
                disable_reference_index_auto_update(),
            ):
                call_command("load_demo_content", verbosity=0)

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


shared_demo = None  # this process's SharedDemoSite, once a reader has asked for it


@pytest.fixture(scope="session")
def shared_demo_builder(django_db_setup, django_db_blocker, tmp_path_factory):
    global shared_demo
    shared_demo = SharedDemoSite(django_db_blocker, tmp_path_factory.mktemp("demo-media"))
    shared_demo.open()
    yield shared_demo
    shared_demo.close()
    shared_demo = None


@pytest.fixture
def shared_demo_site(shared_demo_builder, db, settings):
    """The demo site for a test that reads it; what the test changes is rolled back after it.
    Tests of ``load_demo_content`` itself or with a live server call the command instead."""
    settings.MEDIA_ROOT = shared_demo_builder.media_root
    return shared_demo_builder


def uses_shared_demo(item):
    return SHARED_DEMO in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The demo's readers run one after another, where the first of them stands in the order
    pytest-django gave (they are all tests in a rolled-back transaction)."""
    readers = [item for item in items if uses_shared_demo(item)]
    if not readers:
        return
    first = items.index(readers[0])
    others = [item for item in items if not uses_shared_demo(item)]
    items[:] = others[:first] + readers + others[first:]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Set up before the test's own transaction, so that the test nests inside the demo's.
    if shared_demo is not None and uses_shared_demo(item):
        shared_demo.open()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if shared_demo is not None and (nextitem is None or not uses_shared_demo(nextitem)):
        shared_demo.close()
    return result
