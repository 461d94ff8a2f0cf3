"""What the newsletter needs of a page type that is a newsletter issue.

The page types live in a higher layer (they show posts and events); the sending machinery here
knows them only through this interface and never imports them.
"""

import dataclasses
import re

from .issue_emails import UNSUBSCRIBE_PLACEHOLDER, with_absolute_links

# Block templates choose their e-mail form when the context names one (``EmailRenderedBlock``).
EMAIL_FORMAT = "newsletter_email_format"
HTML, TEXT = "html", "txt"
EXCESS_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


@dataclasses.dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str


class NewsletterIssue:
    """Mixin for a page type that is sent as a newsletter issue."""

    def newsletter_subject(self):
        raise NotImplementedError

    def newsletter_email_html(self, context):
        """The e-mail-safe HTML; ``context["unsubscribe_url"]`` is the placeholder."""
        raise NotImplementedError

    def newsletter_email_text(self, context):
        raise NotImplementedError

    def render_newsletter(self, **context):
        context = {**context, "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER}
        text = self.newsletter_email_text(context).strip() + "\n"
        return RenderedIssue(
            subject=self.newsletter_subject(),
            html=with_absolute_links(self.newsletter_email_html(context)),
            text=EXCESS_BLANK_LINES.sub("\n\n", text),
        )


class EmailRenderedBlock:
    """A block that renders as e-mail HTML or plain text inside a newsletter issue.

    ``email_template`` names the templates without their ending (``.html``, ``.txt``).
    """

    email_template = None

    def get_template(self, value=None, context=None):
        email_format = (context or {}).get(EMAIL_FORMAT)
        if email_format and self.email_template:
            return f"{self.email_template}.{email_format}"
        return super().get_template(value, context)
