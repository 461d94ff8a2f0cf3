"""Today's whole site, in its real size and shape (tests/importer/real_sized_site.py), moved over
on top of the demo as the OIC team will do it: every old address answered, nothing refused that
an editor could fix, a second run that changes nothing. Run with ``-s`` to see the figures."""

from wagtail.models import Revision

from tests.importer import real_sized_site
from tests.importer.jekyll_site_import import run_import, summary_row

KINDS = ["persons", "author pages", "projects", "posts", "methods", "events", "pages"]


def test_todays_whole_site_moves_over(shared_demo_site, tmp_path, client):
    old_site = real_sized_site.build(tmp_path / "site")
    outside = tmp_path / "anderswo.md"
    outside.write_text("---\ntitle: Fremd\ndate: 2024-01-01\n---\n", encoding="utf-8")
    (old_site.root / "_beitraege" / "verlinkt.md").symlink_to(outside)

    stdout, stderr, error = run_import(old_site.root)

    assert error is None, stdout + stderr
    rows = {kind: summary_row(stdout, kind) for kind in KINDS}
    imported = {kind: rows[kind]["created"] + rows[kind]["updated"] for kind in KINDS}
    assert imported["posts"] == old_site.posts and rows["posts"]["failed"] == 0
    assert rows["posts"]["skipped"] == 1  # the link out of the site's folder, refused
    assert (imported["methods"], imported["events"]) == (old_site.methods, old_site.events)
    assert imported["pages"] == old_site.pages
    assert (imported["persons"], imported["projects"]) == (6, 7)

    wrong = []
    for address, text in old_site.addresses.items():
        response = client.get(address, follow=True)
        if response.status_code != 200 or text not in response.content.decode():
            wrong.append((address, response.status_code))
    assert wrong == []
    output_lines = len(stdout.splitlines()) + len(stderr.splitlines())
    print(
        f"\nold HTML addresses on the right page: {len(old_site.addresses) - len(wrong)}"
        f"/{len(old_site.addresses)}\n"
        + "".join(f"{kind}: {imported[kind]} imported, {rows[kind]}\n" for kind in KINDS)
        + f"output lines of the run: {output_lines}\n{stdout}{stderr}"
    )

    last_revision = Revision.objects.order_by("pk").last()
    again, _, error = run_import(old_site.root)
    assert error is None
    assert not Revision.objects.filter(pk__gt=last_revision.pk).exists()
    for kind in [*KINDS, "images", "documents", "redirects"]:
        row = summary_row(again, kind)
        assert (row["created"], row["updated"]) == (0, 0), (kind, again)
    print(f"second run:\n{again}")
