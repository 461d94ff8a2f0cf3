"""Form pages as editors build them, and posts as a visitor's browser sends them."""

import datetime

import time_machine
from django.utils import timezone

from formpages.models import FormPage, FormPageField
from oic_cms.form_tokens import issue_form_token
from tests.factories import PageFactory


class FormPageFactory(PageFactory):
    class Meta:
        model = FormPage

    title = "Kontakt"
    slug = "kontakt"
    to_address = "team@oic-bielefeld.de"


def contact_form(parent, **fields):
    """Name, e-mail address and message, as the OIC team would build a contact form."""
    page = FormPageFactory(parent=parent, **fields)
    for order, (label, field_type, required) in enumerate(
        [("Name", "singleline", True), ("E-Mail", "email", True), ("Nachricht", "multiline", True)]
    ):
        FormPageField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required
        )
    return FormPage.objects.get(pk=page.pk)


def earlier_form_token(minutes=1):
    """The token the page's script fetched when the form came into view ``minutes`` ago."""
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=minutes)):
        return issue_form_token()


def visitor_post(**overrides):
    return {
        "name": "Maria Muster",
        "e_mail": "maria@example.org",
        "nachricht": "Die Schrift im Footer ist sehr klein.",
        "einwilligung": "on",
        "website": "",
        "form_token": earlier_form_token(),
        **overrides,
    }
