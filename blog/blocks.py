import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import BodyStreamBlock
from newsletter.issues import EmailRenderedBlock

# Context keys a newsletter issue gives its blocks: the period "since the last issue" covers.
ISSUE_PERIOD_START = "newsletter_period_start"
ISSUE_PERIOD_END = "newsletter_period_end"
FIRST_ISSUE_DAYS = 30


class RelatedPostsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Überschrift", default="Das könnte dich auch interessieren", max_length=200
    )
    posts = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="blog.BlogPage", label="Beitrag"),
        label="Beiträge",
        min_num=1,
        max_num=6,
    )

    class Meta:
        icon = "list-ul"
        label = "Verwandte Beiträge"
        template = "blocks/related_posts_block.html"
        help_text = "Bis zu sechs Beiträge als Karten; unveröffentlichte werden ausgelassen."
        description = "Verweist auf andere Beiträge, die zum Thema passen."
        preview_value = {"heading": "Das könnte dich auch interessieren", "posts": []}

    def get_context(self, value, parent_context=None):
        """Only live, public posts, in the editor's order, fetched in one query."""
        from .models import BlogPage

        context = super().get_context(value, parent_context)
        chosen_ids = [page.pk for page in value["posts"] if page]
        posts = BlogPage.objects.for_listing().filter(pk__in=chosen_ids)
        context["posts"] = sorted(posts, key=lambda post: chosen_ids.index(post.pk))
        return context


class PostBodyStreamBlock(BodyStreamBlock):
    """The shared body blocks, plus the posts a post (or a page of a feature above blog) points
    to: only the app that owns the posts shows them."""

    related_posts = RelatedPostsBlock()


class NewsletterPostsBlock(EmailRenderedBlock, blocks.StructBlock):
    """Posts in a newsletter issue: chosen ones, or those published since the last issue."""

    heading = blocks.CharBlock(label="Überschrift", default="Neu im Blog", max_length=200)
    selection = blocks.ChoiceBlock(
        label="Auswahl",
        choices=[
            ("since_last_issue", "Automatisch: Beiträge seit der letzten Ausgabe"),
            ("chosen", "Ausgewählte Beiträge"),
        ],
        default="since_last_issue",
    )
    posts = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="blog.BlogPage", label="Beitrag"),
        label="Ausgewählte Beiträge",
        default=[],
        max_num=8,
        help_text="Nur bei „Ausgewählte Beiträge“.",
    )
    count = blocks.IntegerBlock(
        label="Höchstens", default=5, min_value=1, max_value=8, help_text="Höchstens 8."
    )

    email_template = "blog/blocks/newsletter_posts_email"

    class Meta:
        icon = "doc-full"
        label = "Beiträge"
        template = "blog/blocks/newsletter_posts.html"
        help_text = (
            "Automatisch: die Beiträge, die seit der letzten Ausgabe erschienen sind (bei der "
            "ersten Ausgabe: der letzten 30 Tage). Oder bis zu acht ausgewählte Beiträge."
        )
        description = "Beiträge mit Datum, Anriss und Link, automatisch oder ausgewählt."
        preview_value = {"heading": "Neu im Blog", "selection": "since_last_issue", "count": 3}

    def clean(self, value):
        value = super().clean(value)
        if value.get("selection") == "chosen" and not value.get("posts"):
            raise StructBlockValidationError(
                block_errors={"posts": ValidationError("Bitte mindestens einen Beitrag auswählen.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        from .models import BlogPage

        context = super().get_context(value, parent_context)
        count = value.get("count") or 5
        posts = BlogPage.objects.for_listing()
        if value.get("selection") == "chosen":
            chosen_ids = [page.pk for page in value.get("posts") or [] if page]
            found = posts.filter(pk__in=chosen_ids)
            context["posts"] = sorted(found, key=lambda post: chosen_ids.index(post.pk))[:count]
            return context
        end = (parent_context or {}).get(ISSUE_PERIOD_END) or timezone.localdate()
        start = (parent_context or {}).get(ISSUE_PERIOD_START) or (
            end - datetime.timedelta(days=FIRST_ISSUE_DAYS)
        )
        context["posts"] = list(posts.filter(date__gt=start, date__lte=end)[:count])
        return context
