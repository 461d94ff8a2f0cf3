from wagtail import blocks

from home.blocks import BodyStreamBlock


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
