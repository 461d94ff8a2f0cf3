"""Sending a form page's form: no CSRF token (pages stay cacheable), the same checks as the
newsletter sign-up instead: same origin, honeypot, form token and rate limits."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from oic_cms.client_address import client_address
from oic_cms.form_tokens import claim_form_token, issue_form_token, token_for_retry
from oic_cms.rate_limits import (
    LimitsUnavailable,
    client_and_network_limits,
    record,
    within_limits,
)
from oic_cms.same_origin import is_cross_site

from .models.built_form import BuiltFormPage

# A person asked to press the button once more needs a moment; a script posting straight back
# does not take it.
RESUBMIT_MIN_SECONDS = 1
RESUBMIT_NOTICE = (
    "Fast fertig: Bitte prüfe deine Angaben und drücke noch einmal auf den Button, um das "
    "Formular abzuschicken."
)
UNAVAILABLE_NOTICE = (
    "Das Absenden ist gerade kurz gestört, deine Angaben sind noch da. Bitte versuche es in "
    "einer Minute noch einmal."
)
UNAVAILABLE_RETRY_AFTER_SECONDS = 60


def sending_limits(address):
    return client_and_network_limits(
        "formpages",
        address,
        per_client=settings.FORM_RATE_LIMIT_PER_CLIENT,
        per_network=settings.FORM_RATE_LIMIT_PER_NETWORK,
    )


def form_page_or_404(request, page_id):
    """The live form page the visitor may see: its view restrictions apply to sending too."""
    page = Page.objects.live().filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if not isinstance(page, BuiltFormPage):
        raise Http404
    if any(not restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        raise Http404
    return page


@csrf_exempt
@require_POST
def submit(request, page_id):
    page = form_page_or_404(request, page_id)
    if is_cross_site(request):
        return render(request, "formpages/cross_site_refused.html", {"page": page}, status=403)
    form = page.get_form(request.POST, page=page, user=None)
    if not form.is_valid():
        return page.render_form(request, form, form_token=token_for_retry(form), status=400)
    if form.looks_automated:
        return page.render_landing_page(request)
    token = form.cleaned_data["form_token"]
    if token is None:
        return page.render_form(
            request,
            form,
            form_token=issue_form_token(min_fill_seconds=RESUBMIT_MIN_SECONDS),
            notice=RESUBMIT_NOTICE,
        )
    limits = sending_limits(client_address(request))
    window = settings.FORM_RATE_LIMIT_WINDOW_SECONDS
    try:
        if not within_limits(limits, window, fail_closed=True):
            return render(request, "formpages/too_many_attempts.html", {"page": page}, status=429)
        if not claim_form_token(token):
            # Used before: a second click on the button, or someone replaying a form.
            return page.render_landing_page(request)
        record(limits, window, fail_closed=True)
    except LimitsUnavailable:
        # Without its limits the form would let a machine fill the inbox and the database.
        response = page.render_form(
            request, form, form_token=token_for_retry(form), notice=UNAVAILABLE_NOTICE, status=503
        )
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER_SECONDS)
        return response
    submission = page.process_form_submission(form)
    return page.render_landing_page(request, submission)
