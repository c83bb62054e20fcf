"""Demo albums: two events of the Lâm Đồng association, each with photos drawn
by Pillow (a stage, the audience, a banner, the caption written in). An album
is created only if its slug is missing, so running the seed again changes
nothing and never overwrites what staff edited."""

import random
from datetime import date, datetime, time
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from lhh.demo import font
from lhh.models import Status

from .models import Album, Photo

ALBUMS = [
    {
        "slug": "dai-hoi-dai-bieu-lien-hiep-hoi-lam-dong-lan-thu-v",
        "title": "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ V",
        "event_on": date(2024, 6, 20),
        "description": (
            "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ V, "
            "nhiệm kỳ 2024 – 2029, diễn ra tại Hội trường Tỉnh ủy Lâm Đồng với sự tham dự của "
            "150 đại biểu chính thức, đại diện cho hơn 15.000 hội viên."
        ),
        "banner": "ĐẠI HỘI ĐẠI BIỂU LIÊN HIỆP HỘI LẦN THỨ V",
        "palette": ((150, 24, 28), (214, 64, 44)),
        "article_slugs": ["dai-hoi-dai-bieu-lien-hiep-hoi-lam-dong-lan-thu-v"],
        "captions": [
            "Toàn cảnh phiên khai mạc Đại hội tại Hội trường Tỉnh ủy Lâm Đồng",
            "Đoàn Chủ tịch điều hành phiên làm việc thứ nhất",
            "Đồng chí Phó Bí thư Tỉnh ủy phát biểu chỉ đạo Đại hội",
            "Đại biểu các hội thành viên theo dõi báo cáo chính trị",
            "Đại biểu biểu quyết thông qua chương trình làm việc",
            "Tham luận của Hội Nông nghiệp công nghệ cao Lâm Đồng",
            "Ban Chấp hành khóa V ra mắt Đại hội",
            "Tặng hoa chúc mừng Ban Chấp hành nhiệm kỳ 2024 – 2029",
            "Đại biểu chụp ảnh lưu niệm trước Hội trường",
            "Bế mạc Đại hội, thông qua Nghị quyết nhiệm kỳ mới",
        ],
    },
    {
        "slug": "trao-giai-hoi-thi-sang-tao-ky-thuat-tinh-lam-dong-lan-thu-xiii",
        "title": "Lễ tổng kết và trao giải Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XIII",
        "event_on": date(2024, 5, 15),
        "description": (
            "Lễ tổng kết và trao giải Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XIII "
            "(2023 – 2024): 42 giải pháp đoạt giải trong các lĩnh vực nông nghiệp, y tế, "
            "giáo dục, công nghệ thông tin và môi trường."
        ),
        "banner": "TRAO GIẢI HỘI THI SÁNG TẠO KỸ THUẬT LẦN THỨ XIII",
        "palette": ((11, 58, 110), (47, 127, 208)),
        "article_slugs": [
            "tong-ket-va-trao-giai-hoi-thi-sang-tao-ky-thuat-tinh-lam-dong-lan-thu-xiii"
        ],
        "captions": [
            "Quang cảnh Lễ tổng kết Hội thi Sáng tạo kỹ thuật lần thứ XIII",
            "Trưởng Ban Tổ chức công bố kết quả Hội thi",
            "Trao giải Nhất cho giải pháp tưới tiết kiệm nước cho cây cà phê",
            "Các tác giả đoạt giải Nhì nhận bằng khen",
            "Tác giả trẻ nhất Hội thi giới thiệu mô hình nhà kính thông minh",
            "Khách mời tham quan gian trưng bày các giải pháp đoạt giải",
            "Giải pháp máy sấy nông sản dùng năng lượng mặt trời",
            "Đại diện các đơn vị có nhiều giải pháp tham gia nhận giấy khen",
            "Các tác giả đoạt giải chụp ảnh lưu niệm cùng Ban Tổ chức",
        ],
    },
]

WIDTH, HEIGHT = 1200, 800


def _gradient(draw, top, bottom, box):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(x0, y), (x1, y)], fill=colour)


def _person(draw, x, y, scale, colour):
    head = 18 * scale
    draw.ellipse([x - head, y - 3 * head, x + head, y - head], fill=colour)
    draw.rounded_rectangle(
        [x - 1.7 * head, y - 0.8 * head, x + 1.7 * head, y + 3.2 * head],
        radius=int(head),
        fill=colour,
    )


def _wrap(draw, text, size, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font(size)) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


def scene(banner, caption, palette, index):
    """One photo of the event: a stage with its banner, people, the caption."""
    rng = random.Random(f"{banner}-{index}")
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    dark, light = palette
    # Hall: a warm wall above a darker floor.
    _gradient(draw, (236, 226, 206), (190, 172, 150), (0, 0, WIDTH, 470))
    _gradient(draw, (120, 96, 78), (70, 54, 44), (0, 470, WIDTH, HEIGHT))
    # Stage backdrop with the event's banner.
    _gradient(draw, light, dark, (110, 60, WIDTH - 110, 330))
    draw.rectangle([110, 60, WIDTH - 110, 330], outline=(242, 183, 5), width=6)
    lines = _wrap(draw, banner, 40, WIDTH - 300)
    y = 195 - 26 * len(lines)
    for line in lines:
        width = draw.textlength(line, font=font(40))
        draw.text(((WIDTH - width) / 2, y), line, font=font(40), fill=(255, 236, 150))
        y += 52
    draw.rectangle([80, 330, WIDTH - 80, 380], fill=(96, 62, 40))
    kind = index % 3
    if kind == 0:
        # Rows of the audience seen from behind.
        for row, (y0, scale) in enumerate([(560, 1.5), (650, 1.8), (750, 2.1)]):
            for n in range(9):
                x = 70 + n * 130 + (row % 2) * 60 + rng.randint(-12, 12)
                shade = 30 + rng.randint(0, 40)
                _person(draw, x, y0, scale, (shade, shade, shade + 10))
    elif kind == 1:
        # Speakers at the presidium table.
        draw.rectangle([200, 420, WIDTH - 200, 520], fill=(160, 28, 32))
        for n in range(5):
            _person(draw, 300 + n * 150, 430, 1.4, (40 + 10 * n, 44, 60))
        draw.rectangle([520, 360, 680, 520], fill=(120, 70, 40))
        for n in range(4):
            _person(draw, 140 + n * 300, 760, 2.2, (36, 36, 46))
    else:
        # Award: a handshake with a certificate, the others looking on.
        _person(draw, 480, 560, 2.4, (34, 40, 64))
        _person(draw, 720, 560, 2.4, (60, 36, 40))
        draw.rectangle([540, 520, 660, 600], fill=(255, 246, 214), outline=(200, 160, 40), width=4)
        for n in range(6):
            _person(draw, 90 + n * 205 + rng.randint(-10, 10), 760, 1.9, (26, 26, 34))
    # The caption on a dark band, as a photographer's print would carry it.
    lines = _wrap(draw, caption, 30, WIDTH - 60)
    band = 24 + 40 * len(lines)
    overlay = Image.new("RGBA", (WIDTH, band), (0, 0, 0, 150))
    image.paste(overlay, (0, HEIGHT - band), overlay)
    y = HEIGHT - band + 12
    for line in lines:
        draw.text((30, y), line, font=font(30), fill="white")
        y += 40
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _articles(slugs):
    """The demo articles of the news app, when it has them."""
    try:
        from news.models import Article
    except ImportError:
        return []
    return list(Article.objects.filter(slug__in=slugs))


def seed(log):
    for order, spec in enumerate(ALBUMS):
        if Album.objects.filter(slug=spec["slug"]).exists():
            continue
        published_at = timezone.make_aware(datetime.combine(spec["event_on"], time(17, 0)))
        album = Album.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            description=spec["description"],
            event_on=spec["event_on"],
            status=Status.PUBLISHED,
            published_at=published_at,
        )
        photos = []
        for index, caption in enumerate(spec["captions"], start=1):
            content = scene(spec["banner"], caption, spec["palette"], index + order)
            photos.append(
                Photo.objects.create(
                    album=album,
                    image=ContentFile(
                        content, name=f"{spec['slug'][:40].rstrip('-')}-{index:02d}.jpg"
                    ),
                    caption=caption,
                    order=index,
                    uploaded_at=published_at,
                )
            )
        album.cover = photos[0]
        album.save(update_fields=["cover"])
        log(f"Đã tạo album “{album.title}” ({len(photos)} ảnh).")
