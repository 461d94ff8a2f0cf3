import datetime

from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from . import issue_views
from .admin_views import SubscriberDeleteView, SubscriberIndexView, SubscriberInspectView
from .issues import NewsletterIssue
from .models import Mailing, Subscriber

DASHBOARD_DAYS = 30


class SubscriberPermissionHelper(PermissionHelper):
    """Consent comes only from the double opt-in: nobody adds or edits subscribers here.

    Seeing the list, the proofs and the export takes the view (or change) permission;
    erasing an entry takes the delete permission.
    """

    def user_can_list(self, user):
        return self.user_has_specific_permission(
            user, self.get_perm_codename("view")
        ) or self.user_has_specific_permission(user, self.get_perm_codename("change"))

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return self.user_can_list(user) and self.user_has_specific_permission(
            user, self.get_perm_codename("delete")
        )


class SubscriberButtonHelper(ButtonHelper):
    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label="Nachweis ansehen", title="Nachweis der Einwilligung ansehen")
        return button


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    menu_label = "Abonnent*innen"
    menu_icon = "user"
    list_display = ("email", "first_name", "status", "signed_up_at", "confirmed_at")
    list_filter = ("status",)
    search_fields = ("email", "first_name")
    ordering = ("-signed_up_at",)
    list_per_page = 50
    list_export = ("email", "first_name", "confirmed_at", "consent_version", "consent_page_url")
    export_filename = "newsletter-bestaetigte-abonnentinnen"
    inspect_view_enabled = True
    # Modeladmin's history view checks no permission and would show the address to any
    # admin user; deletions are still recorded in the site history.
    history_view_enabled = False
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    delete_view_class = SubscriberDeleteView
    index_template_name = "newsletter/admin/subscriber_index.html"
    index_view_extra_css = ["css/admin/newsletter-subscribers.css"]
    inspect_template_name = "newsletter/admin/subscriber_inspect.html"
    permission_helper_class = SubscriberPermissionHelper
    button_helper_class = SubscriberButtonHelper

    def consent_version(self, subscriber):
        return subscriber.consent_text_id

    consent_version.short_description = "Version des Einwilligungstexts"

    def register_indexing(self):
        """Keep subscribers out of Wagtail's reference index.

        They link to nothing editors manage, and indexing them would queue a background task
        on every sign-up.
        """

    def get_permissions_for_registration(self):
        """Only the permissions that mean something here appear in the group settings."""
        return Permission.objects.filter(
            content_type__app_label=self.opts.app_label,
            codename__in=[
                self.permission_helper.get_perm_codename("view"),
                self.permission_helper.get_perm_codename("delete"),
            ],
        )


class IssuesMenuItem(MenuItem):
    def is_shown(self, request):
        return issue_views.can_see_deliveries(request.user)


class NewsletterAdminGroup(ModelAdminGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 220
    items = (SubscriberAdmin,)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            IssuesMenuItem(
                "Ausgaben und Versand", reverse("newsletter_issues"), icon_name="mail", order=2
            ),
        ]


newsletter_admin = NewsletterAdminGroup()
newsletter_admin.register_with_wagtail()
subscriber_admin = newsletter_admin.modeladmin_instances[0]


class NewsletterSummaryPanel(Component):
    """Sign-ups and confirmations of the last 30 days, on the dashboard."""

    name = "newsletter_summary"
    template_name = "newsletter/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        since = timezone.now() - datetime.timedelta(days=DASHBOARD_DAYS)
        counts = Subscriber.objects.aggregate(
            signups=Count("pk", filter=Q(signed_up_at__gte=since)),
            confirmations=Count("pk", filter=Q(confirmed_at__gte=since)),
        )
        return {
            "heading": f"Newsletter: letzte {DASHBOARD_DAYS} Tage",
            "signups": counts["signups"],
            "confirmations": counts["confirmations"],
            "index_url": subscriber_admin.url_helper.index_url,
        }


@hooks.register("construct_homepage_panels")
def add_newsletter_summary_panel(request, panels):
    if subscriber_admin.permission_helper.user_can_list(request.user):
        panels.append(NewsletterSummaryPanel())


@hooks.register("register_admin_urls")
def newsletter_issue_urls():
    return [
        path("newsletter/ausgaben/", issue_views.IssueListView.as_view(), name="newsletter_issues"),
        path(
            "newsletter/ausgaben/<int:page_id>/test/",
            issue_views.TestSendView.as_view(),
            name="newsletter_issue_test",
        ),
        path(
            "newsletter/ausgaben/<int:page_id>/versenden/",
            issue_views.SendView.as_view(),
            name="newsletter_issue_send",
        ),
        path(
            "newsletter/ausgaben/<int:page_id>/versand/",
            issue_views.ProgressView.as_view(),
            name="newsletter_issue_progress",
        ),
    ]


class IssueActionMenuItem(ActionMenuItem):
    """A link in the editor's action menu of an issue page to one of the newsletter views."""

    icon_name = "mail"

    def __init__(self, name, label, url_name, order):
        super().__init__(order=order)
        self.name, self.label, self.url_name = name, label, url_name

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, NewsletterIssue)
            and self.allowed(context["request"].user, page)
        )

    def allowed(self, user, page):
        if self.url_name == "newsletter_issue_test":
            return issue_views.can_test(user, page)
        if self.url_name == "newsletter_issue_send":
            return issue_views.can_send(user) and not Mailing.objects.filter(page=page).exists()
        return issue_views.can_see_deliveries(user) and Mailing.objects.filter(page=page).exists()

    def get_url(self, parent_context):
        return reverse(self.url_name, args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def newsletter_test_menu_item():
    return IssueActionMenuItem(
        "newsletter-test", "Test-E-Mail senden", "newsletter_issue_test", order=60
    )


@hooks.register("register_page_action_menu_item")
def newsletter_send_menu_item():
    return IssueActionMenuItem(
        "newsletter-send", "An Abonnent*innen versenden", "newsletter_issue_send", order=61
    )


@hooks.register("register_page_action_menu_item")
def newsletter_progress_menu_item():
    return IssueActionMenuItem(
        "newsletter-progress", "Stand des Versands", "newsletter_issue_progress", order=62
    )


@hooks.register("register_log_actions")
def newsletter_log_actions(actions):
    for action, label in [
        ("newsletter.send_test", "Test-E-Mail gesendet"),
        ("newsletter.send", "Newsletter-Versand begonnen"),
        ("newsletter.stop", "Newsletter-Versand angehalten"),
        ("newsletter.resume", "Newsletter-Versand fortgesetzt"),
    ]:
        actions.register_action(action, label, label)


@hooks.register("register_permissions")
def newsletter_sending_permissions():
    return Permission.objects.filter(
        content_type__app_label="newsletter",
        codename__in=["send_mailing", "view_delivery"],
    )
