from django.conf import settings
from django.db import models


class AutosavedNewPage(models.Model):
    """A page Wagtail's autosave created that no editor has saved with a button yet.

    Autosave creates a new page (a draft with its slug) as soon as the editor types in the
    "add page" form. If the editor leaves without saving, that draft would keep the slug and the
    next attempt under the same title would be refused; ``editorial.autosave`` deletes such a
    page when one with its slug is started again. Pressing save, publish or submit on the page
    deletes this row, and the page is the editor's like any other.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="autosaved_new_page"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "automatisch angelegte Seite"
        verbose_name_plural = "automatisch angelegte Seiten"

    def __str__(self):
        return str(self.page)
