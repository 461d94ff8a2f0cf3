"""Checks that an uploaded document really is the kind of file its name claims."""

import os
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from mutagen import MutagenError
from mutagen.mp4 import MP4

EXTENSION_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "pptx": "PowerPoint",
    "xlsx": "Excel",
    "odt": "ODT",
    "odp": "ODP",
    "ods": "ODS",
    "mp4": "MP4-Video",
    "vtt": "WebVTT-Untertitel",
}
VIDEO_EXTENSIONS = {"mp4"}
# Office Open XML files are ZIP archives with a content-types manifest and a main part.
OFFICE_OPEN_XML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
# OpenDocument files are ZIP archives whose first entry, stored uncompressed, names the type.
OPEN_DOCUMENT_MIME_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def is_pdf(uploaded_file):
    return uploaded_file.read(5) == b"%PDF-"


def is_office_open_xml(uploaded_file, extension):
    with zipfile.ZipFile(uploaded_file) as archive:
        names = set(archive.namelist())
    return "[Content_Types].xml" in names and OFFICE_OPEN_XML_MAIN_PARTS[extension] in names


def is_open_document(uploaded_file, extension):
    with zipfile.ZipFile(uploaded_file) as archive:
        entries = archive.infolist()
        if not entries or entries[0].filename != "mimetype":
            return False
        if entries[0].compress_type != zipfile.ZIP_STORED:
            return False
        declared_type = archive.read(entries[0]).decode("ascii", errors="replace").strip()
    return declared_type == OPEN_DOCUMENT_MIME_TYPES[extension]


def is_mp4(uploaded_file):
    """An ISO base media file starts with its ``ftyp`` box: 4 bytes of size, then ``ftyp``."""
    return uploaded_file.read(8)[4:8] == b"ftyp"


def is_webvtt(uploaded_file):
    head = uploaded_file.read(10)
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")


def content_matches_extension(uploaded_file, extension):
    position = uploaded_file.tell()
    try:
        uploaded_file.seek(0)
        if extension == "pdf":
            return is_pdf(uploaded_file)
        if extension == "mp4":
            return is_mp4(uploaded_file)
        if extension == "vtt":
            return is_webvtt(uploaded_file)
        if extension in OFFICE_OPEN_XML_MAIN_PARTS:
            return is_office_open_xml(uploaded_file, extension)
        if extension in OPEN_DOCUMENT_MIME_TYPES:
            return is_open_document(uploaded_file, extension)
        return False
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        uploaded_file.seek(position)


def validate_document_content(uploaded_file, filename):
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    if not content_matches_extension(uploaded_file, extension):
        raise ValidationError(
            "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. "
            "Bitte eine echte %(label)s-Datei hochladen.",
            code="content_mismatch",
            params={"extension": extension, "label": EXTENSION_LABELS.get(extension, extension)},
        )


def video_duration_seconds(uploaded_file):
    """Whole seconds the MP4 video in ``uploaded_file`` lasts, ``None`` if it cannot be read."""
    position = uploaded_file.tell()
    try:
        uploaded_file.seek(0)
        length = MP4(uploaded_file).info.length
    except (MutagenError, OSError, ValueError):
        return None
    finally:
        uploaded_file.seek(position)
    return round(length) if length else None


def describe_duration(seconds):
    """``2:05 Min.`` for a video's length, as the download link states it."""
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d} Min."


def describe_file(extension, size_in_bytes):
    """Return the label shown beside every download link, e.g. ``PDF, 1,2 MB``."""
    parts = [extension.upper()] if extension else []
    if size_in_bytes:
        parts.append(str(filesizeformat(size_in_bytes)).replace("\xa0", " "))
    return ", ".join(parts)
