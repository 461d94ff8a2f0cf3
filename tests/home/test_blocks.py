"""The body blocks as visitors see them on a published page, as editors validate them, and their
previews in the admin block picker."""

import uuid
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from blog.models import BlogPage
from tests.factories import (
    BlogPageFactory,
    DownloadFactory,
    ImageFactory,
    PersonFactory,
    StandardPageFactory,
    minimal_pdf_bytes,
)

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag=None, class_=None):
        return [
            element
            for element in self.iter()
            if element is not self
            and (tag is None or element.tag == tag)
            and (class_ is None or class_ in element.classes)
        ]

    def find(self, tag=None, class_=None):
        found = self.find_all(tag, class_)
        assert found, f"no <{tag or '*'} class={class_!r}> in {self.text!r}"
        return found[0]

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    @property
    def text(self):
        return normalise("".join(self._raw_text()))

    def _raw_text(self):
        for child in self.children:
            if isinstance(child, Element):
                yield from child._raw_text()
            else:
                yield child


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        element = self.current
        while element is not self.root and element.tag != tag:
            element = element.parent
        if element is not self.root:
            self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(html):
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def normalise(text):
    return " ".join(str(text).split())


def list_items(*values):
    """A ListBlock's value the way Wagtail stores it: each item with its type and id."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def german_size(size_in_bytes):
    with translation.override("de"):
        return normalise(filesizeformat(size_in_bytes))


def page_with_body(site_tree, *blocks, title="Über uns"):
    return StandardPageFactory(
        parent=site_tree.home,
        title=title,
        body=[{"type": block_type, "value": value} for block_type, value in blocks],
    )


def post_with_body(site_tree, *blocks, title="Rückblick"):
    return BlogPageFactory(
        parent=site_tree.blog_index,
        title=title,
        body=[{"type": block_type, "value": value} for block_type, value in blocks],
    )


def render_page(client, page):
    """The page as a visitor gets it: returns the whole HTML and the parsed body stream."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    document = parse_html(html)
    return html, document.find("div", class_="stream")


def body_blocks():
    """A post's blocks: the shared body blocks and the related posts only blog shows."""
    return BlogPage._meta.get_field("body").stream_block.child_blocks


def child_block(name):
    return body_blocks()[name]


# Rendering on the public site


@pytest.mark.django_db
def test_heading_renders_at_chosen_level_with_anchor(client, site_tree):
    page = page_with_body(
        site_tree,
        ("heading", {"text": "Gemeinsam geht mehr", "level": "h2"}),
        ("heading", {"text": "Über uns & Kontakt", "level": "h3"}),
    )

    _, stream = render_page(client, page)

    h2 = stream.find("h2")
    assert h2.text == "Gemeinsam geht mehr"
    assert h2.attrs["id"] == "gemeinsam-geht-mehr"
    h3 = stream.find("h3")
    assert h3.text == "Über uns & Kontakt"
    assert h3.attrs["id"] == "über-uns-kontakt"


@pytest.mark.django_db
def test_paragraph_renders_rich_text(client, site_tree):
    page = page_with_body(
        site_tree,
        ("paragraph", "<p>Communities of Practice sind <b>selbstorganisierte</b> Gruppen.</p>"),
    )

    _, stream = render_page(client, page)

    rich_text = stream.find("div", class_="rich-text")
    assert rich_text.text == "Communities of Practice sind selbstorganisierte Gruppen."
    assert rich_text.find("b").text == "selbstorganisierte"


def assert_responsive_picture(picture):
    sources = picture.find_all("source")
    source_types = {source.attrs.get("type") for source in sources}
    assert {"image/avif", "image/webp"} <= source_types
    for source in sources:
        assert source.attrs.get("srcset")
        assert source.attrs.get("sizes")
    img = picture.find("img")
    assert img.attrs.get("loading") == "lazy"
    assert img.attrs.get("sizes")
    assert img.attrs.get("src")
    return img


@pytest.mark.django_db
def test_image_renders_responsive_picture_with_alt_text_caption_and_credit(client, site_tree):
    image = ImageFactory(description="Drei Menschen am Whiteboard", credit="© Maria Muster")
    page = page_with_body(
        site_tree,
        (
            "image",
            {
                "image": {"image": image.pk, "alt_text": image.description, "decorative": False},
                "caption": "Workshop im Büro",
            },
        ),
    )

    _, stream = render_page(client, page)

    figure = stream.find("figure")
    img = assert_responsive_picture(figure.find("picture"))
    assert img.attrs["alt"] == "Drei Menschen am Whiteboard"
    caption = figure.find("figcaption")
    assert "Workshop im Büro" in caption.text
    assert "Bild: © Maria Muster" in caption.text


@pytest.mark.django_db
def test_decorative_image_has_empty_alt_text_but_keeps_its_credit(client, site_tree):
    image = ImageFactory(description="Drei Menschen am Whiteboard", credit="© Maria Muster")
    page = page_with_body(
        site_tree,
        ("image", {"image": {"image": image.pk, "alt_text": "", "decorative": True}}),
    )

    _, stream = render_page(client, page)

    figure = stream.find("figure")
    img = assert_responsive_picture(figure.find("picture"))
    assert img.attrs["alt"] == ""
    assert figure.find("figcaption").text == "Bild: © Maria Muster"


@pytest.mark.django_db
def test_gallery_renders_every_image_with_caption_and_credit(client, site_tree):
    first = ImageFactory(description="Publikum beim Meetup", credit="© OIC Bielefeld")
    second = ImageFactory(description="Vortrag auf der Bühne", credit="© Max Muster")
    page = page_with_body(
        site_tree,
        (
            "gallery",
            {
                "heading": "Eindrücke vom Meetup",
                "images": list_items(
                    {
                        "image": {"image": first.pk, "alt_text": first.description},
                        "caption": "Volles Haus",
                    },
                    {"image": {"image": second.pk, "alt_text": second.description}},
                ),
            },
        ),
    )

    _, stream = render_page(client, page)

    gallery = stream.find("section", class_="gallery")
    assert gallery.find("h2").text == "Eindrücke vom Meetup"
    figures = gallery.find_all("figure")
    assert len(figures) == 2
    alts = [assert_responsive_picture(figure.find("picture")).attrs["alt"] for figure in figures]
    assert alts == ["Publikum beim Meetup", "Vortrag auf der Bühne"]
    assert figures[0].find("figcaption").text == "Volles Haus Bild: © OIC Bielefeld"
    assert figures[1].find("figcaption").text == "Bild: © Max Muster"


@pytest.mark.django_db
def test_quote_renders_text_and_cited_source(client, site_tree):
    page = page_with_body(
        site_tree,
        ("quote", {"text": "Lernen ist sozial.", "source": "Etienne Wenger, 1999"}),
    )

    _, stream = render_page(client, page)

    quote = stream.find("figure", class_="quote")
    assert quote.find("blockquote").text == "Lernen ist sozial."
    assert quote.find("cite").text == "Etienne Wenger, 1999"


def call_to_action(**value):
    return (
        "call_to_action",
        {
            "label": "Mitmachen",
            "link_page": None,
            "link_document": None,
            "link_url": "",
            "style": "primary",
            "is_download": False,
            "open_in_new_tab": False,
            **value,
        },
    )


@pytest.mark.django_db
def test_call_to_action_links_to_a_page(client, site_tree):
    target = StandardPageFactory(parent=site_tree.home, title="Mitmachen", slug="mitmachen")
    page = page_with_body(site_tree, call_to_action(label="Jetzt mitmachen", link_page=target.pk))

    _, stream = render_page(client, page)

    link = stream.find("p", class_="cta").find("a")
    assert link.attrs["href"] == target.url == "/mitmachen/"
    assert "button--primary" in link.classes
    assert "download" not in link.attrs
    assert "target" not in link.attrs
    assert link.text == "Jetzt mitmachen"


@pytest.mark.django_db
def test_call_to_action_to_a_document_is_a_download_with_type_and_size(client, site_tree):
    document = DownloadFactory(title="CoP Starter Kit")
    page = page_with_body(
        site_tree, call_to_action(label="Kit herunterladen", link_document=document.pk)
    )

    _, stream = render_page(client, page)

    link = stream.find("p", class_="cta").find("a")
    assert link.attrs["href"] == document.url
    assert link.attrs["href"].startswith(f"/documents/{document.pk}/")
    assert "download" in link.attrs
    meta = link.find("span", class_="button__meta")
    assert meta.text == f"(PDF, {german_size(document.file.size)})"


@pytest.mark.django_db
def test_call_to_action_to_an_address_in_a_new_tab_with_secondary_style(client, site_tree):
    page = page_with_body(
        site_tree,
        call_to_action(
            label="Zum Programm",
            link_url="https://example.org/programm",
            style="secondary",
            open_in_new_tab=True,
        ),
    )

    _, stream = render_page(client, page)

    link = stream.find("p", class_="cta").find("a")
    assert link.attrs["href"] == "https://example.org/programm"
    assert link.attrs["target"] == "_blank"
    assert "noopener" in link.attrs["rel"].split()
    assert "button--secondary" in link.classes
    assert "button--primary" not in link.classes
    assert "öffnet in neuem Tab" in link.text


@pytest.mark.django_db
def test_download_shows_file_type_and_size_in_german(client, site_tree):
    document = DownloadFactory(
        title="CoP Starter Kit",
        description="Anleitung in 10 Schritten",
        file=ContentFile(minimal_pdf_bytes("Starter Kit " * 150), name="starter-kit.pdf"),
    )
    size = document.file.size
    assert size > 1024, "the kit must be big enough to be shown in KB"
    page = page_with_body(
        site_tree,
        ("download", {"document": document.pk, "label": ""}),
        ("download", {"document": document.pk, "label": "Das Kit als PDF"}),
    )

    _, stream = render_page(client, page)

    links = stream.find_all("a", class_="download")
    assert [link.find("span", class_="download__label").text for link in links] == [
        "CoP Starter Kit",
        "Das Kit als PDF",
    ]
    expected_label = f"PDF, {german_size(size)}"
    assert "," in german_size(size).split()[0], "German sizes use a decimal comma"
    for link in links:
        assert link.attrs["href"] == document.url
        assert "download" in link.attrs
        assert link.find("span", class_="download__meta").text == f"({expected_label})"
    assert normalise(document.type_and_size) == expected_label
    assert stream.find("p", class_="download__description").text == "Anleitung in 10 Schritten"


@pytest.mark.django_db
def test_contact_person_shows_name_role_and_email(client, site_tree):
    person = PersonFactory(
        name="Maria Muster", role="Projektleitung", email="maria.muster@bielefeld.de"
    )
    page = page_with_body(
        site_tree,
        (
            "contact_person",
            {"heading": "Du hast Fragen?", "intro": "Dann melde dich bei", "person": person.pk},
        ),
    )

    _, stream = render_page(client, page)

    contact = stream.find("section", class_="contact")
    heading = contact.find("p", class_="contact__heading")
    assert heading.text == "Du hast Fragen? Dann melde dich bei Maria Muster."
    card = contact.find("div", class_="person-card")
    assert card.find("p", class_="person-card__name").text == "Maria Muster"
    assert card.find("p", class_="person-card__role").text == "Projektleitung"
    mail = card.find("a")
    assert mail.attrs["href"] == "mailto:maria.muster@bielefeld.de"
    assert mail.text == "maria.muster@bielefeld.de"


@pytest.mark.django_db
def test_facts_show_values_with_labels(client, site_tree):
    facts = [("10", "Meetups"), ("140+", "Teilnehmende"), ("11", "Expert*innen")]
    page = page_with_body(
        site_tree,
        (
            "facts",
            {
                "heading": "Zahlen & Fakten",
                "facts": list_items(*({"value": value, "label": label} for value, label in facts)),
            },
        ),
    )

    _, stream = render_page(client, page)

    section = stream.find("section", class_="facts")
    assert section.find("h2").text == "Zahlen & Fakten"
    shown = [
        (
            item.find("span", class_="facts__value").text,
            item.find("span", class_="facts__label").text,
        )
        for item in section.find_all("li")
    ]
    assert shown == facts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "provider", "host", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "youtube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "Vimeo", "vimeo", "76979871"),
    ],
)
def test_video_loads_nothing_from_the_provider_before_consent(
    client, site_tree, url, provider, host, video_id
):
    page = page_with_body(
        site_tree, ("video", {"url": url, "title": "Rückblick auf die Open Innovation Hour"})
    )

    html, stream = render_page(client, page)

    assert "<iframe" not in html.lower()
    figure = stream.find("figure", class_="video")
    embed_url = figure.attrs["data-video-embed-url"]
    assert video_id in embed_url
    if host == "youtube":
        assert embed_url.startswith("https://www.youtube-nocookie.com/")
    for element in parse_html(html).iter():
        for name, value in element.attrs.items():
            if host not in (value or "").lower():
                continue
            allowed = name == "data-video-embed-url" or (
                element.tag == "a" and name == "href" and value == url
            )
            assert allowed, f"<{element.tag} {name}={value!r}> refers to {provider}"
    assert figure.find("p", class_="video__title").text == "Rückblick auf die Open Innovation Hour"
    assert f"Dieses Video wird von {provider} bereitgestellt." in figure.text
    assert "Video abspielen" in figure.text
    link = figure.find("a")
    assert link.attrs["href"] == url
    assert link.text == f"Video auf {provider} ansehen"


@pytest.mark.django_db
def test_related_posts_show_only_published_posts(client, site_tree):
    published = BlogPageFactory(parent=site_tree.blog_index, title="Rückblick Meetup")
    withdrawn = BlogPageFactory(parent=site_tree.blog_index, title="Zurückgezogener Beitrag")
    withdrawn.unpublish()
    page = post_with_body(
        site_tree,
        (
            "related_posts",
            {
                "heading": "Das könnte dich auch interessieren",
                "posts": list_items(withdrawn.pk, published.pk),
            },
        ),
    )

    html, stream = render_page(client, page)

    section = stream.find("section", class_="related-posts")
    assert section.find("h2").text == "Das könnte dich auch interessieren"
    cards = section.find_all("article", class_="card")
    assert [card.find("h3").text for card in cards] == ["Rückblick Meetup"]
    assert cards[0].find("a").attrs["href"] == published.url
    assert "Zurückgezogener Beitrag" not in html


@pytest.mark.django_db
def test_related_posts_leave_out_private_posts(client, site_tree):
    public = BlogPageFactory(parent=site_tree.blog_index, title="Offener Beitrag")
    private = BlogPageFactory(parent=site_tree.blog_index, title="Interner Beitrag")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    page = post_with_body(
        site_tree,
        (
            "related_posts",
            {
                "heading": "Mehr zum Thema",
                "posts": list_items(private.pk, public.pk),
            },
        ),
    )

    html, stream = render_page(client, page)

    cards = stream.find("section", class_="related-posts").find_all("article", class_="card")
    assert [card.find("h3").text for card in cards] == ["Offener Beitrag"]
    assert "Interner Beitrag" not in html


# Validation


def assert_field_errors(error, expected_fields, message_fragment):
    assert isinstance(error, StructBlockValidationError)
    assert set(error.block_errors) == set(expected_fields)
    for name in expected_fields:
        messages = " ".join(error.block_errors[name].messages)
        assert message_fragment in messages


def cta_value(**fields):
    block = child_block("call_to_action")
    return block, block.to_python(
        {
            "label": "Mitmachen",
            "link_page": None,
            "link_document": None,
            "link_url": "",
            "style": "primary",
            "is_download": False,
            "open_in_new_tab": False,
            **fields,
        }
    )


@pytest.mark.django_db
def test_call_to_action_without_target_is_refused():
    block, value = cta_value()

    with pytest.raises(ValidationError) as caught:
        block.clean(value)

    assert_field_errors(
        caught.value,
        ["link_page", "link_document", "link_url"],
        "Bitte ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse.",
    )


@pytest.mark.django_db
def test_call_to_action_with_two_targets_is_refused_on_both(site_tree):
    block, value = cta_value(link_page=site_tree.blog_index.pk, link_url="https://example.org/")

    with pytest.raises(ValidationError) as caught:
        block.clean(value)

    assert_field_errors(
        caught.value,
        ["link_page", "link_url"],
        "Bitte nur ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse.",
    )


@pytest.mark.django_db
def test_call_to_action_with_one_target_is_accepted(site_tree):
    document = DownloadFactory()
    for target in (
        {"link_page": site_tree.blog_index.pk},
        {"link_document": document.pk},
        {"link_url": "/beitraege/"},
    ):
        block, value = cta_value(**target)
        cleaned = block.clean(value)
        assert cleaned.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "ftp://x.de/a"],
)
def test_call_to_action_refuses_unsafe_addresses(address):
    block, value = cta_value(link_url=address)

    with pytest.raises(ValidationError) as caught:
        block.clean(value)

    assert_field_errors(caught.value, ["link_url"], "Bitte eine Adresse wie")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/beitraege/",
        "#newsletter",
        "mailto:a@b.de",
        "https://www.bielefeld.de/innovation",
        "http://example.org",
    ],
)
def test_call_to_action_accepts_safe_addresses(address):
    block, value = cta_value(link_url=address)

    assert block.clean(value)["link_url"] == address


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/video/123456",
        "https://www.dailymotion.com/video/x8abcd1",
        "https://www.youtube.com/",
        "https://vimeo.com/channels/staffpicks",
    ],
)
def test_video_refuses_addresses_that_are_no_youtube_or_vimeo_video(url):
    block = child_block("video")

    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python({"url": url, "title": "Ein Video"}))

    assert_field_errors(caught.value, ["url"], "YouTube oder Vimeo")


@pytest.mark.parametrize(
    "url",
    [
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/12345",
        "https://vimeo.com/76979871",
    ],
)
def test_video_accepts_youtube_and_vimeo_addresses(url):
    block = child_block("video")

    assert block.clean(block.to_python({"url": url, "title": "Ein Video"}))["url"] == url


@pytest.mark.django_db
def test_gallery_needs_at_least_two_images():
    block = child_block("gallery")
    image = ImageFactory()

    def gallery(*images):
        return block.to_python(
            {
                "heading": "",
                "images": list_items(*({"image": item.pk, "caption": ""} for item in images)),
            }
        )

    with pytest.raises(ValidationError) as caught:
        block.clean(gallery(image))
    assert set(caught.value.block_errors) == {"images"}

    assert len(block.clean(gallery(image, ImageFactory()))["images"]) == 2


# Editors: German labels, icons, help and previews


def help_text_of(block):
    """Struct blocks keep their help text in ``Meta``, field blocks on their form field."""
    field = getattr(block, "field", None)
    return getattr(block.meta, "help_text", None) or getattr(field, "help_text", None)


EXPECTED_LABELS = {
    "heading": "Überschrift",
    "paragraph": "Text",
    "image": "Bild",
    "gallery": "Galerie",
    "quote": "Zitat",
    "call_to_action": "Button (Call to Action)",
    "download": "Download",
    "contact_person": "Ansprechperson",
    "facts": "Zahlen & Fakten",
    "video": "Video",
    "related_posts": "Verwandte Beiträge",
    "newsletter": "Newsletter-Anmeldung",
    "pretix_registration": "Anmeldung (pretix)",
}


def test_every_body_block_has_german_label_icon_help_and_description():
    blocks = body_blocks()

    assert set(blocks) == set(EXPECTED_LABELS)
    for name, block in blocks.items():
        assert block.label == EXPECTED_LABELS[name], name
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.get_description(), name
        assert help_text_of(block), name
        assert block.is_previewable, name


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="x"
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED_LABELS))
def test_admin_renders_a_preview_of_every_block(admin_client, name):
    block = child_block(name)
    url = reverse("wagtailadmin_block_preview")

    response = admin_client.get(url, {"id": block.definition_prefix})

    assert response.status_code == 200
    document = parse_html(response.content.decode())
    assert block.label in document.find("title").text
    assert document.find("html").attrs["lang"] == "de"
    wrapper = document.find("main").find("div", class_=f"block-{name}")
    preview = block.get_preview_value()
    expected_text = {
        "heading": preview["text"] if name == "heading" else None,
        "paragraph": "selbstorganisierte Lerngruppen",
        "quote": "Etienne Wenger, 1999",
        "call_to_action": "Zum Newsletter anmelden",
        "facts": "Teilnehmende",
        "video": "Video abspielen",
        "contact_person": "Du hast Fragen?",
    }.get(name)
    if expected_text:
        assert expected_text in wrapper.text


@pytest.mark.django_db
def test_block_preview_needs_an_admin_login(client):
    url = reverse("wagtailadmin_block_preview")

    response = client.get(url, {"id": child_block("heading").definition_prefix})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
