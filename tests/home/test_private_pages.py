"""Private pages (Wagtail's view restrictions) stay out of listings and behind their password,
although which pages are private comes from the cache; lifting the restriction shows them."""

from wagtail.models import PageViewRestriction

from tests.factories import BlogPageFactory


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def test_a_private_post_leaves_the_listing_and_asks_for_the_password(client, site_tree):
    public = BlogPageFactory(parent=site_tree.blog_index, title="Öffentlich")
    private = BlogPageFactory(parent=site_tree.blog_index, title="Vertraulich")
    assert "Vertraulich" in client.get("/beitraege/").text  # fills the cache: nothing private

    restriction = restrict(private)
    listing = client.get("/beitraege/").text
    assert "Öffentlich" in listing and "Vertraulich" not in listing
    response = client.get(private.url)
    assert response.status_code == 200 and 'name="password"' in response.text
    assert "Ein kurzer Teaser" not in response.text
    assert client.get(public.url).status_code == 200

    restriction.delete()
    assert "Vertraulich" in client.get("/beitraege/").text
    assert 'name="password"' not in client.get(private.url).text


def test_a_private_section_hides_everything_below_it(client, site_tree):
    BlogPageFactory(parent=site_tree.blog_index, title="Im Bereich")
    client.get("/")
    restrict(site_tree.blog_index)
    home = client.get("/").text
    assert "Im Bereich" not in home
    assert 'name="password"' in client.get("/beitraege/im-bereich/").text
