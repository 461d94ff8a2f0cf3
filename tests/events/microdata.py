"""A small microdata reader for tests: the items of a page with their properties."""

from html.parser import HTMLParser

VOID_ELEMENTS = {"meta", "link", "img", "source", "br", "hr", "input"}


class MicrodataParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items = []
        self.stack = []  # one entry per open element: (tag, item or None, text property or None)

    def current_item(self):
        for _, item, _ in reversed(self.stack):
            if item is not None:
                return item
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent = self.current_item()
        prop = attrs.get("itemprop")
        item = None
        if "itemscope" in attrs:
            item = {"type": attrs.get("itemtype"), "properties": {}}
            if prop and parent is not None:
                parent["properties"].setdefault(prop, []).append(item)
            else:
                self.items.append(item)
        text_prop = None
        if prop and item is None and parent is not None:
            value = attrs.get("content") or attrs.get("href") or attrs.get("datetime")
            if value is not None:
                parent["properties"].setdefault(prop, []).append(value)
            else:
                text_prop = [prop, ""]
        if tag in VOID_ELEMENTS:
            return
        self.stack.append((tag, item, text_prop))

    def handle_data(self, data):
        for _, _, text_prop in self.stack:
            if text_prop is not None:
                text_prop[1] += data

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, text_prop = self.stack.pop()
            if text_prop is not None:
                owner = self.current_item()
                owner["properties"].setdefault(text_prop[0], []).append(text_prop[1].strip())
            if open_tag == tag:
                break


def microdata_items(html):
    parser = MicrodataParser()
    parser.feed(html)
    return parser.items


def first_value(item, prop):
    return item["properties"][prop][0]
