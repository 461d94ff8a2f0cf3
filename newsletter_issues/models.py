"""The newsletter on the site: issues editors compose, and the archive of the sent ones."""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.csp import CSP, build_policy
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blog.blocks import ISSUE_PERIOD_END, ISSUE_PERIOD_START
from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models.mixins import IntroMixin, SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin
from newsletter.blocks import NewsletterBlock
from newsletter.issues import EMAIL_FORMAT, HTML, TEXT, NewsletterIssue
from newsletter.models import Mailing

from .blocks import IssueStreamBlock

# The e-mail preview is framed by the admin and styled inline, as mail clients need it; its own
# header, because the page's preview response would otherwise get the public pages' policy.
EMAIL_PREVIEW_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF, "data:", settings.WAGTAILADMIN_BASE_URL],
    "style-src": [CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
SENT_STATES = [Mailing.State.SENDING, Mailing.State.STOPPED, Mailing.State.FINISHED]
EMAIL_PREVIEW_MODES = {"email": HTML, "email_text": TEXT}


class NewsletterIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    RoutablePageMixin,
    Page,
):
    """``/newsletter/``: the issues sent so far, newest first, with an RSS feed."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["newsletter_issues.NewsletterIssuePage"]
    max_count = 1
    template = "newsletter_issues/newsletter_index_page.html"

    class Meta:
        verbose_name = "Newsletter-Archiv"
        verbose_name_plural = "Newsletter-Archive"

    def sent_issues(self):
        return (
            NewsletterIssuePage.objects.child_of(self)
            .live()
            .public()
            .filter(newsletter_mailing__state__in=SENT_STATES)
            .select_related("newsletter_mailing")
            .order_by("-newsletter_mailing__started_at")
            .defer_streamfields()
        )

    @path("")
    def listing(self, request):
        signup = NewsletterBlock()
        return self.render(
            request,
            context_overrides={
                "issues": self.sent_issues(),
                "signup": signup.bind(signup.get_default()),
            },
        )

    @path("feed/")
    def feed(self, request):
        from .feeds import NewsletterFeed

        return NewsletterFeed(self)(request)


class NewsletterIssuePage(
    NewsletterIssue,
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    Page,
):
    """One issue: composed of blocks, approved like a post, sent from the admin, then archived."""

    subject = models.CharField(
        "Betreff",
        max_length=200,
        blank=True,
        help_text="Betreff der E-Mail; leer: der Titel der Ausgabe.",
    )
    preheader = models.CharField(
        "Vorschautext",
        max_length=200,
        blank=True,
        help_text="Ein Satz, den viele Mailprogramme neben dem Betreff zeigen.",
    )
    body = StreamField(IssueStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("body"),
        HelpPanel(
            content=(
                "<p>Vorschau als E-Mail: in der Vorschau oben rechts „E-Mail“ wählen. Test-"
                "E-Mail und Versand stehen im Menü neben „Speichern“. Versendet wird die "
                "freigegebene Fassung, an alle bestätigten Abonnent*innen, jede genau einmal."
                "</p>"
            ),
            heading="Versand",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["newsletter_issues.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter_issues/newsletter_issue_page.html"
    preview_modes = [("", "Webseite"), ("email", "E-Mail"), ("email_text", "E-Mail als Text")]

    class Meta:
        verbose_name = "Newsletter-Ausgabe"
        verbose_name_plural = "Newsletter-Ausgaben"

    @property
    def meta_description(self):
        return self.search_description or self.preheader

    def sent_mailing(self):
        return Mailing.objects.filter(page_id=self.pk).first() if self.pk else None

    def issue_period(self):
        """``(start, end)`` of "the posts since the last issue": from the start of the send
        before this one to the start of this one (today while it is unsent)."""
        mailing = self.sent_mailing()
        end = mailing.started_at if mailing and mailing.started_at else timezone.now()
        earlier = (
            Mailing.objects.filter(started_at__lt=end)
            .exclude(page_id=self.pk)
            .order_by("-started_at")
            .values_list("started_at", flat=True)
            .first()
        )
        local_date = lambda moment: timezone.localtime(moment).date()  # noqa: E731
        return (local_date(earlier) if earlier else None), local_date(end)

    def issue_context(self, **context):
        start, end = self.issue_period()
        return {"page": self, ISSUE_PERIOD_START: start, ISSUE_PERIOD_END: end, **context}

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **self.issue_context()}

    def newsletter_subject(self):
        return self.subject or self.title

    def newsletter_email_html(self, context):
        context = self.issue_context(**context, **{EMAIL_FORMAT: HTML})
        return render_to_string("newsletter_issues/email/issue.html", context)

    def newsletter_email_text(self, context):
        context = self.issue_context(**context, **{EMAIL_FORMAT: TEXT})
        return render_to_string("newsletter_issues/email/issue.txt", context)

    def serve_preview(self, request, mode_name):
        email_format = EMAIL_PREVIEW_MODES.get(mode_name)
        if email_format is None:
            return super().serve_preview(request, mode_name)
        rendered = self.render_newsletter()
        if email_format == TEXT:
            response = HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
        else:
            response = HttpResponse(rendered.html)
        response["Content-Security-Policy"] = build_policy(EMAIL_PREVIEW_CSP)
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response
