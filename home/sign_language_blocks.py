"""A film in Deutsche Gebärdensprache, self-hosted (BITV 2.0 § 4 and Anlage 2).

The video is a document (MP4) played by the browser's own player: ``preload="none"`` and a
poster image, so nothing of the film is requested before the visitor presses play, and no
platform learns of the visit. The same file is offered as a download with its size and its
duration, read from the file when it was uploaded (``downloads``), else the editor's.
"""

import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from downloads.file_types import VIDEO_EXTENSIONS, describe_duration

from .blocks import EasyLanguageStreamBlock

MANUAL_DURATION = re.compile(r"^(\d{1,3}):([0-5]\d)$")


class SignLanguageVideoValue(blocks.StructValue):
    @property
    def duration_label(self):
        video = self.get("video")
        if video is not None and video.duration_seconds:
            return video.duration_label
        match = MANUAL_DURATION.match(self.get("duration") or "")
        if match is None:
            return ""
        return describe_duration(int(match[1]) * 60 + int(match[2]))


class SignLanguageVideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="Titel",
        max_length=200,
        help_text="Worum es im Film geht, z. B. „Was ist die Open Innovation City?“",
    )
    video = DocumentChooserBlock(
        label="Video (MP4)", help_text="Ein Dokument im Format MP4 aus der Dokumentverwaltung."
    )
    poster = ImageChooserBlock(
        label="Vorschaubild", help_text="Ein Standbild aus dem Film; es steht vor dem Abspielen da."
    )
    captions = DocumentChooserBlock(
        label="Untertitel (WebVTT, optional)",
        required=False,
        help_text="Eine .vtt-Datei mit deutschen Untertiteln.",
    )
    duration = blocks.CharBlock(
        label="Dauer (falls nicht aus der Datei lesbar)",
        required=False,
        max_length=7,
        help_text="Minuten:Sekunden, z. B. 2:05. Wird nur gezeigt, wenn die Datei ihre Dauer "
        "nicht selbst angibt.",
    )

    class Meta:
        icon = "media"
        label = "Video in Gebärdensprache"
        template = "blocks/sign_language_video_block.html"
        value_class = SignLanguageVideoValue
        help_text = (
            "Ein Film in Deutscher Gebärdensprache von unserem eigenen Server, mit Download, "
            "Dateigröße und Dauer."
        )
        description = "Ein Film in Deutscher Gebärdensprache, der erst beim Abspielen lädt."

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video is not None and video.file_extension not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError("Bitte ein Video im Format MP4 wählen.")
        if captions is not None and captions.file_extension != "vtt":
            errors["captions"] = ValidationError("Bitte eine Untertitel-Datei (.vtt) wählen.")
        if value.get("duration") and not MANUAL_DURATION.match(value["duration"]):
            errors["duration"] = ValidationError(
                "Bitte die Dauer als Minuten:Sekunden angeben, z. B. 2:05."
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class SignLanguageStreamBlock(EasyLanguageStreamBlock):
    """The Gebärdensprache page: films, and short texts for those who read along."""

    sign_language_video = SignLanguageVideoBlock()
