"""Demo content: two issues of "Bản tin Trí thức với KH&CN" with a drawn
cover, a small generated PDF (documents.demo.make_pdf, whose text layer the
worker reads for search) and a table of contents linking demo articles.
Rows are created only if missing: running the seed again changes nothing."""

import datetime

from django.core.files.base import ContentFile

from core.demoimages import banner_image
from core.models import Status
from documents.demo import make_pdf
from news.models import Article

from .models import ContentsEntry, Issue, Series

SERIES = "Bản tin Trí thức với KH&CN"

# number, year, issued on, topic, summary, cover colours, PDF lines,
# contents as (title, page, slug of a demo article or None)
ISSUES = [
    (
        3,
        2026,
        datetime.date(2026, 9, 15),
        "Khoa học và công nghệ phục vụ nông nghiệp công nghệ cao",
        "Số bản tin quý III giới thiệu các mô hình ứng dụng khoa học và công nghệ trong "
        "sản xuất nông nghiệp và hoạt động của các hội thành viên.",
        ((20, 90, 50), (90, 170, 90)),
        [
            "Nong nghiep cong nghe cao: mo hinh nha kinh thong minh tai Don Duong.",
            "Hoi thao khoa hoc ve giong rau hoa chat luong cao.",
            "Tu van, phan bien va giam dinh xa hoi nam 2026.",
            "Guong tri thuc tieu bieu cua tinh.",
        ],
        [
            (
                "Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017",
                2,
                "hoi-nghi-giao-ban-toan-quoc-lien-hiep-hoi-viet-nam-2017",
            ),
            ("Nhà kính thông minh cho nông dân Đơn Dương", 5, None),
            ("Tư vấn, phản biện và giám định xã hội năm 2026", 9, None),
            ("Gương trí thức tiêu biểu", 14, None),
        ],
    ),
    (
        4,
        2026,
        datetime.date(2026, 11, 20),
        "Chuyển đổi số trong các hội khoa học và kỹ thuật",
        "Số cuối năm về chuyển đổi số, Hội thi Sáng tạo Kỹ thuật và các sự kiện "
        "khoa học nổi bật của năm 2026.",
        ((11, 58, 110), (47, 127, 208)),
        [
            "Chuyen doi so trong cac hoi khoa hoc va ky thuat thanh vien.",
            "Hoi thi Sang tao Ky thuat tinh: the le va ket qua vong so khao.",
            "Ung dung tri tue nhan tao trong quan ly tai nguyen rung.",
            "Diem tin hoat dong cua Lien hiep Hoi nam 2026.",
        ],
        [
            ("Chuyển đổi số trong các hội thành viên", 2, None),
            ("Hội thi Sáng tạo Kỹ thuật: thể lệ và kết quả sơ khảo", 6, None),
            ("Trí tuệ nhân tạo trong quản lý tài nguyên rừng", 10, None),
            ("Điểm tin hoạt động", 15, "__newest__"),
        ],
    ),
]


def _article(slug):
    articles = Article.objects.published().select_related("category")
    if slug == "__newest__":
        return articles.exclude(category__is_notice=True).first()
    return articles.filter(slug=slug).first() if slug else None


def seed(log):
    series, _ = Series.objects.get_or_create(name=SERIES)
    for number, year, issued_on, topic, summary, colours, lines, contents in ISSUES:
        if Issue.objects.filter(series=series, year=year, number=number).exists():
            continue
        issue = Issue(
            series=series,
            number=number,
            year=year,
            issued_on=issued_on,
            title=topic,
            summary=summary,
            status=Status.PUBLISHED,
            published_at=datetime.datetime.combine(
                issued_on, datetime.time(8), tzinfo=datetime.UTC
            ),
        )
        # Assigned, not .save(save=False)-d: only assignment fills the stored width/height.
        issue.cover = ContentFile(
            banner_image(f"{SERIES} – Số {number}/{year}", colours, size=(420, 594)),
            name="bia.png",
        )
        issue.pdf = ContentFile(
            make_pdf(lines, f"Ban tin Tri thuc voi KH&CN so {number}/{year}"),
            name=f"ban-tin-so-{number}-{year}.pdf",
        )
        issue.save()
        for order, (title, page, slug) in enumerate(contents, start=1):
            ContentsEntry.objects.create(
                issue=issue, title=title, page=page, article=_article(slug), order=order
            )
        log(f"Đã tạo {issue}.")
