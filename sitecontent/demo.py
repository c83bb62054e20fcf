"""Demo content of the site itself: the Lâm Đồng association's profile, the
THÔNG TIN CHÍNH pages, the LIÊN KẾT links of the reference page and two
QUẢNG CÁO banners. Every row is created only if missing, so running the
seed again changes nothing and never overwrites what staff edited."""

from django.core.files.base import ContentFile

from core.demoimages import banner_image
from core.models import Status
from search.index import index_object

from .models import Banner, Link, Page, SiteProfile
from .privacy import (
    PRIVACY_NOTICE_BODY,
    PRIVACY_NOTICE_SLUG,
    PRIVACY_NOTICE_SUMMARY,
    PRIVACY_NOTICE_TITLE,
)

PROFILE = {
    "name": "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
    "short_name": "Liên hiệp Hội Lâm Đồng",
    "parent_body": "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    "welcome_message": (
        "Chào mừng bạn đến với trang thông tin điện tử của Liên hiệp các Hội "
        "Khoa học và Kỹ thuật tỉnh Lâm Đồng!"
    ),
    "address": "Số 35 Trần Hưng Đạo, Phường 10, Thành phố Đà Lạt, tỉnh Lâm Đồng",
    "phone": "0263 3822 466",
    "email": "lienhiephoi@lamdong.gov.vn",
    "responsible_person": "Ông Nguyễn Văn Hòa – Phó Chủ tịch kiêm Tổng Thư ký",
    "licence": (
        "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 05/GP-STTTT "
        "do Sở Thông tin và Truyền thông tỉnh Lâm Đồng cấp."
    ),
    "staff_emails": "vanphong@lhhlamdong.vn",
    "visit_base": 538980,
}

PAGES = [
    (
        "gioi-thieu-chung",
        "Giới thiệu chung",
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng – tổ chức chính trị - "
        "xã hội của đội ngũ trí thức khoa học và công nghệ trên địa bàn tỉnh.",
        """
<p>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng (Liên hiệp Hội) được thành lập
năm 1994, là tổ chức chính trị - xã hội của đội ngũ trí thức khoa học và công nghệ,
hoạt động theo Điều lệ của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam và dưới sự
lãnh đạo của Tỉnh ủy Lâm Đồng.</p>
<p>Trải qua 4 kỳ đại hội với hơn 23 năm hoạt động, Liên hiệp Hội đã tập hợp được hơn
40 tổ chức thành viên với trên 15.000 hội viên, chiếm 26,4% trí thức của tỉnh, trở thành
nơi tập hợp, đoàn kết đông đảo đội ngũ trí thức trên địa bàn và khu vực.</p>
<h2>Mục tiêu hoạt động</h2>
<ul>
<li>Tập hợp, đoàn kết và phát huy sức sáng tạo của đội ngũ trí thức khoa học và công nghệ.</li>
<li>Tư vấn, phản biện và giám định xã hội các chương trình, đề án phát triển kinh tế - xã hội của tỉnh.</li>
<li>Phổ biến kiến thức khoa học, công nghệ và tôn vinh trí thức tiêu biểu.</li>
</ul>
""",
    ),
    (
        "co-cau-to-chuc",
        "Cơ cấu tổ chức",
        "Ban Chấp hành, Ban Thường vụ, Thường trực và các ban chuyên môn của Liên hiệp Hội.",
        """
<p>Cơ quan lãnh đạo cao nhất của Liên hiệp Hội là Đại hội đại biểu, họp 5 năm một lần.
Giữa hai kỳ đại hội, Ban Chấp hành lãnh đạo mọi hoạt động; Ban Thường vụ và Thường trực
điều hành công việc hằng ngày.</p>
<h2>Cơ quan thường trực</h2>
<table>
<thead><tr><th>Chức vụ</th><th>Họ và tên</th></tr></thead>
<tbody>
<tr><td>Chủ tịch</td><td>TS. Phạm Thị Lan</td></tr>
<tr><td>Phó Chủ tịch kiêm Tổng Thư ký</td><td>Ông Nguyễn Văn Hòa</td></tr>
<tr><td>Phó Chủ tịch</td><td>ThS. Trần Đức Minh</td></tr>
</tbody>
</table>
<h2>Các ban chuyên môn</h2>
<ul>
<li>Văn phòng</li>
<li>Ban Tổ chức – Thi đua</li>
<li>Ban Khoa học – Tư vấn, phản biện</li>
<li>Ban Phổ biến kiến thức</li>
</ul>
""",
    ),
    (
        "chuc-nang-nhiem-vu",
        "Chức năng nhiệm vụ",
        "Chức năng, nhiệm vụ của Liên hiệp Hội theo Quyết định của UBND tỉnh Lâm Đồng.",
        """
<h2>Chức năng</h2>
<p>Liên hiệp Hội có chức năng tập hợp, đoàn kết, điều hòa, phối hợp hoạt động của các hội
thành viên; tư vấn, phản biện, giám định xã hội; phổ biến kiến thức khoa học và công nghệ.</p>
<h2>Nhiệm vụ</h2>
<ol>
<li>Tập hợp, đoàn kết đội ngũ trí thức khoa học và công nghệ trên địa bàn tỉnh.</li>
<li>Tham gia tư vấn, phản biện và giám định xã hội đối với các chủ trương, chính sách,
chương trình, đề án phát triển kinh tế - xã hội của tỉnh.</li>
<li>Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng và Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng.</li>
<li>Phổ biến kiến thức khoa học và công nghệ, ứng dụng tiến bộ kỹ thuật vào sản xuất và đời sống.</li>
<li>Hướng dẫn, hỗ trợ các hội thành viên hoạt động theo đúng quy định của pháp luật.</li>
</ol>
""",
    ),
    (
        "dieu-le",
        "Điều lệ",
        "Điều lệ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng.",
        """
<p>Điều lệ Liên hiệp Hội được Đại hội đại biểu thông qua và được Ủy ban nhân dân tỉnh
Lâm Đồng phê duyệt.</p>
<h2>Chương I – Những quy định chung</h2>
<p><strong>Điều 1.</strong> Tên gọi: Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng,
viết tắt là Liên hiệp Hội Lâm Đồng.</p>
<p><strong>Điều 2.</strong> Liên hiệp Hội là tổ chức chính trị - xã hội của đội ngũ trí thức
khoa học và công nghệ, hoạt động tự nguyện, tự quản, tự trang trải kinh phí.</p>
<h2>Chương II – Hội viên</h2>
<p><strong>Điều 5.</strong> Các hội khoa học và kỹ thuật, tổ chức khoa học và công nghệ hoạt
động trên địa bàn tỉnh tán thành Điều lệ đều có thể gia nhập Liên hiệp Hội.</p>
""",
    ),
    (
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại và thư điện tử của Văn phòng Liên hiệp Hội.",
        """
<p><strong>Văn phòng Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng</strong></p>
<p>Địa chỉ: Số 35 Trần Hưng Đạo, Phường 10, Thành phố Đà Lạt, tỉnh Lâm Đồng</p>
<p>Điện thoại: 0263 3822 466</p>
<p>Thư điện tử: <a href="mailto:lienhiephoi@lamdong.gov.vn">lienhiephoi@lamdong.gov.vn</a></p>
<p>Giờ làm việc: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu.</p>
<p>Bạn đọc có câu hỏi xin gửi qua mục <a href="/hoi-dap/dat-cau-hoi/">Hỏi và đáp</a>.</p>
""",
    ),
]

LINKS = [
    ("Liên hiệp hội Việt Nam", "https://vusta.vn/"),
    ("UBND tỉnh Lâm Đồng", "https://lamdong.gov.vn/"),
    ("Sở KHCN Lâm Đồng", "https://sokhcn.lamdong.gov.vn/"),
    ("Tỉnh đoàn Lâm Đồng", "https://tinhdoanlamdong.org.vn/"),
    ("Sở tư pháp Lâm Đồng", "https://sotp.lamdong.gov.vn/"),
]

BANNERS = [
    (
        "Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng",
        "https://lamdong.gov.vn/",
        "banner-hoi-thi-sang-tao.png",
        ((19, 94, 168), (47, 127, 208)),
    ),
    (
        "Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam",
        "https://vusta.vn/",
        "banner-giai-thuong-vifotec.png",
        ((179, 38, 30), (242, 183, 5)),
    ),
]


def seed(log):
    if not SiteProfile.objects.filter(pk=1).exists():
        SiteProfile(pk=1, **PROFILE).save()
        log("Đã tạo thông tin đơn vị.")

    for order, (slug, title, summary, body) in enumerate(PAGES, start=1):
        _, created = Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": body.strip(),
                "order": order,
                "status": Status.PUBLISHED,
            },
        )
        if created:
            log(f"Đã tạo trang “{title}”.")

    # Normally there already, made by a migration; linked from the footer,
    # so not in the THÔNG TIN CHÍNH menu.
    notice, created = Page.objects.get_or_create(
        slug=PRIVACY_NOTICE_SLUG,
        defaults={
            "title": PRIVACY_NOTICE_TITLE,
            "summary": PRIVACY_NOTICE_SUMMARY,
            "body": PRIVACY_NOTICE_BODY.strip(),
            "order": len(PAGES) + 1,
            "is_in_menu": False,
            "status": Status.PUBLISHED,
        },
    )
    if created:
        log(f"Đã tạo trang “{PRIVACY_NOTICE_TITLE}”.")
    else:
        # Made by the migration, which indexes nothing: indexed as a save
        # would, without saving (its version is the time it was saved).
        index_object(notice)

    for order, (title, url) in enumerate(LINKS, start=1):
        Link.objects.get_or_create(title=title, defaults={"url": url, "order": order})

    for order, (title, url, filename, colours) in enumerate(BANNERS, start=1):
        if Banner.objects.filter(title=title).exists():
            continue
        banner = Banner(title=title, url=url, order=order)
        # Assigned, not .save(save=False)-d: only assignment fills the stored width/height.
        banner.image = ContentFile(banner_image(title, colours), name=filename)
        banner.save()
        log(f"Đã tạo quảng cáo “{title}”.")
