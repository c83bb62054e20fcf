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

from core.demoimages import font
from core.models import Status
from news.models import Article

from .models import Album, Photo

ALBUMS = [
    {
        "slug": "dai-hoi-dai-bieu-lien-hiep-hoi-lam-dong-lan-thu-v",
        "file_stem": "dai-hoi-v",
        "title": "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ V",
        "event_on": date(2022, 10, 20),
        "description": (
            "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ V, "
            "nhiệm kỳ 2022 – 2027, bầu Ban Chấp hành gồm 35 ủy viên, thông qua phương hướng "
            "hoạt động nhiệm kỳ mới và Điều lệ sửa đổi của Liên hiệp Hội."
        ),
        "banner": "ĐẠI HỘI ĐẠI BIỂU LIÊN HIỆP HỘI LẦN THỨ V – NHIỆM KỲ 2022 – 2027",
        "palette": ((150, 24, 28), (214, 64, 44)),
        # The news app's demo article about the same event.
        "article_slug": (
            "dai-hoi-dai-bieu-lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-lam-dong-lan-thu-v-"
            "nhiem-ky-2022-2027"
        ),
        "captions": [
            "Toàn cảnh phiên khai mạc Đại hội",
            "Đoàn Chủ tịch điều hành phiên làm việc thứ nhất",
            "Lãnh đạo Tỉnh ủy phát biểu chỉ đạo Đại hội",
            "Đại biểu các hội thành viên theo dõi báo cáo chính trị",
            "Đại biểu biểu quyết thông qua Điều lệ sửa đổi",
            "Tham luận của Hội Nông nghiệp công nghệ cao Lâm Đồng",
            "Ban Chấp hành khóa V gồm 35 ủy viên ra mắt Đại hội",
            "Tặng hoa chúc mừng Ban Chấp hành nhiệm kỳ 2022 – 2027",
            "Đại biểu chụp ảnh lưu niệm trước hội trường",
            "Bế mạc Đại hội, thông qua Nghị quyết nhiệm kỳ mới",
        ],
    },
    {
        "slug": "trao-giai-cuoc-thi-sang-tao-thanh-thieu-nien-nhi-dong-lam-dong-2026",
        "file_stem": "sang-tao-thanh-thieu-nien-2026",
        "title": "Lễ trao giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng tỉnh Lâm Đồng năm 2026",
        "event_on": date(2026, 6, 5),
        "description": (
            "Cuộc thi năm nay nhận 215 sản phẩm từ 12 huyện, thành phố; 42 mô hình, sản phẩm "
            "của học sinh đạt giải, trong đó 6 sản phẩm được chọn dự thi toàn quốc."
        ),
        "banner": "TRAO GIẢI CUỘC THI SÁNG TẠO THANH THIẾU NIÊN, NHI ĐỒNG NĂM 2026",
        "palette": ((11, 58, 110), (47, 127, 208)),
        "article_slug": "trao-giai-cuoc-thi-sang-tao-thanh-thieu-nien-nhi-dong-tinh-lam-dong-nam-2026",
        "captions": [
            "Quang cảnh Lễ trao giải tại Hội trường Liên hiệp Hội",
            "Trưởng Ban Tổ chức công bố kết quả Cuộc thi",
            "Trao giải Nhất cho mô hình máy sấy cà phê dùng năng lượng mặt trời",
            "Các em học sinh đoạt giải Nhì nhận bằng khen",
            "Nhóm tác giả giới thiệu hệ thống cảnh báo sạt lở đất vùng đồi dốc",
            "Khách mời tham quan gian trưng bày sản phẩm dự thi",
            "Sáu sản phẩm được chọn dự thi toàn quốc",
            "Giáo viên hướng dẫn nhận giấy khen của Ban Tổ chức",
            "Các tác giả đoạt giải chụp ảnh lưu niệm cùng Ban Tổ chức",
        ],
    },
]

# 4:3, the shape of the grid cards, so their crop keeps the drawn caption.
WIDTH, HEIGHT = 1200, 900


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
    _gradient(draw, (236, 226, 206), (190, 172, 150), (0, 0, WIDTH, 500))
    _gradient(draw, (120, 96, 78), (70, 54, 44), (0, 500, WIDTH, HEIGHT))
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
        for row, (y0, scale) in enumerate([(600, 1.5), (700, 1.8), (810, 2.1)]):
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
            _person(draw, 140 + n * 300, 820, 2.2, (36, 36, 46))
    else:
        # Award: a handshake with a certificate, the others looking on.
        _person(draw, 480, 600, 2.4, (34, 40, 64))
        _person(draw, 720, 600, 2.4, (60, 36, 40))
        draw.rectangle([540, 560, 660, 640], fill=(255, 246, 214), outline=(200, 160, 40), width=4)
        for n in range(6):
            _person(draw, 90 + n * 205 + rng.randint(-10, 10), 820, 1.9, (26, 26, 34))
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


def _article(slug):
    """The news app's demo article, if the news demo created it."""
    return Article.objects.filter(slug=slug).first()


def seed(log):
    for order, spec in enumerate(ALBUMS):
        album = Album.objects.filter(slug=spec["slug"]).first()
        if album is not None:
            # Link a demo album made before the news demo, never replace a link.
            if album.article_id is None and (article := _article(spec["article_slug"])):
                album.article = article
                album.save(update_fields=["article"])
            continue
        published_at = timezone.make_aware(datetime.combine(spec["event_on"], time(17, 0)))
        album = Album.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            description=spec["description"],
            event_on=spec["event_on"],
            article=_article(spec["article_slug"]),
            status=Status.PUBLISHED,
            published_at=published_at,
        )
        photos = []
        for index, caption in enumerate(spec["captions"], start=1):
            content = scene(spec["banner"], caption, spec["palette"], index + order)
            photos.append(
                Photo.objects.create(
                    album=album,
                    image=ContentFile(content, name=f"{spec['file_stem']}-{index:02d}.jpg"),
                    caption=caption,
                    order=index,
                    uploaded_at=published_at,
                )
            )
        album.cover = photos[0]
        album.save(update_fields=["cover"])
        log(f"Đã tạo album “{album.title}” ({len(photos)} ảnh).")
