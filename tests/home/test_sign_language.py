"""Deutsche Gebärdensprache: the self-hosted film block, its download, the page and its links."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError

from home.models import SignLanguagePage
from home.sign_language_blocks import SignLanguageVideoBlock
from tests.factories import (
    DownloadFactory,
    ImageFactory,
    PageFactory,
    minimal_mp4_bytes,
)

pytestmark = pytest.mark.django_db


class SignLanguagePageFactory(PageFactory):
    class Meta:
        model = SignLanguagePage

    title = "Informationen in Deutscher Gebärdensprache"
    slug = "gebaerdensprache"


def film(**fields):
    return DownloadFactory(
        title="Was ist die OIC?",
        file=ContentFile(minimal_mp4_bytes(seconds=125), name="oic-dgs.mp4"),
        **fields,
    )


def captions():
    return DownloadFactory(
        title="Untertitel",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n", name="oic.vtt"),
    )


@pytest.fixture
def sign_language_page(site_tree):
    video_block = {
        "title": "Was ist die Open Innovation City?",
        "video": film(),
        "poster": ImageFactory(),
        "captions": captions(),
        "duration": "",
    }
    return SignLanguagePageFactory(
        parent=site_tree.home, body=[("sign_language_video", video_block)]
    )


def test_an_uploaded_video_knows_its_duration():
    assert film().duration_seconds == 125
    assert film().duration_label == "2:05 Min."


def test_the_film_loads_nothing_before_play_and_offers_its_download(client, sign_language_page):
    html = client.get(sign_language_page.url).content.decode()

    video = re.search(r"<video[^>]*>", html).group(0)
    assert 'preload="none"' in video
    assert 'poster="/media/images/' in video
    assert "autoplay" not in video
    assert re.search(r'<source src="/documents/\d+/oic-dgs\.mp4" type="video/mp4">', html)
    assert re.search(r'<track kind="captions" src="/documents/\d+/oic\.vtt" srclang="de"', html)
    assert "Film herunterladen" in html
    assert re.search(r"\(MP4, 144\s+Bytes, Dauer 2:05 Min\.\)", html)


def test_every_header_links_to_the_sign_language_page(client, sign_language_page, site_tree):
    html = client.get(site_tree.home.url).content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]

    assert f'href="{sign_language_page.url}"' in header
    assert "Gebärdensprache" in header


def test_without_a_sign_language_page_the_header_has_no_such_link(client, site_tree):
    assert "Gebärdensprache" not in client.get(site_tree.home.url).content.decode()


def test_the_duration_the_editor_gives_counts_when_the_file_has_none():
    block = SignLanguageVideoBlock()
    pdf = DownloadFactory()
    value = block.to_python(
        {"title": "Film", "video": pdf.pk, "poster": None, "captions": None, "duration": "3:07"}
    )

    assert value.duration_label == "3:07 Min."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("video", "pdf", "Bitte ein Video im Format MP4 wählen."),
        ("captions", "pdf", "Bitte eine Untertitel-Datei (.vtt) wählen."),
        ("duration", "2 Min", "Bitte die Dauer als Minuten:Sekunden angeben, z. B. 2:05."),
    ],
)
def test_wrong_files_or_durations_are_named_next_to_the_field(field, value, message):
    block = SignLanguageVideoBlock()
    data = {
        "title": "Film",
        "video": film(),
        "poster": ImageFactory(),
        "captions": None,
        "duration": "",
    }
    data[field] = DownloadFactory() if value == "pdf" else value
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({k: getattr(v, "pk", v) for k, v in data.items()}))
    assert error.value.block_errors[field].messages == [message]
