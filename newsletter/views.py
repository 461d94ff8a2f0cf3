from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oic_cms.client_address import client_address
from oic_cms.form_tokens import claim_form_token, issue_form_token, token_for_retry
from oic_cms.rate_limits import LimitsUnavailable
from oic_cms.same_origin import is_cross_site

from .blocks import DEFAULT_CONSENT_HTML, address_on_site, signup_form_context
from .forms import SignupForm
from .models import normalise_email
from .rate_limits import record_signup, signup_allowed
from .subscriptions import (
    Outcome,
    confirm_subscription,
    confirmation_is_open,
    request_subscription,
    subscriber_for_unsubscribe_token,
    unsubscribe,
)

ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")
# A person who filled in the form already and is asked to press the button once more needs a
# moment for that; a script posting the answer straight back does not take it.
RESUBMIT_MIN_SECONDS = 1
RESUBMIT_NOTICE = (
    "Fast fertig: Bitte prüfe deine Angaben und drücke noch einmal auf „Anmelden“, um die "
    "Anmeldung abzuschicken."
)
UNAVAILABLE_NOTICE = (
    "Die Anmeldung ist gerade kurz gestört, deine Angaben sind noch da. Bitte versuche es in "
    "einer Minute noch einmal."
)
UNAVAILABLE_RETRY_AFTER_SECONDS = 60


def too_many_attempts(request):
    return render(request, "newsletter/too_many_attempts.html", status=429)


def signup_page(request, form=None, form_token="", notice="", status=200):
    """The sign-up page; after a post, the posted form again, with a form token in it."""
    context = signup_form_context(
        request,
        DEFAULT_CONSENT_HTML,
        address_on_site(request, reverse("newsletter:signup")),
        form=form,
        form_token=form_token,
        notice=notice,
    )
    payload = form.cleaned_data.get("context") if form is not None and form.is_bound else None
    if isinstance(payload, dict):
        context["consent_html"] = payload["consent"]
    return render(request, "newsletter/signup_page.html", context, status=status)


@require_GET
def signup(request):
    return signup_page(request)


@csrf_exempt
@require_POST
def subscribe(request):
    """Signs up without CSRF token (see ``same_origin``), so pages with the form can be cached.

    Every sign-up that gets this far is answered the same way and queues one task, whatever
    the address's state, so neither the answer nor its timing tells who is subscribed.
    """
    if is_cross_site(request):
        return render(request, "newsletter/cross_site_refused.html", status=403)
    form = SignupForm(request.POST, auto_id="newsletter-%s")
    if not form.is_valid():
        return signup_page(request, form=form, form_token=token_for_retry(form), status=400)
    if form.looks_automated:
        return redirect("newsletter:thanks")
    token = form.cleaned_data["form_token"]
    if token is None:
        return signup_page(
            request,
            form=form,
            form_token=issue_form_token(min_fill_seconds=RESUBMIT_MIN_SECONDS),
            notice=RESUBMIT_NOTICE,
        )
    address = client_address(request)
    email = normalise_email(form.cleaned_data["email"])
    try:
        if not signup_allowed(address, email):
            return too_many_attempts(request)
        if not claim_form_token(token):
            # Used before: a second click on the button, or someone replaying a form.
            return redirect("newsletter:thanks")
        record_signup(address, email)
    except LimitsUnavailable:
        # Without its limits the form would let a machine send mails from the city's address.
        response = signup_page(
            request,
            form=form,
            form_token=token_for_retry(form),
            notice=UNAVAILABLE_NOTICE,
            status=503,
        )
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER_SECONDS)
        return response
    request_subscription(
        email=email,
        first_name=form.cleaned_data["first_name"],
        consent_text=form.cleaned_data["context"]["consent"],
        page_url=form.cleaned_data["context"].get("page", ""),
        ip_address=address or None,
    )
    return redirect("newsletter:thanks")


@require_GET
def thanks(request):
    return render(request, "newsletter/thanks.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET only shows the button: mail scanners follow links, people press buttons."""
    if request.method == "GET":
        if not confirmation_is_open(token):
            return render(request, "newsletter/link_invalid.html", status=400)
        return render(request, "newsletter/confirm.html")
    outcome = confirm_subscription(token)
    if outcome is Outcome.EXPIRED:
        return render(request, "newsletter/link_expired.html", status=400)
    if outcome is Outcome.INVALID:
        return render(request, "newsletter/link_invalid.html", status=400)
    return render(request, "newsletter/confirmed.html")


@require_http_methods(["GET", "POST"])
def unsubscribe_page(request, token):
    if subscriber_for_unsubscribe_token(token) is Outcome.INVALID:
        return render(request, "newsletter/link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "newsletter/unsubscribe.html")
    unsubscribe(token)
    return render(request, "newsletter/unsubscribed.html")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_one_click(request, token):
    """RFC 8058: mail providers POST ``List-Unsubscribe=One-Click`` here, without a CSRF token."""
    if request.method == "GET":
        return redirect("newsletter:unsubscribe", token=token)
    if request.POST.get(ONE_CLICK_BODY[0]) != ONE_CLICK_BODY[1]:
        return render(request, "newsletter/one_click_bad_request.html", status=400)
    if unsubscribe(token) is Outcome.INVALID:
        return render(request, "newsletter/link_invalid.html", status=400)
    return render(request, "newsletter/unsubscribed.html")
