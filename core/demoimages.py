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


def portrait_image(initials, colours, size=(300, 400)):
    """A stand-in portrait (3:4): a light gradient, a head-and-shoulders
    silhouette, and the person's initials on the chest."""
    width, height = size
    image = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(colours[0], colours[1], strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    figure = (70, 90, 120)
    draw.ellipse([width * 0.3, height * 0.14, width * 0.7, height * 0.47], fill=figure)
    draw.rounded_rectangle(
        [width * 0.1, height * 0.52, width * 0.9, height * 1.1], radius=width // 4, fill=figure
    )
    face = font(56)
    text_width = draw.textlength(initials, font=face)
    draw.text(((width - text_width) / 2, height * 0.68), initials, font=face, fill="white")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
