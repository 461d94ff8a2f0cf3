"""``{% picture %}`` from ``picture_tags``: Wagtail's tag, its sizes parsed once per template."""

from pathlib import Path

from django.conf import settings
from django.template import Context, Template

from tests.factories import ImageFactory

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
PICTURE = (
    '{% picture image format-{avif,webp,jpeg} fill-{400x225,800x450} sizes="20rem" '
    'loading="lazy" alt="" class="card__image" %}'
)


def render(library, image):
    return Template("{% load " + library + " %}" + PICTURE).render(Context({"image": image}))


def test_picture_renders_what_wagtails_tag_renders(db):
    image = ImageFactory()
    ours = render("picture_tags", image)
    assert ours == render("wagtailimages_tags", image)
    assert ours.count("<source") == 2 and 'srcset="' in ours and "<img" in ours


def test_one_compiled_template_renders_each_image_with_its_own_crop(db):
    template = Template("{% load picture_tags %}" + PICTURE)
    first, second = ImageFactory(), ImageFactory()
    first_html = template.render(Context({"image": first}))
    second_html = template.render(Context({"image": second}))
    assert first_html == render("wagtailimages_tags", first)
    assert second_html == render("wagtailimages_tags", second)
    assert first_html != second_html


def test_every_template_with_a_picture_loads_the_parsed_once_tag():
    """A template that loads ``wagtailimages_tags`` for ``{% picture %}`` still works, and parses
    every size of every image again on each request."""
    slow = [
        str(path.relative_to(TEMPLATES_DIR))
        for path in TEMPLATES_DIR.rglob("*.html")
        if "{% picture " in (text := path.read_text()) and "picture_tags" not in text
    ]
    assert slow == []
