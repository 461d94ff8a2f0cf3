"""Blocks for the one-page home: the sections editors arrange, each with today's anchor."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from events.blocks import UpcomingEventsBlock
from home.blocks import BodyStreamBlock, CallToActionBlock, LinkURLBlock
from home.section_pages import section_page
from projects.blocks import ProjectsBlock

from .team_block import TeamBlock

# Section anchors in use on today's site (/#about, /#events, …); a section block renders its
# anchor as the id of its first occurrence on the page.
SECTION_ANCHORS = {
    "what_we_do": "about",
    "team": "team",
    "projects": "projects",
    "upcoming_events": "events",
    "contact": "contact",
}


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)
    image = ImageChooserBlock(label="Bild", required=False)
    actions = blocks.ListBlock(
        CallToActionBlock(), label="Buttons", min_num=0, max_num=2, default=[]
    )

    class Meta:
        icon = "pick"
        label = "Bühne"
        template = "blocks/hero_block.html"
        help_text = (
            "Der große Einstieg oben auf der Startseite; "
            "seine Überschrift ist die Hauptüberschrift (h1)."
        )
        description = "Überschrift, Einleitung, Bild und bis zu zwei Buttons."
        preview_value = {
            "heading": "Open Innovation City Bielefeld",
            "intro": "Gemeinsam Lösungen für unsere Stadt finden.",
            "actions": [],
        }


class WhatWeDoCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=80)
    text = blocks.TextBlock(label="Text", max_length=400)
    link_page = blocks.PageChooserBlock(label="Verlinkte Seite", required=False)

    class Meta:
        icon = "doc-full"
        label = "Karte"


class WhatWeDoBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Was wir tun", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)
    cards = blocks.ListBlock(WhatWeDoCardBlock(), label="Karten", min_num=1, max_num=6)

    class Meta:
        icon = "list-ul"
        label = "Was wir tun"
        template = "blocks/what_we_do_block.html"
        help_text = "Bis zu sechs Karten; erreichbar über /#about."
        description = "Karten, die die Aufgaben der Open Innovation City zeigen."
        preview_value = {
            "heading": "Was wir tun",
            "cards": [
                {"title": "Vernetzen", "text": "Wir bringen Menschen zusammen."},
                {"title": "Ausprobieren", "text": "Wir testen neue Formate."},
            ],
        }


class LatestPostsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Neueste Beiträge", max_length=120)
    number = blocks.IntegerBlock(label="Anzahl", default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full-inverse"
        label = "Neueste Beiträge"
        template = "blocks/latest_posts_block.html"
        help_text = "Zeigt automatisch die neuesten veröffentlichten Beiträge."
        description = "Die neuesten Beiträge als Karten mit Link zur Übersicht."
        preview_value = {"heading": "Neueste Beiträge", "number": 3}

    def get_context(self, value, parent_context=None):
        from blog.models import BlogIndexPage, BlogPage

        context = super().get_context(value, parent_context)
        context["posts"] = BlogPage.objects.for_listing()[: value["number"]]
        context["blog_index"] = section_page(context.get("request"), BlogIndexPage)
        return context


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Kontakt", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)
    map_url = LinkURLBlock(
        label="Link zur Karte",
        required=False,
        help_text="z. B. ein Link zu OpenStreetMap; eine Karte wird nicht eingebettet.",
    )

    class Meta:
        icon = "mail"
        label = "Kontakt"
        template = "blocks/contact_block.html"
        help_text = (
            "Zeigt Adressen, Öffnungszeiten, E-Mail und Telefon aus den "
            "Website-Einstellungen; erreichbar über /#contact."
        )
        description = "Kontaktdaten der Open Innovation City mit Link zur Karte."
        preview_value = {"heading": "Kontakt", "intro": "Besuch uns im Innovation Office."}


class FormatsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Unsere Formate", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)

    class Meta:
        icon = "group"
        label = "Formate"
        template = "blocks/formats_block.html"
        help_text = "Zeigt automatisch alle veröffentlichten Formate als Karten."
        description = "Die Formate der Open Innovation City, z. B. die Open Innovation Hour."
        preview_value = {"heading": "Unsere Formate"}

    def get_context(self, value, parent_context=None):
        from formats.models import FormatPage

        context = super().get_context(value, parent_context)
        context["formats"] = FormatPage.objects.for_listing()
        return context


class AccessibleLanguagesBlock(blocks.StructBlock):
    """BITV 2.0 § 4: the start page leads to what the site holds in Deutscher Gebärdensprache
    and in Leichter Sprache."""

    heading = blocks.CharBlock(
        label="Überschrift", default="Gebärdensprache und Leichte Sprache", max_length=120
    )
    text = blocks.TextBlock(
        label="Text",
        required=False,
        max_length=400,
        default="In Filmen in Deutscher Gebärdensprache und in Leichter Sprache erklären wir, "
        "was auf dieser Website steht, wie du dich zurechtfindest und was in unserer Erklärung "
        "zur Barrierefreiheit steht.",
    )
    sign_language_page = blocks.PageChooserBlock(
        label="Seite in Gebärdensprache", page_type="home.SignLanguagePage"
    )
    easy_language_page = blocks.PageChooserBlock(
        label="Seite in Leichter Sprache", page_type="home.EasyLanguagePage"
    )

    class Meta:
        icon = "user"
        label = "Gebärdensprache und Leichte Sprache"
        template = "blocks/accessible_languages_block.html"
        help_text = "Verweist auf die Seiten in Gebärdensprache und Leichter Sprache."
        description = "Zwei Wege zu den Inhalten in Gebärdensprache und Leichter Sprache."


class HomePageStreamBlock(BodyStreamBlock):
    """The content blocks plus the sections only the home page has."""

    hero = HeroBlock()
    what_we_do = WhatWeDoBlock()
    team = TeamBlock()
    projects = ProjectsBlock()
    upcoming_events = UpcomingEventsBlock()
    latest_posts = LatestPostsBlock()
    formats = FormatsBlock()
    contact = ContactBlock()
    accessible_languages = AccessibleLanguagesBlock()
