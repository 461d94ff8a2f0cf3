from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail.documents.models import AbstractDocument

from .file_types import (
    VIDEO_EXTENSIONS,
    describe_duration,
    describe_file,
    validate_document_content,
    video_duration_seconds,
)


class Download(AbstractDocument):
    """A downloadable file such as a format kit; the site's document model."""

    description = models.CharField(
        "Kurzbeschreibung",
        max_length=300,
        blank=True,
        help_text="Wird neben dem Download-Link angezeigt, z. B. „Anleitung in 10 Schritten“.",
    )

    duration_seconds = models.PositiveIntegerField(
        "Dauer (Sekunden)",
        null=True,
        blank=True,
        editable=False,
        help_text="Bei Videos beim Hochladen aus der Datei gelesen.",
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

    def save(self, *args, **kwargs):
        """A new video's duration is read while its upload is still at hand."""
        if self.file and not getattr(self.file, "_committed", True):
            self.duration_seconds = (
                video_duration_seconds(self.file.file)
                if self.file_extension in VIDEO_EXTENSIONS
                else None
            )
        super().save(*args, **kwargs)

    @property
    def duration_label(self):
        return describe_duration(self.duration_seconds) if self.duration_seconds else ""

    @cached_property
    def type_and_size(self):
        size = self.file_size
        if size is None:
            size = self.get_file_size()
        return describe_file(self.file_extension, size)
