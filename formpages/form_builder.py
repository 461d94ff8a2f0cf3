"""The visitor's form of a form page: the editors' fields, the consent box and the bot traps."""

import django.forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from oic_cms.form_tokens import BotTrapForm

CONSENT_FIELD = "einwilligung"
# Long enough for a detailed report of a barrier, short enough to keep the store small.
MULTILINE_MAX_LENGTH = 5000
INVALID_MESSAGES = {
    "email": "Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
    "url": "Bitte gib eine vollständige Adresse an, z. B. https://www.beispiel.de.",
    "number": "Bitte gib eine Zahl an, z. B. 12 oder 3,5.",
    "date": "Bitte gib ein Datum an, z. B. 24.12.2026.",
    "datetime": "Bitte gib Datum und Uhrzeit an, z. B. 24.12.2026 18:00.",
}


class VisitorForm(BotTrapForm, BaseForm):
    """Fields the page adds (consent, traps) are never stored or mailed: ``data_fields``."""

    def submitted_data(self):
        """The answers to the editors' fields, and the consent when it was asked."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.page_field_names or name == CONSENT_FIELD
        }


class VisitorFormBuilder(FormBuilder):
    def __init__(self, fields, consent_label=""):
        super().__init__(fields)
        self.consent_label = consent_label

    def get_field_options(self, field):
        options = super().get_field_options(field)
        messages = {"required": f"Bitte fülle das Feld „{field.label}“ aus."}
        if field.field_type in {"checkbox", "checkboxes", "radio", "dropdown", "multiselect"}:
            messages["required"] = f"Bitte triff eine Auswahl bei „{field.label}“."
        if field.field_type in INVALID_MESSAGES:
            messages["invalid"] = INVALID_MESSAGES[field.field_type]
        options["error_messages"] = messages
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options["error_messages"]["max_length"] = (
            f"Bitte schreib höchstens {MULTILINE_MAX_LENGTH} Zeichen."
        )
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        form_field = super().create_email_field(field, options)
        form_field.widget.attrs["autocomplete"] = "email"
        return form_field

    def get_form_class(self):
        formfields = dict(self.formfields)
        page_field_names = frozenset(formfields)
        if self.consent_label:
            formfields[CONSENT_FIELD] = django.forms.BooleanField(
                label=self.consent_label,
                error_messages={"required": "Bitte bestätige deine Einwilligung."},
            )
        return type(
            "VisitorForm",
            (VisitorForm,),
            {**formfields, "page_field_names": page_field_names},
        )
