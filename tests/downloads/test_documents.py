"""Uploading documents through the Wagtail admin, and serving them to visitors."""

import io
import os
import zipfile
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection

from downloads.models import Download
from tests.factories import minimal_pdf_bytes, png_bytes

VOID_ELEMENTS = {"br", "hr", "img", "input", "link", "meta", "source", "use", "wbr"}


class FieldErrorParser(HTMLParser):
    """Collects the error messages Wagtail shows inside each field (``data-contentpath``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = {}

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        field = next(
            (attrs["data-contentpath"] for _, attrs in self.stack if "data-contentpath" in attrs),
            None,
        )
        in_error = any("error-message" in (attrs.get("class") or "") for _, attrs in self.stack)
        if field and in_error and data.strip():
            self.errors.setdefault(field, []).append(" ".join(data.split()))


def field_errors(response):
    parser = FieldErrorParser()
    parser.feed(response.content.decode())
    return {field: " ".join(messages) for field, messages in parser.errors.items()}


def german_size(size_in_bytes):
    with translation.override("de"):
        return " ".join(str(filesizeformat(size_in_bytes)).split())


def zip_bytes(*entries):
    """A ZIP archive of ``(name, text, compress_type)`` entries, in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text, compress_type in entries:
            archive.writestr(name, text, compress_type=compress_type)
    return buffer.getvalue()


def minimal_docx_bytes():
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Anleitung</w:t></w:r></w:p></w:body></w:document>"
    )
    return zip_bytes(
        ("[Content_Types].xml", content_types, zipfile.ZIP_DEFLATED),
        ("_rels/.rels", relationships, zipfile.ZIP_DEFLATED),
        ("word/document.xml", document, zipfile.ZIP_DEFLATED),
    )


def minimal_odt_bytes():
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text><text:p>Anleitung</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    return zip_bytes(
        ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
        ("content.xml", content, zipfile.ZIP_DEFLATED),
    )


def plain_zip_bytes():
    return zip_bytes(("liesmich.txt", "Nur ein Archiv.", zipfile.ZIP_DEFLATED))


def stored_files():
    media_root = django_settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, name), media_root)
        for folder, _, names in os.walk(media_root)
        for name in names
    )


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="x"
    )
    client.force_login(user)
    return client


def upload(client, filename, content, title="CoP Starter Kit"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def assert_refused(response, *message_fragments):
    assert response.status_code == 200, "a refused upload shows the form again"
    errors = field_errors(response)
    assert "file" in errors, f"no error next to the file field: {errors}"
    for fragment in message_fragments:
        assert fragment in errors["file"]
    assert Download.objects.count() == 0
    assert stored_files() == []
    return errors["file"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("kit.pdf", minimal_pdf_bytes("CoP Starter Kit")),
        ("anleitung.docx", minimal_docx_bytes()),
        ("anleitung.odt", minimal_odt_bytes()),
    ],
)
def test_real_documents_are_accepted_and_stored(admin_client, filename, content):
    response = upload(admin_client, filename, content)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:index")
    document = Download.objects.get()
    assert document.title == "CoP Starter Kit"
    assert document.file_extension == filename.rsplit(".", 1)[1]
    with document.open_file() as stored:
        assert stored.read() == content
    assert stored_files() == [document.file.name]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("seite.html", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_file_types_outside_the_allowed_list_are_refused(admin_client, filename, content):
    response = upload(admin_client, filename, content)

    message = assert_refused(response)
    extension = filename.rsplit(".", 1)[1]
    assert f"„{extension}“" in message
    assert "pdf" in message


@pytest.mark.django_db
def test_image_renamed_to_pdf_is_refused_by_its_content(admin_client):
    response = upload(admin_client, "kit.pdf", png_bytes())

    assert_refused(
        response,
        "Der Inhalt der Datei passt nicht zur Endung „.pdf“. Bitte eine echte PDF-Datei hochladen.",
    )


@pytest.mark.django_db
def test_plain_zip_renamed_to_docx_is_refused_by_its_content(admin_client):
    response = upload(admin_client, "anleitung.docx", plain_zip_bytes())

    assert_refused(
        response,
        "Der Inhalt der Datei passt nicht zur Endung „.docx“. "
        "Bitte eine echte Word-Datei hochladen.",
    )


@pytest.mark.django_db
def test_file_over_the_upload_limit_is_refused_with_both_sizes(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    content = minimal_pdf_bytes("Starter Kit " * 150)
    assert len(content) > 1024

    response = upload(admin_client, "kit.pdf", content)

    message = assert_refused(
        response,
        f"Die Datei ist zu groß ({german_size(len(content))}). "
        f"Maximale Dateigröße {german_size(1024)}.",
    )
    assert "Dateiendung" not in message, "a .pdf must not be blamed on its extension"


@pytest.mark.django_db
def test_upload_form_tells_editors_the_limit(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

    response = admin_client.get(reverse("wagtaildocs:add"))

    assert response.status_code == 200
    assert f"Maximale Dateigröße: {german_size(5 * 1024 * 1024)}." in " ".join(
        response.content.decode().replace("\xa0", " ").split()
    )


@pytest.mark.django_db
def test_uploaded_pdf_is_labelled_with_type_and_german_size(admin_client):
    content = minimal_pdf_bytes("Starter Kit " * 150)
    upload(admin_client, "starter-kit.pdf", content)

    document = Download.objects.get()
    size_on_disk = os.path.getsize(document.file.path)
    assert size_on_disk == len(content)
    expected = f"PDF, {german_size(size_on_disk)}"
    assert "," in german_size(size_on_disk).split()[0]
    assert " ".join(document.type_and_size.split()) == expected


@pytest.mark.django_db
def test_uploaded_pdf_is_served_under_its_document_url(admin_client, client):
    content = minimal_pdf_bytes("CoP Starter Kit")
    upload(admin_client, "starter-kit.pdf", content)
    document = Download.objects.get()
    client.logout()

    response = client.get(f"/documents/{document.pk}/{document.filename}")

    assert document.url == f"/documents/{document.pk}/{document.filename}"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == content
