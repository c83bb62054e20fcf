"""Pictures for the demo content and the benchmark: gradient banners with a
title drawn in, in a font with Vietnamese letters when the system has one."""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def font(size):
    for path in FONT_PATHS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def banner_image(text, colours, size=(540, 200)):
    """A simple gradient banner with its title drawn in."""
    image = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(image)
    width, height = size
    for x in range(width):
        t = x / width
        colour = tuple(int(a + (b - a) * t) for a, b in zip(colours[0], colours[1], strict=True))
        draw.line([(x, 0), (x, height)], fill=colour)
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font(34)) > width - 40 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    y = (height - 44 * len(lines)) // 2
    for line in lines:
        draw.text((20, y), line, font=font(34), fill="white")
        y += 44
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
