from wagtail import hooks

from .query_parameters import declare, declared_by_page


@hooks.register("before_serve_page")
def note_declared_query_parameters(page, request, serve_args, serve_kwargs):
    """Whatever app the page belongs to, its own declaration says which parameters it reads."""
    declare(request, declared_by_page(page, request))
