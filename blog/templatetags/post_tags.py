from django import template

from home.section_pages import section_page

from ..models import BlogIndexPage, BlogPage

register = template.Library()

CATEGORY_POSTS_COUNT = 3


@register.inclusion_tag("blog/components/category_posts.html", takes_context=True)
def category_posts(context, category, heading):
    """The newest posts of a category with a link to all of them, for pages of other apps (a
    format page) that show posts without knowing the blog's models."""
    if category is None:
        return {"posts": []}
    posts = BlogPage.objects.for_listing().filter(categories=category.pk)[:CATEGORY_POSTS_COUNT]
    return {
        "posts": list(posts),
        "category": category,
        "heading": heading,
        "blog_index": section_page(context.get("request"), BlogIndexPage),
        "request": context.get("request"),
    }
