"""Pages with a form that editors build from fields (Wagtail's form builder), and what it stores.

Every such page is served like any page, from the page cache, with no CSRF token in it: the
form posts to ``formpages:submit``, which checks where the post came from
(``oic_cms.same_origin``), the honeypot and the form token (``oic_cms.form_tokens``) and the
rate limits before the page stores and mails a submission.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models.mixins import IntroMixin, SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin
from oic_cms.form_tokens import HONEYPOT_FIELD

from ..form_builder import CONSENT_FIELD, VisitorFormBuilder

# Names the page's own fields take; an editor's field with the same label gets another name.
RESERVED_FIELD_NAMES = {HONEYPOT_FIELD, "form_token", CONSENT_FIELD, "submit_time"}
DEFAULT_CONSENT_LABEL = (
    "Ich bin einverstanden, dass meine Angaben gespeichert und zur Bearbeitung meiner "
    "Nachricht verwendet werden."
)


def form_page_edit_handler(content_panels, form_panels):
    """Wagtail shows only content, promote and settings panels by itself; the fields, the
    thank-you text and the notification get their own tab "Formular"."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Inhalt"),
            ObjectList(form_panels, heading="Formular"),
            ObjectList(SearchEngineVisibilityMixin.promote_panels, heading="Veröffentlichung"),
            ObjectList(Page.settings_panels, heading="Einstellungen"),
        ],
        base_form_class=WagtailAdminFormPageForm,
    )


def retention_days():
    return settings.FORM_SUBMISSION_RETENTION_DAYS


class Submission(AbstractFormSubmission):
    """What a visitor sent through a form page; deleted after the retention period
    (``formpages.retention``)."""

    class Meta:
        verbose_name = "Formular-Eingang"
        verbose_name_plural = "Formular-Eingänge"
        indexes = [models.Index(fields=["submit_time"])]


class VisitorFormField(AbstractFormField):
    """A field editors add; its name comes from its label and never clashes with the page's."""

    class Meta(AbstractFormField.Meta):
        abstract = True

    def get_field_clean_name(self):
        name = super().get_field_clean_name()
        return f"{name}_angabe" if name in RESERVED_FIELD_NAMES else name


class BuiltFormPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    AbstractEmailForm,
):
    thank_you_text = RichTextField(
        "Dankeschön-Text",
        features=["bold", "italic", "link", "ol", "ul"],
        default="<p>Vielen Dank! Deine Nachricht ist bei uns angekommen.</p>",
        help_text="Erscheint nach dem Absenden.",
    )
    submit_label = models.CharField("Beschriftung des Buttons", max_length=60, default="Absenden")
    consent_label = models.CharField(
        "Einwilligung",
        max_length=300,
        blank=True,
        default=DEFAULT_CONSENT_LABEL,
        help_text="Pflicht-Kästchen vor dem Absenden, wenn das Formular personenbezogene Daten "
        "wie Name oder E-Mail-Adresse erfragt. Leer lassen nur bei Formularen ohne solche "
        "Angaben.",
    )
    consent_text = RichTextField(
        "Hinweis zum Datenschutz",
        features=["bold", "italic", "link"],
        blank=True,
        default=(
            "<p>Wir speichern deine Angaben, um deine Nachricht zu bearbeiten, und löschen sie "
            "spätestens nach sechs Monaten. Mehr dazu in der "
            '<a href="/datenschutz/">Datenschutzerklärung</a>.</p>'
        ),
        help_text="Steht über dem Einwilligungs-Kästchen: wofür die Angaben gespeichert werden "
        "und wann sie gelöscht werden.",
    )

    form_panels = [
        InlinePanel("form_fields", label="Formularfeld", heading="Formularfelder"),
        FieldPanel("submit_label"),
        MultiFieldPanel(
            [FieldPanel("consent_text"), FieldPanel("consent_label")],
            heading="Datenschutz und Einwilligung",
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "to_address",
                    help_text="Eingänge gehen an diese Adressen; mehrere durch Komma trennen. "
                    "Leer lassen, wenn nur im Admin unter „Formulare“ nachgesehen wird.",
                ),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading="Benachrichtigung per E-Mail",
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_form_class(self):
        return VisitorFormBuilder(self.get_form_fields(), self.consent_label).get_form_class()

    def get_submission_class(self):
        return Submission

    def get_submissions_list_view_class(self):
        from ..admin_views import SubmissionsListView

        return SubmissionsListView

    def get_data_fields(self):
        fields = super().get_data_fields()
        if self.consent_label:
            fields.append((CONSENT_FIELD, "Einwilligung"))
        return fields

    @property
    def submit_url(self):
        return reverse("formpages:submit", args=[self.pk])

    def get_form(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"form-{self.pk}-%s")
        return super().get_form(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        """GET only: sending goes to ``formpages:submit`` (see the module's docstring)."""
        return self.render_form(request, self.get_form(page=self, user=None))

    def render_form(self, request, form, form_token="", notice="", status=200):
        context = self.get_context(request)
        context.update(form=form, form_token=form_token, notice=notice)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        """Stored now, mailed by a task: a mail server that does not answer delays the mail,
        never the visitor's thank-you page."""
        from ..tasks import mail_submission

        submission = Submission.objects.create(form_data=form.submitted_data(), page=self)
        if self.to_address:
            mail_submission.enqueue(submission.pk)
        return submission

    def notification_email(self, submission):
        data = submission.form_data
        email_fields = {
            field.clean_name for field in self.get_form_fields() if field.field_type == "email"
        }
        # Staff answer a visitor who gave an e-mail address by pressing "reply".
        reply_to = [data[name] for name in email_fields if data.get(name)][:1]
        return EmailMessage(
            subject=self.subject or f"Neuer Eingang: {self.title}",
            body=self.render_email(submission),
            from_email=self.from_address or None,
            to=[address.strip() for address in self.to_address.split(",")],
            reply_to=reply_to,
            headers={"Auto-Submitted": "auto-generated"},
        )

    def render_email(self, submission):
        data = submission.form_data
        lines = [f"Über das Formular „{self.title}“ ({self.full_url}) kam:", ""]
        for name, label in self.get_data_fields():
            if name == "submit_time":
                continue
            value = data.get(name, "")
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, bool):
                value = "ja" if value else "nein"
            lines.append(f"{label}: {value}")
        sent = timezone.localtime(submission.submit_time).strftime("%d.%m.%Y um %H:%M Uhr")
        lines += [
            "",
            f"Gesendet am {sent}. Alle Eingänge stehen im Admin unter „Formulare“; sie werden "
            f"nach {retention_days()} Tagen gelöscht.",
        ]
        return "\n".join(lines)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["form_submission"] = form_submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)


class FormPage(BuiltFormPage):
    """A contact, feedback or sign-up form that editors build field by field."""

    content_panels = [*AbstractEmailForm.content_panels, FieldPanel("intro")]
    edit_handler = form_page_edit_handler(content_panels, BuiltFormPage.form_panels)
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "formpages/form_page.html"
    landing_page_template = "formpages/form_page_landing.html"

    class Meta:
        verbose_name = "Formularseite"
        verbose_name_plural = "Formularseiten"


class FormPageField(VisitorFormField):
    page = ParentalKey(FormPage, on_delete=models.CASCADE, related_name="form_fields")
