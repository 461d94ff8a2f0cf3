"""Rich text as the plain-text part of an e-mail: paragraphs kept, links written out."""

from html.parser import HTMLParser

from .emails import absolute_url

BLOCK_ELEMENTS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"}


class PlainTextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(absolute_url(href) if href.startswith("/") else href)
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f" ({href})")
        elif tag in BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(" ".join(data.split()) if data.strip() else data.strip(" \t"))


def html_as_text(html):
    parser = PlainTextParser()
    parser.feed(str(html))
    parser.close()
    return "".join(parser.parts).strip()
