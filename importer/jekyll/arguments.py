"""Command-line options both Jekyll import commands take."""

from .assets import DEFAULT_SITE_URL


def add_target_arguments(parser):
    """Where the import goes (``--parent``) and which links count as the site's own."""
    parser.add_argument(
        "--parent", type=int, metavar="PAGE_ID", help="the blog index page to import into"
    )
    parser.add_argument(
        "--site-url",
        default=DEFAULT_SITE_URL,
        help=f"links to this address become site-relative (default: {DEFAULT_SITE_URL})",
    )


def add_verbose_argument(parser):
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="name every image without alt text, instead of one counted line per file",
    )
