from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import AccessibilityStatementPage

VIEW_SUBMISSIONS = "formpages.view_submission"


@hooks.register("filter_form_submissions_for_user")
def submissions_only_for_those_allowed(user, editable_forms):
    """Wagtail shows a form's submissions to everyone who may edit the page; they hold
    visitors' personal data, so only groups with the right see them (README, rights table)."""
    if user.has_perm(VIEW_SUBMISSIONS):
        return editable_forms
    return editable_forms.none()


class StatementReviewPanel(Component):
    """On the dashboard while the accessibility statement's last review is over a year old."""

    name = "accessibility_statement_review"
    template_name = "formpages/admin/statement_review_panel.html"
    order = 50

    def __init__(self, statement):
        self.statement = statement

    def get_context_data(self, parent_context):
        return {
            "statement": self.statement,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.statement.pk]),
        }


@hooks.register("construct_homepage_panels")
def warn_of_an_overdue_statement_review(request, panels):
    statement = AccessibilityStatementPage.objects.first()
    if statement is None or not statement.review_is_overdue:
        return
    if statement.permissions_for_user(request.user).can_edit():
        panels.append(StatementReviewPanel(statement))
