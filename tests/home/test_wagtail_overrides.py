"""What ``home.wagtail_overrides`` assumes of Wagtail. Each test fails as soon as a Wagtail
release behaves otherwise: then the override is dead weight or wrong, and goes or changes."""

from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

import home.wagtail_overrides as overrides
from tests.factories import BlogPageFactory


def test_wagtails_get_parent_reads_the_parent_routing_remembered(
    site_tree, django_assert_num_queries
):
    post = BlogPageFactory(parent=site_tree.blog_index)
    post = Page.objects.get(pk=post.pk).specific
    post._cached_parent_obj = site_tree.blog_index

    with django_assert_num_queries(0):
        assert post.get_parent() is site_tree.blog_index


def test_routing_a_post_loads_it_once_and_knows_its_parents(site_tree, django_assert_num_queries):
    post = BlogPageFactory(parent=site_tree.blog_index, slug="ein-beitrag")
    request = RequestFactory().get("/beitraege/ein-beitrag/")
    home = Page.objects.get(pk=site_tree.home.pk).specific

    routed = home.route(request, ["beitraege", "ein-beitrag"]).page

    assert routed == post and type(routed) is type(post)
    with django_assert_num_queries(0):
        assert routed.get_parent().pk == site_tree.blog_index.pk
        assert overrides.ancestors_known_from_routing(routed) == [home, routed.get_parent()]


def test_wagtail_takes_the_site_a_middleware_put_on_the_request(
    site_tree, django_assert_num_queries
):
    request = RequestFactory().get("/")
    request._wagtail_site = site_tree.site

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site_tree.site


def test_the_site_cache_stays_one_entry_per_site_whatever_the_port(site_tree):
    for port in range(8000, 8100):
        request = RequestFactory().get("/", HTTP_HOST=f"localhost:{port}")
        assert overrides.site_for_request(request).pk == site_tree.site.pk

    assert len(cache.get(overrides.SITES_BY_HOST_KEY)["by_key"]) == 1


def test_serving_checks_privacy_through_get_view_restrictions(client, site_tree, monkeypatch):
    post = BlogPageFactory(parent=site_tree.blog_index, slug="geheim")
    PageViewRestriction.objects.create(
        page=post, restriction_type=PageViewRestriction.PASSWORD, password="oic"
    )
    checked = []
    original = overrides.ViewRestrictionsByPathMixin.get_view_restrictions

    def recording(page):
        checked.append(page.pk)
        return original(page)

    monkeypatch.setattr(overrides.ViewRestrictionsByPathMixin, "get_view_restrictions", recording)
    response = client.get("/beitraege/geheim/")

    assert post.pk in checked
    assert response.status_code == 200 and b'name="password"' in response.content


def test_wagtails_picture_tag_takes_its_filters_from_get_filters(db, monkeypatch):
    """The second render of a compiled ``{% picture %}`` builds no ``Filter``: Wagtail asks
    ``get_filters`` for them, which the override answers from the parsed ones."""
    from django.template import Context, Template
    from wagtail.images.models import Filter

    from tests.factories import ImageFactory

    template = Template(
        "{% load picture_tags %}{% picture image format-{webp,jpeg} fill-{400x225,800x450} %}"
    )
    image = ImageFactory()
    template.render(Context({"image": image}))
    built = []
    original_init = Filter.__init__

    def counting_init(self, *args, **kwargs):
        built.append(kwargs.get("spec"))
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(Filter, "__init__", counting_init)
    html = template.render(Context({"image": image}))

    assert "<picture>" in html and built == []
