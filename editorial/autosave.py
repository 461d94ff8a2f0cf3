"""Wagtail's autosave without noise: no revision for a save that changes nothing, and no slug
kept by a page only autosave created.

Wagtail 8.0's script (``w-autosave``) posts the edit form with ``Accept: application/json`` and
without a button's name whenever its change tracker fires, also when what it sends equals the
newest revision (each editing session's first autosave creates a revision). In the "add page"
form its first autosave creates the page. Both are handled through Wagtail's page hooks
(``before_edit_page``, ``after_create_page``, ``before_create_page``), registered in
``editorial.wagtail_hooks``.
"""

import datetime

from django.http import JsonResponse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageSubscription

from editorial.models import AutosavedNewPage

# The buttons of the page editor; autosave sends none of them.
ACTION_BUTTONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
)
# Another editor's page that only autosave made is taken for abandoned after this long.
ABANDONED_AFTER = datetime.timedelta(hours=1)


def is_autosave(request):
    return (
        request.method == "POST"
        and not request.accepts("text/html")
        and not any(request.POST.get(button) for button in ACTION_BUTTONS)
    )


def skip_unchanged_autosave(request, page):
    """``before_edit_page``: answer an autosave that changes nothing without a revision.

    ``page`` is the newest revision, as the editor compares against it. The answer carries no
    ``revision_id``, so the script keeps the revision it had (none: the next real change makes
    one, as it would have). A press of a button makes the page the editor's own.
    """
    if request.method != "POST":
        return None
    if not is_autosave(request):
        AutosavedNewPage.objects.filter(page_id=page.pk).delete()
        return None
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=page,
        subscription=PageSubscription.objects.filter(page=page, user=request.user).first(),
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    if form.has_changed():
        return None
    return JsonResponse({"success": True, "pk": page.pk})


def note_autosaved_new_page(request, page):
    """``after_create_page``: remember a page autosave created, until an editor saves it."""
    if is_autosave(request):
        AutosavedNewPage.objects.get_or_create(page=page, defaults={"user": request.user})


def free_slug_of_abandoned_page(request, parent_page, page_class):
    """``before_create_page``: a new page takes the slug of a page only autosave created, if
    that one is the same editor's or was left alone for ``ABANDONED_AFTER``."""
    if request.method != "POST":
        return None
    slug = request.POST.get("slug") or slugify(request.POST.get("title", ""), allow_unicode=True)
    if not slug:
        return None
    abandoned = Page.objects.child_of(parent_page).filter(
        slug=slug, live=False, numchild=0, autosaved_new_page__isnull=False
    )
    cutoff = timezone.now() - ABANDONED_AFTER
    for page in abandoned.select_related("autosaved_new_page"):
        started_by_this_editor = page.autosaved_new_page.user_id == request.user.pk
        if started_by_this_editor or (page.latest_revision_created_at or cutoff) <= cutoff:
            page.delete(user=request.user, skip_permission_checks=True)
    return None
