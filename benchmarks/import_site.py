"""Import a generated Jekyll site of 1,000 posts with images; print posts per second and memory.

Run: ``make bench-import`` (or ``.venv/bin/python benchmarks/import_site.py [POSTS]``). The site
is generated into a temporary folder, shaped like the old OIC site: every post has its own
header image, every tenth a gallery of three images, a button to a download and a quote;
posts name three authors and two of eight categories. It imports twice into a throwaway
SQLite database, never the one ``DATABASE_URL`` names: the first run creates everything, the
second must find nothing to change.
"""

import datetime
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = Path(tempfile.mkdtemp(prefix="oic-bench-import-"))
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = str(workdir / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from PIL import Image  # noqa: E402

from blog.models import BlogPage  # noqa: E402
from tests.factories import minimal_pdf_bytes  # noqa: E402

AUTHORS = ["Maria Gonçalves", "Jonas Weber", "Aylin Demir"]
CATEGORIES = [
    "KI und Zivilgesellschaft",
    "Open Innovation Hour",
    "Community of Practice",
    "Rückblick",
    "Formate",
    "Beteiligung",
    "Verwaltung",
    "Stadtgesellschaft",
]
PARAGRAPH = (
    "Die Open Innovation City Bielefeld bringt Menschen aus Verwaltung, Wissenschaft und "
    "Stadtgesellschaft zusammen. **Gemeinsam** entwickeln sie Ideen für die Stadt von morgen, "
    "erproben sie in [Formaten](/formate/) und teilen, was sie gelernt haben."
)


def png(number, blue=40):
    """A small PNG of its own colour (lossless, so every image is a file of its own)."""
    buffer = io.BytesIO()
    colour = (number % 256, number // 256 % 256, blue)
    Image.new("RGB", (320, 180), colour).save(buffer, "PNG")
    return buffer.getvalue()


def post_text(number):
    date = datetime.date(2019, 1, 1) + datetime.timedelta(days=number % 2500)
    categories = [CATEGORIES[number % 8], CATEGORIES[(number * 3 + 1) % 8]]
    body = [PARAGRAPH, "## Was wir gelernt haben", f"- Erkenntnis {number}\n- Nächster Schritt"]
    if number % 10 == 0:
        body += [
            f'{{% include gallery.html folder="/assets/images/galerie/{number}/" %}}',
            '{% include quote.html text="Gemeinsam geht mehr." author="Maria Gonçalves" %}',
            '{% include cta-button.html text="Leitfaden herunterladen" '
            'url="/assets/downloads/leitfaden.pdf" download=true %}',
        ]
    return (
        "---\n"
        f'title: "Beitrag Nummer {number}"\n'
        f'teaser: "Was beim Treffen Nummer {number} besprochen wurde."\n'
        f"authors: [{AUTHORS[number % 3]}]\n"
        f"categories: [{', '.join(categories)}]\n"
        f"date: {date.isoformat()}\n"
        f"header_image: /assets/images/beitraege/{number}.png\n"
        'header_image_credit: "Foto: [OIC](https://oic-bielefeld.de)"\n'
        "---\n\n" + "\n\n".join(body) + "\n"
    )


def generate_site(root, posts):
    (root / "_beitraege").mkdir(parents=True)
    (root / "assets/images/beitraege").mkdir(parents=True)
    (root / "assets/downloads").mkdir(parents=True)
    (root / "assets/downloads/leitfaden.pdf").write_bytes(minimal_pdf_bytes("Leitfaden"))
    images = 0
    for number in range(posts):
        (root / f"_beitraege/beitrag-{number}.md").write_text(post_text(number), "utf-8")
        (root / f"assets/images/beitraege/{number}.png").write_bytes(png(number))
        images += 1
        if number % 10 == 0:
            gallery = root / f"assets/images/galerie/{number}"
            gallery.mkdir(parents=True)
            for picture in range(3):
                (gallery / f"bild-{picture}.png").write_bytes(png(number * 3 + picture, 220))
                images += 1
    return images


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_import(root):
    """Seconds, the process's peak resident memory after the run (MB) and the summary."""
    output = io.StringIO()
    started = time.perf_counter()
    call_command("import_jekyll_site", str(root), stdout=output, stderr=io.StringIO())
    return time.perf_counter() - started, peak_rss_mb(), output.getvalue()


def main():
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    root = workdir / "site"
    images = generate_site(root, posts)
    database = django.db.connection.vendor
    print(f"Importing a generated site: {posts} posts, {images} images, 1 download ({database})")
    before_mb = peak_rss_mb()

    first_seconds, first_peak, first_summary = timed_import(root)
    second_seconds, second_peak, second_summary = timed_import(root)
    imported = BlogPage.objects.filter(slug__startswith="beitrag-").count()
    print(f"peak resident memory before importing (Django, demo site): {before_mb:.0f} MB")
    print(f"{'run':<28}{'seconds':>10}{'posts/s':>10}{'peak RSS MB':>13}")
    for label, seconds, peak in [
        ("first (creates everything)", first_seconds, first_peak),
        ("second (nothing changed)", second_seconds, second_peak),
    ]:
        print(f"{label:<28}{seconds:>10.1f}{posts / seconds:>10.1f}{peak:>13.0f}")
    print(f"posts in the database: {imported} of {posts}")
    print("first run:\n" + first_summary + "second run:\n" + second_summary)


if __name__ == "__main__":
    main()
