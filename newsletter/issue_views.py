"""The admin's newsletter actions on an issue page: test, send (now or later), progress, stop."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log
from wagtail.models import Page, get_page_models

from . import mailings
from .issue_emails import test_message
from .issues import NewsletterIssue
from .models import Delivery, Mailing, Subscriber

SEND_PERMISSION = "newsletter.send_mailing"
VIEW_DELIVERIES_PERMISSION = "newsletter.view_delivery"


def issue_page_types():
    return [model for model in get_page_models() if issubclass(model, NewsletterIssue)]


def can_send(user):
    return user.has_perm(SEND_PERMISSION)


def can_see_deliveries(user):
    return user.has_perm(VIEW_DELIVERIES_PERMISSION) or can_send(user)


def can_test(user, page):
    return can_send(user) or page.permissions_for_user(user).can_edit()


def issue_page(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, NewsletterIssue):
        raise PermissionDenied
    return page


class TestForm(forms.Form):
    email = forms.EmailField(
        label="An diese Adresse",
        error_messages={"invalid": "Bitte eine gültige E-Mail-Adresse eingeben."},
    )


class SendForm(forms.Form):
    send_after = forms.DateTimeField(
        label="Versand planen (optional)",
        required=False,
        widget=AdminDateTimeInput,
        help_text="Leer lassen, um sofort zu versenden.",
    )

    def clean_send_after(self):
        value = self.cleaned_data["send_after"]
        if value and value <= timezone.now():
            raise forms.ValidationError("Der Zeitpunkt muss in der Zukunft liegen.")
        return value


class IssueViewMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"

    def dispatch(self, request, page_id):
        self.page = issue_page(page_id)
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            issue=self.page,
            mailing=Mailing.objects.filter(page=self.page).first(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            **kwargs,
        )


class TestSendView(IssueViewMixin, TemplateView):
    page_title = "Test-E-Mail senden"
    template_name = "newsletter/admin/issue_test.html"

    def allowed(self, user):
        return can_test(user, self.page)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or TestForm(initial={"email": self.request.user.email})
        return super().get_context_data(form=form, **kwargs)

    def post(self, request, page_id):
        form = TestForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        draft = self.page.get_latest_revision_as_object()
        address = form.cleaned_data["email"]
        test_message(draft.render_newsletter(), address).send(using=settings.NEWSLETTER_MAILER)
        log(self.page, "newsletter.send_test", user=request.user)
        messages.success(request, f"Die Test-E-Mail an {address} ist unterwegs.")
        return redirect("newsletter_issue_test", page_id=self.page.pk)


class SendView(IssueViewMixin, TemplateView):
    page_title = "Newsletter versenden"
    template_name = "newsletter/admin/issue_send.html"

    def allowed(self, user):
        return can_send(user)

    def obstacle(self, mailing):
        if mailing is not None:
            return "Diese Ausgabe wurde schon versendet oder ist geplant."
        if not self.page.live:
            return "Die Ausgabe ist noch nicht freigegeben (veröffentlicht)."
        if self.page.has_unpublished_changes:
            return (
                "Die Ausgabe hat Änderungen, die noch nicht freigegeben sind. Versendet wird "
                "immer die veröffentlichte Fassung: erst freigeben, dann versenden."
            )
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or SendForm()
        context["obstacle"] = self.obstacle(context["mailing"])
        context["recipient_count"] = Subscriber.objects.confirmed().count()
        context["can_schedule"] = mailings.send_mailing_can_wait()
        return context

    def post(self, request, page_id):
        form = SendForm(request.POST)
        mailing = Mailing.objects.filter(page=self.page).first()
        if self.obstacle(mailing) or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        live = self.page.live_revision
        published = live.as_object() if live else self.page
        send_after = form.cleaned_data["send_after"] if mailings.send_mailing_can_wait() else None
        mailings.start_mailing(
            page=self.page,
            rendered=published.render_newsletter(),
            issue_url=self.page.full_url,
            revision=live,
            user=request.user,
            send_after=send_after,
        )
        log(self.page, "newsletter.send", user=request.user)
        messages.success(request, "Der Versand hat begonnen." if not send_after else "Geplant.")
        return redirect("newsletter_issue_progress", page_id=self.page.pk)


class ProgressView(IssueViewMixin, TemplateView):
    page_title = "Versand"
    template_name = "newsletter/admin/issue_progress.html"

    def allowed(self, user):
        return can_see_deliveries(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mailing = context["mailing"]
        if mailing is not None:
            counts = mailings.progress(mailing)
            context["counts"] = [(state.label, counts[state]) for state in Delivery.State]
            context["total"] = sum(counts.values())
            context["problems"] = (
                mailing.deliveries.filter(state__in=[Delivery.State.FAILED, Delivery.State.BOUNCED])
                .select_related("subscriber")
                .order_by("pk")[:200]
            )
            context["can_stop"] = can_send(self.request.user) and mailing.state in (
                Mailing.State.SCHEDULED,
                Mailing.State.SENDING,
            )
            context["can_resume"] = can_send(self.request.user) and mailing.state in (
                Mailing.State.STOPPED,
                Mailing.State.SENDING,
            )
        return context

    def post(self, request, page_id):
        mailing = get_object_or_404(Mailing, page=self.page)
        if not can_send(request.user):
            raise PermissionDenied
        if "stop" in request.POST and mailings.stop(mailing):
            log(self.page, "newsletter.stop", user=request.user)
            messages.warning(request, "Der Versand ist angehalten.")
        elif "resume" in request.POST and mailings.resume(mailing):
            log(self.page, "newsletter.resume", user=request.user)
            messages.success(request, "Der Versand geht weiter.")
        return redirect("newsletter_issue_progress", page_id=self.page.pk)


class IssueListView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Newsletter-Ausgaben"
    header_icon = "mail"
    template_name = "newsletter/admin/issue_list.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_deliveries(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        issues = (
            Page.objects.type(*issue_page_types())
            .select_related("newsletter_mailing")
            .order_by("-latest_revision_created_at")
        )
        return super().get_context_data(issues=issues, **kwargs)
