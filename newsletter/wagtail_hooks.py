import datetime

from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from .admin_views import SubscriberDeleteView, SubscriberIndexView, SubscriberInspectView
from .models import Subscriber

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


class NewsletterAdminGroup(ModelAdminGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 220
    items = (SubscriberAdmin,)


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
