"""``import_jekyll_site`` on what today's real site has and the corpus did not: methods without a
Steckbrief, events that link to their own post, teasers over 300 characters."""

import logging
import shutil
from pathlib import Path

import pytest
from wagtail.models import Revision

from blog.models import BlogPage
from events.models import EventPage
from methods.models import MethodPage
from tests.importer.jekyll_site_import import CORPUS, add_sections, run_import, summary_row

REAL_METHOD = """---
title: Design Thinking
teaser: Ein Vorgehen in Schleifen, vom Problem zur Lösung.
authors:
  - Jonas Weber
categories:
  - Methoden
date: 2023-05-02
header_image: /assets/images/graffiti.png
---
"""

HTML_TITLE_POST = """---
title: "Innovations&shy;werkstatt<br>für <em>alle</em>"
teaser: Ein Titel mit HTML, wie ihn die alte Seite hatte.
author: Jonas Weber
category: Open Innovation Hour
date: 2024-04-01
---

Text.
"""

HEADER_FIRST = """---
title: Kopfbild zuerst
teaser: Das Bild steht hier oben, ohne Beschreibung.
author: Jonas Weber
date: 2024-05-01
header_image: /assets/images/beitraege/meetup.jpg
---

Text.
"""

DESCRIBED_LATER = """---
title: Zweiter Auftritt
teaser: Dasselbe Bild, nun beschrieben.
author: Jonas Weber
date: 2024-05-02
---

![Menschen beim MeetUp im Innovation Office](/assets/images/beitraege/meetup.jpg)
"""

OWN_SITE_EVENTS = """
- title: "KI-MeetUp #3"
  date: 2024-02-20
  time: 18:00
  location: Innovation Office
  category: MeetUp
  booking_url: /beitraege/ki-meetup-rueckblick/
  link_text: Zum Rückblick
- title: Stadtgespräch
  date: 2024-03-12
  location: Online
  booking_url: https://oic-bielefeld.de/mitmachen/
  link_text: Mehr Informationen
"""


@pytest.fixture
def old_site(tmp_path):
    site = Path(shutil.copytree(CORPUS, tmp_path / "site"))
    (site / "_methoden" / "design-thinking.md").write_text(REAL_METHOD, encoding="utf-8")
    (site / "_beitraege" / "html-titel.md").write_text(HTML_TITLE_POST, encoding="utf-8")
    (site / "_beitraege" / "a-kopfbild.md").write_text(HEADER_FIRST, encoding="utf-8")
    (site / "_beitraege" / "zz-spaeter.md").write_text(DESCRIBED_LATER, encoding="utf-8")
    events = site / "_data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + OWN_SITE_EVENTS, encoding="utf-8")
    long_teaser = "Ein Satz über offene Innovation in Bielefeld und was sie bewegt. " * 6
    post = site / "_beitraege" / "windows.md"
    text = post.read_text(encoding="utf-8")
    teaser_line = next(line for line in text.splitlines() if line.startswith("teaser:"))
    post.write_text(text.replace(teaser_line, f"teaser: {long_teaser.strip()}"), encoding="utf-8")
    return site


@pytest.fixture
def imported(site_tree, old_site):
    add_sections(site_tree)
    stdout, stderr, error = run_import(old_site, "--site-url", "https://oic-bielefeld.de")
    return stdout, stderr, error


def test_a_method_with_only_post_fields_arrives_and_answers(imported, client):
    stdout, _, _ = imported
    method = MethodPage.objects.get(slug="design-thinking")

    assert method.duration_minutes is None and method.min_participants is None
    assert summary_row(stdout, "methods")["failed"] == 0
    response = client.get("/methoden/design-thinking/")
    assert response.status_code == 200
    assert "Steckbrief" not in response.content.decode()
    listing = client.get("/methoden/").content.decode()
    assert "Design Thinking" in listing


def test_an_event_linking_its_post_gets_it_as_its_retrospective(imported, client):
    _, stderr, _ = imported
    event = EventPage.objects.get(title="KI-MeetUp #3")

    assert event.retrospective == BlogPage.objects.get(slug="ki-meetup-rueckblick")
    assert (event.registration_kind, event.registration_url) == ("none", "")
    assert "Zum Rückblick: " in client.get(event.url).content.decode()
    assert "KI-MeetUp #3" not in stderr


def test_an_own_site_page_that_is_no_post_stays_a_link_with_a_warning(imported):
    _, stderr, _ = imported
    event = EventPage.objects.get(title="Stadtgespräch")

    assert event.registration_kind == "external"
    assert event.registration_url == "https://oic-bielefeld.de/mitmachen/"
    assert "booking_url '/mitmachen/' is a page of this site but no post" in stderr or (
        "booking_url 'https://oic-bielefeld.de/mitmachen/' is a page of this site" in stderr
    )


def test_a_teaser_of_todays_length_is_imported_whole(imported):
    stdout, stderr, _ = imported
    post = BlogPage.objects.get(slug="windows")

    assert len(post.teaser) > 300 and post.teaser.startswith("Ein Satz über offene Innovation")
    assert "the teaser has" not in stderr
    assert summary_row(stdout, "posts")["failed"] == 2  # the corpus's own two broken posts
    assert summary_row(stdout, "posts")["created"] == 11


def test_a_header_image_described_by_a_later_post_is_not_decorative(imported):
    post = BlogPage.objects.get(slug="a-kopfbild")

    assert post.header_image.description == "Menschen beim MeetUp im Innovation Office"
    assert post.header_image_is_decorative is False


def test_a_second_run_changes_nothing(imported, old_site):
    revisions = Revision.objects.count()

    stdout, _, _ = run_import(old_site, "--site-url", "https://oic-bielefeld.de")

    assert Revision.objects.count() == revisions
    for kind in ("posts", "methods", "events"):
        row = summary_row(stdout, kind)
        assert (row["created"], row["updated"]) == (0, 0), kind


def test_html_in_a_title_is_read_as_the_old_site_showed_it(imported, client):
    _, stderr, _ = imported
    post = BlogPage.objects.get(slug="html-titel")

    assert post.title == "Innovations\u00adwerkstatt für alle"
    assert "html-titel.md: warning: line 2: HTML in the title removed: <em>" in stderr
    page = client.get(post.url).content.decode()
    assert "&lt;br&gt;" not in page and "&amp;shy;" not in page


def test_wagtails_log_lines_per_page_stay_out_of_the_import(site_tree, old_site, caplog):
    add_sections(site_tree)
    with caplog.at_level(logging.INFO):
        run_import(old_site)

    wagtail_info = [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("wagtail") and record.levelno < logging.WARNING
    ]
    assert BlogPage.objects.exists() and wagtail_info == []
