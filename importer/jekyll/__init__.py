"""Importing the Jekyll Markdown posts of the old static OIC site as blog posts."""

from .assets import DEFAULT_SITE_URL, SiteAssets, relative_site_url
from .body import editor_rich_text, markdown_to_blocks
from .liquid import LiquidInclude, parse_liquid_include, replace_liquid_tags
from .pages import ImportedPost, find_blog_index, import_post
from .posts import JekyllPost, PostError, jekyll_url_name, parse_date, read_post

__all__ = [
    "DEFAULT_SITE_URL",
    "ImportedPost",
    "JekyllPost",
    "LiquidInclude",
    "PostError",
    "SiteAssets",
    "editor_rich_text",
    "find_blog_index",
    "import_post",
    "jekyll_url_name",
    "markdown_to_blocks",
    "parse_date",
    "parse_liquid_include",
    "read_post",
    "relative_site_url",
    "replace_liquid_tags",
]
