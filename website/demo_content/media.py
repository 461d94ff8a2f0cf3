"""Images and the kit PDF for the demo site, drawn locally so no network is needed."""

import datetime
import io
import re

from fpdf import FPDF
from PIL import Image, ImageDraw

PDF_CREATION_DATE = datetime.datetime(2026, 2, 10, tzinfo=datetime.UTC)
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def abstract_artwork_png(palette, width=1600, height=900, seed=1):
    """A deterministic composition of circles and bands in the given colours."""
    background, *shapes = palette
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for index in range(14):
        colour = shapes[(index + seed) % len(shapes)]
        x = (index * 397 * seed) % width
        y = (index * 211 + seed * 89) % height
        radius = 80 + (index * 53 * seed) % 260
        if index % 3 == 0:
            draw.rectangle((x - radius, y - 30, x + radius * 2, y + 30), fill=colour)
        else:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def portrait_png(background, foreground, size=480):
    """A neutral silhouette used as placeholder portrait."""
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size * 0.3, size * 0.14, size * 0.7, size * 0.54), fill=foreground)
    draw.ellipse((size * 0.12, size * 0.58, size * 0.88, size * 1.3), fill=foreground)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def kit_pdf(markdown_text, title):
    """Typeset the starter-kit text (simple Markdown) as a tagged, German PDF."""
    pdf = FPDF(format="A4")
    # The built-in Helvetica covers Windows-1252, which has the bullet and German quotes.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_title(title)
    pdf.set_author("Open Innovation City Bielefeld")
    pdf.set_lang("de")
    pdf.set_creation_date(PDF_CREATION_DATE)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for raw_line in markdown_text.splitlines():
        line = MARKDOWN_LINK.sub(r"\1", raw_line.strip())
        if not line:
            pdf.ln(3)
        elif line.startswith("# "):
            pdf.set_font("Helvetica", "B", 22)
            pdf.multi_cell(0, 11, line[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, line[3:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith(("- ", "+ ")):
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, "\u2022 " + line[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("*") and line.endswith("*"):
            pdf.set_font("Helvetica", "I", 11)
            pdf.multi_cell(0, 6, line.strip("*"), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
