from wagtail import hooks


@hooks.register("before_serve_document", order=-100)
def note_whether_the_document_is_restricted(document, request):
    """For the document view's ``Cache-Control`` (``downloads.views``). Runs before Wagtail's own
    privacy check (lower ``order``), which answers a visitor not let in itself."""
    request.document_view_restricted = document.collection.get_view_restrictions().exists()
