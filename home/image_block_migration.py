"""The data migration from our former image block to Wagtail's ``ImageBlock``, for every app
whose StreamField holds ``BodyStreamBlock`` or ``EasyLanguageStreamBlock`` (each app migrates
its own models, so this core module names none of them).

An image and a gallery image were stored flat::

    {"image": 7, "alt_text": "", "is_decorative": false, "caption": "…"}

and are now Wagtail's block next to the caption::

    {"image": {"image": 7, "alt_text": "…", "decorative": false}, "caption": "…"}

An empty alt text used to mean "read the image's description"; Wagtail's block stores the alt
text of each use, so going forward the description is written in, and going back an alt text
equal to the description is emptied again. Live content and every revision are converted, so
that editors can still open and compare old revisions. Values already in the target shape are
left alone, which makes either direction safe to run twice.
"""

import json

from django.db import migrations
from django.db.models import F, JSONField
from django.db.models.functions import Cast


def to_wagtail_image(value, descriptions):
    if not isinstance(value, dict) or isinstance(value.get("image"), dict):
        return value
    value = dict(value)
    image_id = value.pop("image", None)
    decorative = bool(value.pop("is_decorative", False))
    alt_text = value.pop("alt_text", "") or ""
    if not alt_text and not decorative:
        alt_text = descriptions.get(image_id, "")
    value["image"] = {"image": image_id, "alt_text": alt_text, "decorative": decorative}
    return value


def from_wagtail_image(value, descriptions):
    if not isinstance(value, dict) or not isinstance(value.get("image"), dict):
        return value
    value = dict(value)
    image = value.pop("image")
    image_id = image.get("image")
    alt_text = image.get("alt_text") or ""
    if alt_text == descriptions.get(image_id):
        alt_text = ""
    value.update(image=image_id, alt_text=alt_text, is_decorative=bool(image.get("decorative")))
    return value


def convert_list_items(items, convert):
    """A ListBlock's raw items: ``{"type": "item", "value": …, "id": …}``, or bare values in
    the format ListBlock used before Wagtail 2.16."""
    converted = []
    for item in items:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            converted.append({**item, "value": convert(item["value"])})
        else:
            converted.append(convert(item))
    return converted


def convert_image_stream(stream, convert):
    converted = []
    for child in stream or []:
        block_type = child.get("type") if isinstance(child, dict) else None
        if block_type == "image":
            child = {**child, "value": convert(child["value"])}
        elif block_type == "gallery" and isinstance(child.get("value"), dict):
            gallery = dict(child["value"])
            gallery["images"] = convert_list_items(gallery.get("images") or [], convert)
            child = {**child, "value": gallery}
        converted.append(child)
    return converted


def convert_model(apps, app_label, model_name, field_name, convert, stream_converter=None):
    """Convert the stream's values with ``convert`` in the live rows and every revision;
    ``stream_converter(stream, convert)`` finds the values (by default the image blocks)."""
    convert_stream = stream_converter or convert_image_stream
    model = apps.get_model(app_label, model_name)
    rows = model.objects.annotate(raw_stream=Cast(F(field_name), JSONField()))
    for pk, raw_stream in rows.values_list("pk", "raw_stream").iterator():
        if raw_stream:
            converted = convert_stream(raw_stream, convert)
            if converted != raw_stream:
                model.objects.filter(pk=pk).update(**{field_name: converted})

    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label=app_label, model=model_name.lower())
        .first()
    )
    if content_type is None:
        return
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(content_type=content_type)
    for revision in revisions.iterator():
        raw_json = revision.content.get(field_name)
        if not raw_json:
            continue
        raw_stream = json.loads(raw_json) if isinstance(raw_json, str) else raw_json
        converted = convert_stream(raw_stream, convert)
        if converted != raw_stream:
            revision.content[field_name] = json.dumps(converted)
            revision.save(update_fields=["content"])


def image_descriptions(apps):
    image_model = apps.get_model("home", "CreditedImage")
    return dict(image_model.objects.values_list("pk", "description"))


def migrate_image_blocks(app_label, model_name, field_name="body"):
    """A reversible ``RunPython`` converting ``model_name.field_name`` and its revisions."""

    def converting(convert_value):
        def operation(apps, schema_editor):
            descriptions = image_descriptions(apps)
            convert_model(
                apps,
                app_label,
                model_name,
                field_name,
                lambda value: convert_value(value, descriptions),
            )

        return operation

    return migrations.RunPython(converting(to_wagtail_image), converting(from_wagtail_image))
