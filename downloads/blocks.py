from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    label = blocks.CharBlock(
        label="Linktext",
        required=False,
        max_length=200,
        help_text="Leer lassen, um den Titel des Dokuments zu verwenden.",
    )

    class Meta:
        icon = "download"
        label = "Download"
        template = "blocks/download_block.html"
        help_text = "Ein Dokument zum Herunterladen; Dateityp und Größe werden automatisch gezeigt."
        description = "Ein Download wie das CoP Starter Kit, mit Dateityp und Größe."
        preview_value = {"label": "CoP Starter Kit"}

    def get_preview_value(self):
        document = get_document_model().objects.order_by("pk").first()
        return self.normalize({**self.meta.preview_value, "document": document})
