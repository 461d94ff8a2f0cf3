import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from tests.factories import BlogIndexPageFactory, FormatIndexPageFactory, HomePageFactory

SEEDS_DIR = Path(settings.BASE_DIR) / "website" / "demo_content" / "seeds"


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
