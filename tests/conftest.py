import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from tests.factories import BlogIndexPageFactory, FormatIndexPageFactory, HomePageFactory

SEEDS_DIR = Path(settings.BASE_DIR) / "website" / "demo_content" / "seeds"


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


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
