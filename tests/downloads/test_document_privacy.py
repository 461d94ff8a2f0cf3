"""Documents reach visitors only through Wagtail's document view and its privacy check; the
media handler (``SERVE_MEDIA_FILES``, on by default in every settings module, production
included) serves images only. And what browsers and a CDN may keep of either."""

import pytest
from django.utils.cache import get_max_age
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import DownloadFactory, ImageFactory, minimal_pdf_bytes

pytestmark = pytest.mark.django_db

PASSWORD = "nur-fuer-das-team"


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def cache_directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Nur fürs Team")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    return DownloadFactory(title="Interne Planung", collection=collection)


def test_a_password_protected_document_is_not_served_from_media(
    client, site_tree, settings, private_document
):
    """Was: ``/media/documents/<file>`` handed out the whole file, password or not."""
    assert settings.SERVE_MEDIA_FILES
    document = private_document
    content = minimal_pdf_bytes("Interne Planung")
    name = document.file.name  # documents/kit….pdf

    for path in (
        f"/media/{name}",
        f"/media/images/../{name}",
        f"/media/original_images/%2e%2e/{name}",
        f"/media//{name}",
        f"/media/./{name}",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert content not in body_of(response), path


def test_the_document_view_asks_for_the_password_and_nobody_keeps_the_file(
    client, site_tree, private_document
):
    content = minimal_pdf_bytes("Interne Planung")

    asked = client.get(private_document.url)
    assert asked.status_code == 200
    assert b'name="password"' in asked.content and content not in asked.content
    assert {"private", "no-store"} <= cache_directives(asked)

    restriction = CollectionViewRestriction.objects.get()
    passed = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": PASSWORD, "return_url": private_document.url},
    )
    assert passed.status_code == 302 and passed["Location"] == private_document.url

    served = client.get(private_document.url)
    assert served.status_code == 200 and body_of(served) == content
    assert {"private", "no-store"} <= cache_directives(served)
    assert "public" not in cache_directives(served)


def test_a_public_document_may_be_kept_for_an_hour_and_by_a_cdn_briefly(
    client, site_tree, settings
):
    settings.CDN_CACHE_SECONDS = 60
    document = DownloadFactory(title="Starter-Kit")

    response = client.get(document.url)

    assert response.status_code == 200
    assert {"public", "max-age=3600", "s-maxage=60"} <= cache_directives(response)
    assert response["ETag"]
    revalidated = client.get(document.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert revalidated.status_code == 304
    assert "public" in cache_directives(revalidated)


def test_images_are_served_from_media_and_kept_as_nginx_keeps_them(client, site_tree):
    image = ImageFactory()
    rendition = image.get_rendition("fill-40x30")

    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/"), url
        assert "public" in cache_directives(response)
        assert get_max_age(response) == 30 * 24 * 60 * 60


def test_the_media_handler_serves_nothing_but_image_files(client, site_tree, settings):
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "documents" / "liste.pdf").write_bytes(b"%PDF-1.4")
    (settings.MEDIA_ROOT / "export.csv").write_text("email\n")
    (settings.MEDIA_ROOT / "images").mkdir(parents=True, exist_ok=True)

    for path in ("/media/documents/liste.pdf", "/media/export.csv", "/media/images/", "/media/"):
        assert client.get(path).status_code == 404, path
    assert client.post("/media/images/x.png").status_code == 405
