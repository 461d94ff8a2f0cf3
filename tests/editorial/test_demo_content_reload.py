"""`make run` loads the demo at every start: after the first load that must never touch editors'
work. What editors edited, renamed, unpublished or deleted stays so; only demo content the
loader never made is added."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from blog.models import BlogPage
from events.models import EventPage
from home.models import Category, FooterLink, Person, SiteSettings, StandardPage
from methods.models import MethodPage
from projects.models import Project
from website.models import DemoContentItem, HomePage

pytestmark = pytest.mark.django_db


def load_demo_again():
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def site_state():
    pages = Page.objects.order_by("pk")
    return {
        "pages": list(pages.values_list("pk", "title", "slug", "live", "last_published_at")),
        "revisions": Revision.objects.count(),
        "categories": list(Category.objects.order_by("pk").values_list("pk", "name", "slug")),
        "people": list(Person.objects.order_by("pk").values_list("pk", "name", "role", "live")),
        "projects": list(Project.objects.order_by("pk").values_list("pk", "title", "live")),
        "footer_links": list(FooterLink.objects.values_list("page_id", flat=True)),
    }


def test_reloading_the_demo_keeps_every_edit_rename_unpublish_and_deletion(
    shared_demo_site, admin_user, client
):
    post = BlogPage.objects.get(slug="community-of-practice-starter-kit")
    post.teaser = "Von einer Redakteurin überarbeiteter Teaser."
    post.save_revision(user=admin_user).publish(user=admin_user)
    post_revisions = post.revisions.count()

    # The rename that crashed `make run` (UNIQUE constraint failed: blog_category.slug), and
    # one of name and slug together.
    formate = Category.objects.get(name="Formate")
    formate.name = "Unsere Formate"
    formate.save()
    ki = Category.objects.get(name="KI und Zivilgesellschaft")
    ki.name, ki.slug = "Künstliche Intelligenz", "kuenstliche-intelligenz"
    ki.save()

    maria = Person.objects.get(name="Maria Gonçalves")
    maria.role = "Leitung Open Innovation City"
    maria.save_revision(user=admin_user).publish(user=admin_user)
    Person.objects.get(name="Jonas Becker").delete()
    project = Project.objects.get(title="Innovation Office am Alter Markt")
    project.title = "Innovation Office"
    project.save_revision(user=admin_user).publish(user=admin_user)

    StandardPage.objects.get(slug="datenschutz").delete()
    EventPage.objects.get(slug="meetup-ki-im-ehrenamt").delete()
    MethodPage.objects.get(slug="woop-plan").unpublish(user=admin_user)
    home = HomePage.objects.get()
    home.body = [
        (block.block_type, block.value) for block in home.body if block.block_type != "newsletter"
    ]
    home.save_revision(user=admin_user).publish(user=admin_user)
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.contact_email = "oic@example.org"
    site_settings.save()
    before = site_state()

    output = load_demo_again()

    assert site_state() == before
    assert "created" not in output
    post.refresh_from_db()
    assert post.teaser == "Von einer Redakteurin überarbeiteter Teaser."
    assert post.revisions.count() == post_revisions
    assert not Category.objects.filter(name__in=["Formate", "KI und Zivilgesellschaft"]).exists()
    assert not Person.objects.filter(name="Jonas Becker").exists()
    assert Person.objects.get(pk=maria.pk).role == "Leitung Open Innovation City"
    assert not Project.objects.filter(title="Innovation Office am Alter Markt").exists()
    assert not StandardPage.objects.filter(slug="datenschutz").exists()
    assert not EventPage.objects.filter(slug="meetup-ki-im-ehrenamt").exists()
    assert not MethodPage.objects.get(slug="woop-plan").live
    home.refresh_from_db()
    assert "newsletter" not in [block.block_type for block in home.body]
    assert SiteSettings.for_site(home.get_site()).contact_email == "oic@example.org"
    assert client.get("/").status_code == 200
    assert client.get("/datenschutz/").status_code == 404


def test_demo_content_it_never_made_is_added_on_the_next_load(shared_demo_site):
    """A demo item new to the loader (here: one whose record and page are gone) is made."""
    MethodPage.objects.get(slug="woop-plan").delete()
    DemoContentItem.objects.filter(key="page:methods.methodpage:woop-plan").delete()
    revisions = Revision.objects.count()

    output = load_demo_again()

    assert "created /methoden/woop-plan/" in output
    assert MethodPage.objects.get(slug="woop-plan").live
    # The new page's own first revision, nothing republished besides it.
    assert Revision.objects.count() == revisions + 1


def test_a_demo_loaded_before_its_items_were_recorded_is_taken_over_unchanged(shared_demo_site):
    """Sites whose demo was loaded before the loader kept records: the next load finds each
    thing where the demo put it, records it and changes nothing."""
    DemoContentItem.objects.all().delete()
    before = site_state()

    load_demo_again()

    assert site_state() == before
    assert DemoContentItem.objects.filter(key="page:methods.methodpage:woop-plan").count() == 1
    assert DemoContentItem.objects.filter(key="category:Formate").count() == 1
