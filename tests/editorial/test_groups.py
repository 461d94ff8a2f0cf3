"""The groups the migrations create: German names, least privilege."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

pytestmark = pytest.mark.django_db

SNIPPET_RIGHTS = {
    ("home", "add_person"),
    ("home", "change_person"),
    ("home", "add_category"),
    ("home", "change_category"),
    ("projects", "add_project"),
    ("projects", "change_project"),
}


def model_rights(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def page_rights(name):
    return {
        (grant.page.depth, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(group__name=name)
    }


def collection_rights(name):
    return {
        (grant.collection.depth, grant.permission.codename)
        for grant in GroupCollectionPermission.objects.filter(group__name=name)
    }


def test_wagtails_english_default_groups_became_the_german_ones():
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Redaktion",
        "Moderation",
        "Newsletter",
    }


def test_redaktion_writes_pages_and_snippets_but_publishes_and_deletes_nothing():
    assert model_rights("Redaktion") == {("wagtailadmin", "access_admin"), *SNIPPET_RIGHTS}
    assert page_rights("Redaktion") == {(1, "add_page"), (1, "change_page")}
    assert collection_rights("Redaktion") == {
        (1, "add_image"),
        (1, "choose_image"),
        (1, "add_document"),
        (1, "choose_document"),
    }


def test_moderation_also_publishes_locks_and_edits_all_media():
    assert model_rights("Moderation") == {("wagtailadmin", "access_admin"), *SNIPPET_RIGHTS}
    assert page_rights("Moderation") == {
        (1, "add_page"),
        (1, "change_page"),
        (1, "publish_page"),
        (1, "lock_page"),
        (1, "unlock_page"),
    }
    assert collection_rights("Moderation") == {
        (1, "add_image"),
        (1, "change_image"),
        (1, "choose_image"),
        (1, "add_document"),
        (1, "change_document"),
        (1, "choose_document"),
    }


def test_newsletter_group_has_only_the_newsletter():
    assert model_rights("Newsletter") == {
        ("wagtailadmin", "access_admin"),
        ("newsletter", "view_subscriber"),
        ("newsletter", "delete_subscriber"),
    }
    assert page_rights("Newsletter") == set()
    assert collection_rights("Newsletter") == set()
