from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .blocks import DEFAULT_CONSENT_HTML, signup_form_context
from .forms import SignupForm
from .models import normalise_email
from .rate_limits import allow
from .same_origin import is_cross_site
from .subscriptions import (
    Outcome,
    confirm_subscription,
    confirmation_is_open,
    request_subscription,
    subscriber_for_unsubscribe_token,
    unsubscribe,
)

ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")


def client_ip(request):
    """The visitor's address, taking ``NEWSLETTER_TRUSTED_PROXIES`` reverse proxies into account."""
    proxies = settings.NEWSLETTER_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def too_many_attempts(request):
    return render(request, "newsletter/too_many_attempts.html", status=429)


def signup_page(request, form=None, status=200):
    context = signup_form_context(
        request, DEFAULT_CONSENT_HTML, request.build_absolute_uri(reverse("newsletter:signup"))
    )
    if form is not None:
        payload = form.cleaned_data.get("context") if hasattr(form, "cleaned_data") else None
        context.update(form=form)
        if isinstance(payload, dict):
            context["consent_html"] = payload["consent"]
    return render(request, "newsletter/signup_page.html", context, status=status)


@require_GET
def signup(request):
    return signup_page(request)


@csrf_exempt
@require_POST
def subscribe(request):
    """Signs up without CSRF token (see ``same_origin``), so pages with the form can be cached."""
    if is_cross_site(request):
        return render(request, "newsletter/cross_site_refused.html", status=403)
    window = settings.NEWSLETTER_RATE_LIMIT_WINDOW_SECONDS
    if not allow("client", client_ip(request), settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT, window):
        return too_many_attempts(request)
    form = SignupForm(request.POST, auto_id="newsletter-%s")
    if not form.is_valid():
        return signup_page(request, form=form, status=400)
    if form.looks_automated:
        return redirect("newsletter:thanks")
    email = normalise_email(form.cleaned_data["email"])
    if not allow("address", email, settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS, window):
        return too_many_attempts(request)
    request_subscription(
        email=email,
        first_name=form.cleaned_data["first_name"].strip(),
        consent_text=form.cleaned_data["context"]["consent"],
        page_url=form.cleaned_data["context"].get("page", ""),
        ip_address=client_ip(request) or None,
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
