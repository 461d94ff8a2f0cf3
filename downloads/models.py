from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail.documents.models import AbstractDocument

from .file_types import describe_file, validate_document_content


class Download(AbstractDocument):
    """A downloadable file such as a format kit; the site's document model."""

    description = models.CharField(
        "Kurzbeschreibung",
        max_length=300,
        blank=True,
        help_text="Wird neben dem Download-Link angezeigt, z. B. „Anleitung in 10 Schritten“.",
    )

    admin_form_fields = ("title", "file", "description", "collection", "tags")

    class Meta(AbstractDocument.Meta):
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        if not self.file:
            # The upload form has already said why there is no file (e.g. too large).
            return
        super().clean()
        if not getattr(self.file, "_committed", True):
            try:
                validate_document_content(self.file.file, self.file.name)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error

    @cached_property
    def type_and_size(self):
        size = self.file_size
        if size is None:
            size = self.get_file_size()
        return describe_file(self.file_extension, size)
