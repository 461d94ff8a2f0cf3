"""Who may delete a page: nobody in the Redaktion, the Moderation only pages that are offline.

Wagtail derives deletion from the page rights: "change" lets a user delete pages that are not
live (also other people's drafts), "change" with "publish" any page. The Redaktion needs
"change" to edit every page, the Moderation "publish" to approve, so no choice of rights gives
"edit, but do not delete". Every page type therefore asks this tester instead, through
``Page.permissions_for_user``, the method Wagtail consults for every delete button, the delete
view and the bulk delete alike.

Moving keeps Wagtail's own rule (Wagtail counts it as deleting): the Redaktion moves pages that
are not live, the Moderation any page.
"""

from wagtail.models import PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser:
            return True
        if "publish" not in self.permissions:
            return False
        return not self.page.get_descendants(inclusive=True).live().exists()

    def can_move(self):
        return super().can_delete(ignore_bulk=True)


class EditorialPagePermissionsMixin:
    """For every page type: deletion as the editorial groups are allowed it (see above)."""

    def permissions_for_user(self, user):
        return EditorialPagePermissionTester(user, self)
