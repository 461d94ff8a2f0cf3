"""Builds the demo site from the seed documents into an empty site.

A later run (every ``make run``) adds only demo content it never made before (``records``): it
never changes, republishes or deletes what exists, and what an editor deleted stays deleted.
"""

import datetime
import hashlib
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Collection, Page, Site

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from downloads.models import Download
from formats.models import DownloadsPage, FormatIndexPage, FormatKit, FormatPage
from home.models import (
    CreditedImage,
    EasyLanguagePage,
    FooterLink,
    SiteSettings,
    StandardPage,
)
from home.site_address import apply_to_site
from newsletter.blocks import DEFAULT_CONSENT_HTML, DEFAULT_HEADING, DEFAULT_TEXT
from website.demo_content.accessibility_statement import (
    load_accessibility_statement,
    load_contact_form,
)
from website.demo_content.events import load_demo_events
from website.demo_content.methods import load_demo_methods
from website.demo_content.newsletter import load_demo_newsletter
from website.demo_content.sign_language import (
    add_accessible_languages_section,
    load_sign_language_page,
)
from website.demo_content.team_and_projects import MARIA_TEAM_FIELDS, load_demo_team_and_projects
from website.models import HomePage

from . import easy_language, media, standard_pages
from .plain_text import clean_scraped_lines, plain_text_to_blocks
from .records import (
    demo_category,
    demo_child_page,
    demo_object,
    demo_person,
    is_recorded,
    page_key,
    record,
    recorded_object,
)


def newsletter_block_value():
    return {
        "heading": DEFAULT_HEADING,
        "text": DEFAULT_TEXT,
        "button_label": "Anmelden",
        "consent_text": DEFAULT_CONSENT_HTML,
    }


SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
SEED_COP_POST = SEEDS_DIR / "000_f16d077a1365393a.txt"
SEED_COP_KIT = SEEDS_DIR / "001_ed4c44f12c75ca4c.txt"
SEED_CITIZENLAB_ARTICLE = SEEDS_DIR / "002_68f957da7d2276db.txt"
SEED_MEETUP_REVIEW = SEEDS_DIR / "003_a5fff8d5073085d2.txt"
SEED_KOSI_LAB_REPORT = SEEDS_DIR / "004_9b0fefff396d68ad.txt"

# The Jekyll file names the two posts get, and so their URLs below /beitraege/.
JEKYLL_POST_FILES = {
    SEED_COP_POST: "community-of-practice-starter-kit.md",
    SEED_MEETUP_REVIEW: "ki-und-zivilgesellschaft-rueckblick.md",
}
KIT_FILE_NAME = "OIC_CoP-Starter-Kit.pdf"
IMAGE_CREDIT = "Grafik: Open Innovation City Bielefeld (Demo)"
# The seeds' header images (/assets/images/graffiti.png, ki.png) are OIC's own illustrations from
# its brand kit; the other demo pictures are generated.
BRAND_IMAGES_DIR = Path(__file__).resolve().parent / "brand"
BRAND_IMAGE_CREDIT = "Illustration: Open Innovation City Bielefeld"
BRAND_IMAGE_DESCRIPTIONS = {
    "graffiti": "Bunte Illustration: Pflanzen, eine Hand mit Victory-Zeichen, ein Auge und Formen",
    "ki": "Isometrische Illustration: ein Trichter verbindet Stadtviertel, Menschen und Ideen",
}
WENGER_SOURCE = (
    "Wenger, Etienne: Communities of Practice: Learning, Meaning, and Identity. "
    "Cambridge University Press, 1999"
)
PALETTES = {
    "open-innovation-hour": ["#f7f3e3", "#004b87", "#e76f51", "#2a9d8f", "#264653"],
    "kosi-lab": ["#2b2d42", "#8d99ae", "#edf2f4", "#ef233c", "#d90429"],
    "citizenlab": ["#023047", "#219ebc", "#8ecae6", "#ffb703", "#fb8500"],
}


class DemoContentLoader:
    def __init__(self, stdout):
        self.stdout = stdout
        self.collection = Collection.get_first_root_node()

    def log(self, message):
        self.stdout.write(message)

    def warn(self, message, line=None):
        self.log(f"warning: {message}" + (f" (line {line})" if line else ""))

    @transaction.atomic
    def load(self):
        home, home_created = self.home_page()
        if home is None:
            self.log("The demo's home page was deleted; no demo content added.")
            return None
        self.site_settings(home)
        categories = self.categories()
        maria = self.maria()
        blog_index = self.child_page(
            home,
            BlogIndexPage,
            "beitraege",
            title="Beiträge",
            show_in_menus=True,
            intro="Neuigkeiten, Rückblicke und Einblicke in die Formate der Open Innovation City.",
        )
        format_index = self.child_page(
            home,
            FormatIndexPage,
            "formate",
            title="Formate",
            show_in_menus=True,
            intro="Mit diesen Formaten bringen wir Menschen aus Bielefeld zusammen.",
        )
        kit = self.kit_document()
        formats = self.format_pages(format_index, categories, maria, kit)
        self.child_page(
            home,
            DownloadsPage,
            "downloads",
            title="Downloads",
            show_in_menus=True,
            intro="Alle Kits unserer Formate zum Herunterladen und Weitergeben.",
        )
        posts = [
            *self.import_jekyll_posts(blog_index, kit, categories["Community of Practice"]),
            *self.plain_text_posts(blog_index, categories),
        ]
        self.link_posts_to_formats(posts, formats)
        self.legal_pages(home)
        load_accessibility_statement(home, self.log)
        load_contact_form(home, self.log)
        load_demo_team_and_projects(self.log)
        load_demo_events(home, self.log)
        load_demo_methods(home, self.log)
        load_demo_newsletter(home, self.log)
        if home_created:
            self.home_sections(home, format_index)
        self.easy_language_page(home)
        sign_language_page = load_sign_language_page(home, self.log)
        if home_created:
            add_accessible_languages_section(home, sign_language_page)
        return home

    def home_page(self):
        """The HomePage and whether this run made it (then it replaces Wagtail's welcome page
        as the default site's root); ``None`` if an editor deleted the demo's home page.

        Its sections are filled in by ``home_sections`` once the content they show exists.
        """
        made = []

        def create():
            root = Page.get_first_root_node()
            home = HomePage(title="Startseite", slug="start", seo_title=SITE_NAME)
            root.add_child(instance=home)
            home.save_revision().publish()
            self.log("created home page")
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            site.site_name = SITE_NAME
            site.root_page = home
            apply_to_site(site)
            site.save()
            for page in root.get_children().exclude(pk=home.pk).not_type(HomePage):
                self.log(f"removed placeholder page {page.title!r}")
                page.delete()
            made.append(home)
            return home

        home = demo_object(page_key(HomePage, "start"), HomePage.objects.first, create)
        if home is None:
            return None, False
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            # Not content but configuration: what `make run` serves (its PORT, through
            # WAGTAILADMIN_BASE_URL), so canonical, og:url, feeds, sitemap and iCal point where
            # the demo answers. Saved only if it changed.
            apply_to_site(site)
        return HomePage.objects.get(pk=home.pk), bool(made)

    def home_sections(self, home, format_index):
        """Today's one-page home: every section with the anchor old links use (/#team …)."""
        home.body = [
            (
                "hero",
                {
                    "heading": "Open Innovation City Bielefeld",
                    "intro": (
                        "Eine Initiative der Stadt Bielefeld: Wir bringen Stadtgesellschaft, "
                        "Verwaltung, Wissenschaft und Wirtschaft zusammen, um gemeinsam "
                        "Lösungen für unsere Stadt zu finden."
                    ),
                    "image": self.image("graffiti"),
                    "actions": [
                        {
                            "label": "Unsere Formate entdecken",
                            "link_page": format_index,
                            "style": "primary",
                        },
                    ],
                },
            ),
            (
                "what_we_do",
                {
                    "heading": "Was wir tun",
                    "intro": (
                        "Offene Innovation heißt: Wissen teilen, voneinander lernen und Ideen "
                        "gemeinsam weiterentwickeln."
                    ),
                    "cards": [
                        {
                            "title": "Vernetzen",
                            "text": "Wir bringen Menschen zusammen, die an "
                            "ähnlichen Fragen arbeiten – über Organisationsgrenzen hinweg.",
                        },
                        {
                            "title": "Lernen",
                            "text": "In Communities of Practice, MeetUps und der "
                            "Open Innovation Hour teilen Bielefelder*innen ihr Wissen.",
                        },
                        {
                            "title": "Ausprobieren",
                            "text": "Im Innovation Office am Alter Markt "
                            "ist Raum für neue Ideen und Formate.",
                        },
                    ],
                },
            ),
            (
                "upcoming_events",
                {"heading": "Kommende Veranstaltungen", "count": 3, "show_newsletter": True},
            ),
            ("latest_posts", {"heading": "Neueste Beiträge", "number": 3}),
            ("formats", {"heading": "Unsere Formate"}),
            ("team", {"heading": "Team"}),
            ("projects", {"heading": "Projekte"}),
            (
                "contact",
                {
                    "heading": "Kontakt",
                    "map_url": "https://www.openstreetmap.org/search?query=Alter%20Markt%2013%20Bielefeld",
                },
            ),
            ("newsletter", newsletter_block_value()),
        ]
        home.save_revision().publish()

    def site_settings(self, home):
        """Filled in once; a site whose settings give a contact already keeps them (the
        organisation's name is no sign: ``SiteSettings.for_site`` creates it with a default)."""
        site = home.get_site()
        if site is None:
            return
        settings = SiteSettings.for_site(site)
        demo_object(
            "settings:site",
            lambda: settings if settings.contact_email or settings.office_address else None,
            lambda: self.fill_site_settings(settings),
        )

    def fill_site_settings(self, settings):
        settings.organisation_name = SITE_NAME
        settings.contact_email = "innovationen@bielefeld.de"
        settings.contact_phone = "0521 51-0"
        settings.office_address = "Innovation Office\nAlter Markt 13\n33602 Bielefeld"
        settings.postal_address = "Stadt Bielefeld\nOpen Innovation City\n33597 Bielefeld"
        settings.opening_hours = "Di. und Do. 10–16 Uhr\nund nach Vereinbarung"
        settings.footer_newsletter = [("newsletter", newsletter_block_value())]
        settings.save()
        return settings

    def categories(self):
        names = [
            "Formate",
            "Community of Practice",
            "Open Innovation Hour",
            "KI und Zivilgesellschaft",
            "Rückblick",
        ]
        return {name: demo_category(name) for name in names}

    def person(self, name, **fields):
        return demo_person(name, **fields)

    def maria(self):
        return self.person(
            "Maria Gonçalves",
            role="Open Innovation City Bielefeld",
            email="maria.goncalves@bielefeld.de",
            expertise="Communities of Practice\nKI und Zivilgesellschaft\nMeetups",
            photo=self.image("portrait-maria", "Platzhalter-Porträt", portrait=True),
            **MARIA_TEAM_FIELDS,
        )

    def image(self, key, description=None, portrait=False):
        description = description or BRAND_IMAGE_DESCRIPTIONS[key]
        title = f"Demo: {key}"
        return demo_object(
            f"image:{key}",
            CreditedImage.objects.filter(title=title).first,
            lambda: self.make_image(key, title, description, portrait),
        )

    def make_image(self, key, title, description, portrait):
        brand_file = BRAND_IMAGES_DIR / f"{key}.png"
        if brand_file.exists():
            data, credit = brand_file.read_bytes(), BRAND_IMAGE_CREDIT
        elif portrait:
            data, credit = media.portrait_png("#dbe7f3", "#004b87"), IMAGE_CREDIT
        else:
            data, credit = media.abstract_artwork_png(PALETTES[key], seed=len(key)), IMAGE_CREDIT
        image = CreditedImage(
            title=title,
            description=description,
            credit=credit,
            collection=self.collection,
            file=ContentFile(data, name=f"{key}.png"),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),
        )
        image.save()
        return image

    def kit_document(self):
        if is_recorded("document:cop-starter-kit"):
            return recorded_object("document:cop-starter-kit")
        data = media.kit_pdf(SEED_COP_KIT.read_text(encoding="utf-8"), "CoP Starter Kit")
        return demo_object(
            "document:cop-starter-kit",
            Download.objects.filter(file_hash=hashlib.sha1(data).hexdigest()).first,
            lambda: self.make_kit_document(data),
        )

    def make_kit_document(self, data):
        kit = Download(
            title="CoP Starter Kit",
            description="Anleitung für den Aufbau einer Community of Practice",
            collection=self.collection,
            file=ContentFile(data, name=KIT_FILE_NAME),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),
        )
        kit.full_clean()
        kit.save()
        self.log("created document CoP Starter Kit")
        return kit

    def child_page(self, parent, model, slug, **fields):
        """The demo's child page ``slug`` of ``parent``: created and published once."""
        return demo_child_page(parent, model, slug, self.log, **fields)

    def format_pages(self, format_index, categories, maria, kit):
        kit_text = SEED_COP_KIT.read_text(encoding="utf-8")
        # The kit repeats its title on every PDF page; the web page has its own title.
        kit_body = "\n".join(
            line
            for line in kit_text.splitlines()
            if line.strip() not in {"# COMMUNITY OF PRACTICE", "## Ein Starter-Kit"}
        )
        community_of_practice = self.child_page(
            format_index,
            FormatPage,
            "community-of-practice",
            title="Community of Practice",
            teaser=(
                "Communities of Practice sind selbstorganisierte Lerngruppen: Menschen, die am "
                "selben Thema arbeiten, lernen voneinander. Mit dem CoP Starter Kit gründet ihr "
                "eure eigene Community."
            ),
            header_image=self.image("graffiti"),
            header_image_is_decorative=True,
            body=[
                ("heading", {"text": "Das CoP Starter Kit", "level": "h2"}),
                *plain_text_to_blocks(clean_scraped_lines(kit_body)),
            ],
            category=categories["Community of Practice"],
            contact_person=maria,
            kits=[FormatKit(document=kit)] if kit else [],
        )
        open_innovation_hour = self.child_page(
            format_index,
            FormatPage,
            "open-innovation-hour",
            title="Open Innovation Hour",
            teaser=(
                "Eine Stunde, ein Thema, viele Perspektiven: In der Open Innovation Hour stellen "
                "Menschen aus Bielefeld ihre Ideen vor und diskutieren sie mit allen, die kommen."
            ),
            header_image=self.image("open-innovation-hour", "Farbflächen in Blau und Orange"),
            header_image_is_decorative=True,
            body=[
                (
                    "paragraph",
                    "<p>Die Open Innovation Hour ist kostenfrei und offen für alle. Sie findet im "
                    "Innovation Office am Alter Markt statt; Vorkenntnisse sind nicht nötig.</p>",
                ),
                (
                    "contact_person",
                    {"heading": "Du hast Fragen?", "intro": "Dann melde dich bei", "person": maria},
                ),
            ],
            category=categories["Open Innovation Hour"],
            contact_person=maria,
        )
        meetups = self.child_page(
            format_index,
            FormatPage,
            "meetups",
            title="MeetUps",
            teaser=(
                "Die Meetup-Reihe KI und Zivilgesellschaft zeigt Potenziale der neuen "
                "Technologie, schärft den kritischen Umgang damit und vernetzt die "
                "Bielefelder Stadtgesellschaft."
            ),
            header_image=self.image("ki"),
            header_image_is_decorative=True,
            body=[
                (
                    "facts",
                    {
                        "heading": "Zahlen & Fakten",
                        "facts": [
                            {"value": "10", "label": "Meetups"},
                            {"value": "140+", "label": "Teilnehmende"},
                            {"value": "11", "label": "Expert*innen"},
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p>Immer kostenfrei für alle interessierten Bielefelder*innen – keine "
                    "Vorkenntnisse notwendig.</p>",
                ),
            ],
            category=categories["KI und Zivilgesellschaft"],
            contact_person=maria,
        )
        return [community_of_practice, open_innovation_hour, meetups]

    def import_jekyll_posts(self, blog_index, kit, community_of_practice):
        """Posts 000 and 003 go through the importer, exactly as editors' old posts will; each
        only while the demo never made it. Returns the posts this run made."""
        if blog_index is None:
            return []
        missing = {
            seed: jekyll_name
            for seed, jekyll_name in JEKYLL_POST_FILES.items()
            if not is_recorded(page_key(BlogPage, Path(jekyll_name).stem))
        }
        if not missing:
            return []
        made = []
        for seed, jekyll_name in list(missing.items()):
            slug = Path(jekyll_name).stem
            existing = BlogPage.objects.child_of(blog_index).filter(slug=slug).first()
            if existing is not None:
                record(page_key(BlogPage, slug), existing)
                del missing[seed]
        if not missing:
            return []
        with tempfile.TemporaryDirectory(prefix="oic-demo-") as workdir:
            workdir = Path(workdir)
            assets = workdir / "assets"
            (assets / "images").mkdir(parents=True)
            (assets / "downloads").mkdir()
            for key in ("graffiti", "ki"):
                image = self.image(key)
                if image is not None:
                    with image.file.open("rb") as image_file:
                        (assets / "images" / f"{key}.png").write_bytes(image_file.read())
            if kit is not None:
                with kit.file.open("rb") as kit_file:
                    (assets / "downloads" / KIT_FILE_NAME).write_bytes(kit_file.read())
            paths = []
            for seed, jekyll_name in missing.items():
                target = workdir / jekyll_name
                target.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
                paths.append(str(target))
            call_command(
                "import_jekyll",
                *paths,
                assets=str(assets),
                parent=blog_index.pk,
                stdout=self.stdout,
            )
        for jekyll_name in missing.values():
            slug = Path(jekyll_name).stem
            post = BlogPage.objects.child_of(blog_index).filter(slug=slug).first()
            if post is not None:
                record(page_key(BlogPage, slug), post)
                made.append(post)
        # The starter-kit post is filed under "Formate" only; it belongs to its format too.
        starter_kit_slug = Path(JEKYLL_POST_FILES[SEED_COP_POST]).stem
        for post in made:
            if post.slug == starter_kit_slug and community_of_practice is not None:
                post.categories.add(community_of_practice)
                post.save_revision().publish()
        return made

    def plain_text_posts(self, blog_index, categories):
        """The two seed texts without front matter, as posts; returns the posts this run made."""
        if blog_index is None:
            return []
        citizenlab = self.person("CitizenLab", role="Gastbeitrag")
        kosi_lab_team = self.person("KoSI-Lab Projektteam", role="Gastbeitrag")
        article_lines = clean_scraped_lines(SEED_CITIZENLAB_ARTICLE.read_text(encoding="utf-8"))
        title, *report_lines = clean_scraped_lines(SEED_KOSI_LAB_REPORT.read_text(encoding="utf-8"))
        made = [
            self.post(
                blog_index,
                slug="citizenlab-community-of-practice",
                title="Von der Gruppe zur Community of Practice: die CitizenLab-Community",
                teaser=(
                    "Wie CitizenLab mit über 300 Kunden weltweit eine Community of Practice für "
                    "digitale Bürger:innenbeteiligung aufbaut – und was eine Community of "
                    "Practice von einer gewöhnlichen Community unterscheidet."
                ),
                date=datetime.date(2025, 11, 20),
                header_image=self.image("citizenlab", "Abstrakte Formen in Blau und Gelb"),
                body=plain_text_to_blocks(article_lines, quote_sources=[WENGER_SOURCE]),
                authors=[citizenlab],
                categories=[categories["Community of Practice"]],
            ),
            self.post(
                blog_index,
                slug="kosi-lab-fortbildung-labore-sozialer-innovation",
                title=title,
                teaser=(
                    "Neue Ideen finden Stadt! Unter diesem Motto diskutierte das KoSI-Lab "
                    "Projektteam am 13. und 14. März 2019 in Berlin mit kommunalen Akteuren über "
                    "„Labore sozialer Innovation“."
                ),
                date=datetime.date(2019, 3, 20),
                header_image=self.image("kosi-lab", "Abstrakte Formen in Grau und Rot"),
                body=plain_text_to_blocks(report_lines),
                authors=[kosi_lab_team],
                categories=[categories["Rückblick"]],
            ),
        ]
        return [post for post in made if post is not None]

    def post(self, blog_index, slug, authors, categories, **fields):
        """Creates and publishes the post once; returns it only if this run made it."""
        made = []

        def create():
            page = BlogPage(slug=slug, **fields)
            page.authors = [BlogPageAuthor(person=person) for person in authors if person]
            page.categories = [category for category in categories if category]
            blog_index.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"created {page.url}")
            made.append(page)
            return page

        demo_object(
            page_key(BlogPage, slug),
            BlogPage.objects.child_of(blog_index).filter(slug=slug).first,
            create,
        )
        return made[0] if made else None

    def link_posts_to_formats(self, posts, formats):
        """Attach each post this run made to the format of its category (Jekyll posts know no
        formats); posts that existed before are left as they are."""
        for format_page in formats:
            if format_page is None or format_page.category_id is None:
                continue
            for post in posts:
                if format_page.category_id in {category.pk for category in post.categories.all()}:
                    post.related_format = format_page
                    post.save_revision().publish()

    def easy_language_page(self, home):
        """The site's start page in Leichte Sprache, as the easy version of the home page."""
        if is_recorded(page_key(EasyLanguagePage, easy_language.SLUG)):
            return
        self.child_page(
            home,
            EasyLanguagePage,
            easy_language.SLUG,
            title=easy_language.TITLE,
            search_description=easy_language.SEARCH_DESCRIPTION,
            original_page=home,
            body=easy_language.body(self.image("graffiti")),
        )

    def legal_pages(self, home):
        """Impressum and Datenschutz, each linked in the footer when made."""
        site = home.get_site()
        settings = SiteSettings.for_site(site) if site else None
        for order, (slug, title, intro, body) in enumerate(standard_pages.PAGES):
            if is_recorded(page_key(StandardPage, slug)):
                continue
            existed = StandardPage.objects.child_of(home).filter(slug=slug).exists()
            page = self.child_page(home, StandardPage, slug, title=title, intro=intro, body=body)
            if page is not None and settings is not None and not existed:
                FooterLink.objects.create(settings=settings, page=page, sort_order=order)


SITE_NAME = "Open Innovation City Bielefeld"
