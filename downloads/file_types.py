"""Checks that an uploaded document really is the kind of file its name claims."""

import os

import puremagic
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Container formats share a signature with plain ZIP files; puremagic looks inside to tell them
# apart and ranks the match it is most sure of first.
EXTENSION_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "pptx": "PowerPoint",
    "xlsx": "Excel",
    "odt": "ODT",
    "odp": "ODP",
    "ods": "ODS",
}
SNIFF_BYTES = 64 * 1024


def detected_extension(uploaded_file, filename):
    """The extension (without dot) that the file's content matches best, or ``None``."""
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    try:
        uploaded_file.seek(0)
        matches = puremagic.magic_stream(uploaded_file, filename=filename)
    except (puremagic.PureError, ValueError, OSError):
        return None
    finally:
        uploaded_file.seek(position)
    return matches[0].extension.lstrip(".").lower() if matches else None


def validate_document_content(uploaded_file, filename):
    extension = os.path.splitext(filename)[1].lstrip(".").lower()
    if detected_extension(uploaded_file, filename) != extension:
        raise ValidationError(
            "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. "
            "Bitte eine echte %(label)s-Datei hochladen.",
            code="content_mismatch",
            params={"extension": extension, "label": EXTENSION_LABELS.get(extension, extension)},
        )


def describe_file(extension, size_in_bytes):
    """Return the label shown beside every download link, e.g. ``PDF, 1,2 MB``."""
    parts = [extension.upper()] if extension else []
    if size_in_bytes:
        parts.append(str(filesizeformat(size_in_bytes)).replace("\xa0", " "))
    return ", ".join(parts)
