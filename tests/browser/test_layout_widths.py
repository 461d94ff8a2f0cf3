"""Reflow (WCAG 2.1 1.4.10) and one container: every public page type of the demo site at the
widths visitors use, from a 320 px phone to a 1920 px desktop.

axe does not check reflow. A page that scrolls sideways at 320 px fails it; one long German
word in a title ("Fortbildungsveranstaltung") or a button that does not shrink is enough.
"""

import pytest
from django.core.management import call_command

from blog.models import BlogPage
from tests.browser.test_accessibility import public_urls as audited_page_urls

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = [320, 390, 768, 1366, 1920]
VIEWPORT_HEIGHT = 900
# Sub-pixel rounding of boxes, not a layout difference.
TOLERANCE_PX = 1

# The elements that stick out past the right edge of the viewport, widest overhang first, so a
# failure names its cause instead of only the page.
OVERFLOW_PROBE = """() => {
    const viewport = window.innerWidth;
    const name = (element) => element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + [...element.classList].map((cls) => "." + cls).join("");
    // Three ancestors: enough to find the template a nameless <div> comes from.
    const describe = (element) => {
        const path = [];
        for (let node = element; node && node !== document.body && path.length < 4;
            node = node.parentElement) path.unshift(name(node));
        return path.join(" > ");
    };
    const culprits = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > viewport + 1) {
            // Only the outermost sticking-out element of a branch: its children follow it.
            const parentBox = element.parentElement.getBoundingClientRect();
            if (parentBox.right <= viewport + 1) {
                culprits.push([Math.round(box.right - viewport), describe(element)]);
            }
        }
    }
    culprits.sort((a, b) => b[0] - a[0]);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: viewport,
        culprits: culprits.slice(0, 3).map(([px, name]) => `${name} +${px}px`),
    };
}"""

# The left edge of each top-level section of the home page's content box: the section itself
# if it is narrower than the page, else (a full-width band) the leftmost of its children's
# content boxes. The defect: at 1920 px "Kommende Veranstaltungen" and the newsletter
# started at x = 0 where the others start at x = 384.
SECTION_EDGES_PROBE = """() => {
    const pageWidth = document.documentElement.clientWidth;
    const visible = (box) => box.width > 1 && box.height > 1;
    const contentLeft = (element) => {
        const box = element.getBoundingClientRect();
        if (box.width < pageWidth - 1) return box.left;
        const lefts = [...element.children]
            .filter((child) => visible(child.getBoundingClientRect()))
            .map(contentLeft);
        return lefts.length ? Math.min(...lefts) : box.left;
    };
    return [...document.querySelector("main").children]
        .filter((section) => visible(section.getBoundingClientRect()))
        .map((section) => ({
            section: section.id ? "#" + section.id : section.tagName.toLowerCase()
                + [...section.classList].map((name) => "." + name).join(""),
            left: Math.round(contentLeft(section)),
        }));
}"""


def public_urls():
    """The axe audit's page of every type, plus a post with a long word in its title and the
    newsletter's pages after the form."""
    return [
        *audited_page_urls(),
        BlogPage.objects.get(slug="kosi-lab-fortbildung-labore-sozialer-innovation").url,
        "/suche/?q=Fortbildungsveranstaltung",
        "/newsletter/fast-geschafft/",
        "/newsletter/bestaetigen/kein-gueltiger-link/",
    ]


def measure_at_each_width(browser, live_server, urls):
    """``{(width, url): (overflow, section edges or None)}``. Each address is loaded once and
    measured at every width by resizing the window, as a visitor turning a tablet would: media
    queries and layout follow the new width, and the run stays quick (renditions are made on
    first view). The section edges are measured on the home page only."""
    context = browser.new_context(
        locale="de-DE", viewport={"width": WIDTHS[0], "height": VIEWPORT_HEIGHT}
    )
    page = context.new_page()
    measured = {}
    for url in urls:
        page.goto(f"{live_server.url}{url}", wait_until="load")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
            edges = page.evaluate(SECTION_EDGES_PROBE) if url == "/" else None
            measured[width, url] = (page.evaluate(OVERFLOW_PROBE), edges)
    context.close()
    return dict(sorted(measured.items()))


def too_wide(width, url, result):
    overhang = result["scrollWidth"] - result["innerWidth"]
    if overhang <= 0:
        return None
    return f"{url} at {width} px: {result['scrollWidth']} px wide (+{overhang} px): " + ", ".join(
        result["culprits"]
    )


def misaligned(width, sections):
    assert len(sections) >= 4, f"too few home sections found at {width} px: {sections}"
    edges = [section["left"] for section in sections]
    if max(edges) - min(edges) <= TOLERANCE_PX:
        return None
    return f"home sections at {width} px: " + ", ".join(
        f"{section['section']} x={section['left']}" for section in sections
    )


def test_every_page_fits_the_viewport_and_home_sections_share_one_left_edge(browser, live_server):
    """One test for both: the demo site takes longer to load than all the measuring."""
    call_command("load_demo_content", verbosity=0)
    measured = measure_at_each_width(browser, live_server, public_urls())
    overflowing = [too_wide(width, url, result) for (width, url), (result, _) in measured.items()]
    unaligned = [
        misaligned(width, edges) for (width, _url), (_, edges) in measured.items() if edges
    ]
    problems = [problem for problem in overflowing + unaligned if problem]
    assert problems == [], "\n".join(problems)


def test_the_probe_does_find_a_page_wider_than_the_viewport(page, live_server):
    """Guards the test above against passing because nothing was measured."""
    page.set_viewport_size({"width": 320, "height": VIEWPORT_HEIGHT})
    page.goto(f"{live_server.url}/gibt-es-nicht/")
    page.evaluate(
        """() => {
            const table = document.createElement("div");
            table.className = "wide-table";
            table.style.width = "500px";
            table.style.height = "1em";
            document.querySelector("main").append(table);
        }"""
    )
    result = page.evaluate(OVERFLOW_PROBE)
    assert too_wide(320, "/gibt-es-nicht/", result)
    assert any("div.wide-table" in culprit for culprit in result["culprits"])
