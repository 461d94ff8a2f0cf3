"""Permanent redirects, in Wagtail's redirects app, from the old site's URLs that moved.

A redirect points at a page (and a route of it, such as the feed), so it follows the page
when editors move it; files point at the document's URL. An old URL that the new site answers
at the same path needs no redirect and gets none.
"""

from urllib.parse import quote

from wagtail.contrib.redirects.models import Redirect

from .pages import CREATED, UNCHANGED, UPDATED


class Redirects:
    """Creates or updates the redirects of one site and counts what it did."""

    def __init__(self, site, report):
        self.site = site
        self.report = report

    def to_page(self, old_path, page, route_path=""):
        """Send ``old_path`` to ``page`` (and its ``route_path``) unless it is already there."""
        target = page.relative_url(self.site) + route_path.lstrip("/")
        values = {
            "redirect_page_id": page.pk,
            "redirect_page_route_path": Redirect.normalise_page_route_path(route_path)
            if route_path
            else "",
            "redirect_link": "",
        }
        self.save_spellings(old_path, target, values)

    def to_url(self, old_path, url):
        values = {"redirect_page_id": None, "redirect_page_route_path": "", "redirect_link": url}
        self.save_spellings(old_path, url, values)

    def save_spellings(self, old_path, target, values):
        """Jekyll wrote ``/ki/`` as the file ``/ki/index.html``, and both spellings are linked
        (old newsletters, bookmarks): each gets a redirect unless the new site answers it."""
        spellings = [old_path]
        if old_path.endswith("/") and old_path != "/":
            spellings.append(old_path + "index.html")
        for spelling in spellings:
            if not same_path(spelling, target):
                self.save(spelling, values)

    def save(self, old_path, values):
        normalised = Redirect.normalise_path(old_path)
        redirect = Redirect.objects.filter(old_path=normalised, site=self.site).first()
        if redirect is None:
            redirect = Redirect(old_path=normalised, site=self.site, is_permanent=True)
            outcome = CREATED
        elif (
            all(getattr(redirect, field) == value for field, value in values.items())
            and redirect.is_permanent
        ):
            self.report.count("redirect", UNCHANGED)
            return UNCHANGED
        else:
            outcome = UPDATED
        for field, value in values.items():
            setattr(redirect, field, value)
        redirect.is_permanent = True
        redirect.save()
        self.report.count("redirect", outcome)
        return outcome


def same_path(old_path, new_path):
    return Redirect.normalise_path(old_path) == Redirect.normalise_path(new_path)


def site_path(*parts):
    """``/beitraege/`` + ``Foo bar`` → ``/beitraege/Foo%20bar/``, as browsers request it."""
    return "/" + "/".join(quote(part.strip("/")) for part in parts if part.strip("/")) + "/"
