"""Demo content of the site itself: the Lâm Đồng association's profile, the
THÔNG TIN CHÍNH pages with the English text of the four introduction pages,
the leaders and contact officials, the LIÊN KẾT links of the reference page
and two QUẢNG CÁO banners. Every row is created only if missing, and English
text is only filled in where there is none, so running the seed again
changes nothing and never overwrites what staff edited."""

from django.core.files.base import ContentFile

from core.demoimages import banner_image, portrait_image
from core.models import Status
from search.index import index_object

from .models import Banner, ContactList, ContactPoint, Link, Page, SiteProfile
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

PROFILE_EN = {
    "name_en": "Lam Dong Union of Science and Technology Associations",
    "parent_body_en": "Vietnam Union of Science and Technology Associations",
    "address_en": "35 Tran Hung Dao Street, Ward 10, Da Lat City, Lam Dong Province, Vietnam",
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
<p>Giúp việc cho Thường trực có Văn phòng và ba ban chuyên môn: Ban Tổ chức – Thi đua,
Ban Khoa học – Tư vấn, phản biện và Ban Phổ biến kiến thức. Lãnh đạo, các đơn vị và người
phụ trách được nêu dưới đây.</p>
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

# The English text of the four introduction pages (NĐ 42/2022 Điều 7):
# (English slug, title, summary, body) by the page's slug.
ENGLISH = {
    "gioi-thieu-chung": (
        "about-us",
        "About us",
        "The Lam Dong Union of Science and Technology Associations brings together the "
        "province's scientists, engineers and their associations.",
        """
<p>The Lam Dong Union of Science and Technology Associations (the Union) was founded in 1994.
It is the socio-political organisation of the scientists and engineers of Lam Dong Province,
works under the Charter of the Vietnam Union of Science and Technology Associations and under
the leadership of the Provincial Party Committee.</p>
<p>Over four congresses and more than 23 years, the Union has gathered over 40 member
organisations with more than 15,000 members, 26.4% of the province's intellectuals.</p>
<h2>What we aim for</h2>
<ul>
<li>To unite the province's scientists and engineers and support their creative work.</li>
<li>To advise on, review and assess the province's socio-economic programmes and projects.</li>
<li>To popularise science and technology and honour outstanding scientists.</li>
</ul>
""",
    ),
    "co-cau-to-chuc": (
        "structure",
        "Organisational structure",
        "The Congress, the Executive Committee, the Standing Committee, the Office and the "
        "departments of the Union.",
        """
<p>The Union's highest body is the Congress of Delegates, held every five years. Between two
congresses the Executive Committee leads all activities; the Standing Board and the Standing
Committee run the daily work.</p>
<p>The Standing Committee is assisted by the Office and three departments: Organisation and
Emulation; Science, Consultancy and Social Review; and Knowledge Dissemination. The leaders,
the units and the people in charge are listed below.</p>
""",
    ),
    "chuc-nang-nhiem-vu": (
        "functions",
        "Functions and tasks",
        "The functions and tasks of the Union, as set by the Lam Dong Provincial People's "
        "Committee.",
        """
<h2>Functions</h2>
<p>The Union unites, coordinates and harmonises the work of its member associations; it
gives advice, social review and assessment; and it popularises science and technology.</p>
<h2>Tasks</h2>
<ol>
<li>To gather and unite the scientists and engineers of the province.</li>
<li>To advise on, review and assess the policies, programmes and projects for the province's
socio-economic development.</li>
<li>To organise the Lam Dong Technical Innovation Contest and the Youth and Children's
Creativity Contest.</li>
<li>To popularise science and technology and bring technical advances into production and
daily life.</li>
<li>To guide and support member associations in working within the law.</li>
</ol>
""",
    ),
    "lien-he": (
        "contact",
        "Contact",
        "The address, phone and email of the Union's Office, and the officials to contact.",
        """
<p><strong>Office of the Lam Dong Union of Science and Technology Associations</strong></p>
<p>Address: 35 Tran Hung Dao Street, Ward 10, Da Lat City, Lam Dong Province, Vietnam</p>
<p>Phone: +84 263 3822 466</p>
<p>Email: <a href="mailto:lienhiephoi@lamdong.gov.vn">lienhiephoi@lamdong.gov.vn</a></p>
<p>Office hours: 7:30–11:30 and 13:30–17:00, Monday to Friday (Vietnam time, UTC+7).</p>
""",
    ),
}

# What each page shows of the contact points below.
CONTACT_LISTS = {"co-cau-to-chuc": ContactList.LEADERS, "lien-he": ContactList.OFFICIALS}

# Leaders and contact officials (NĐ 42/2022 Điều 4): name, role, title,
# unit, phone, email, English title and unit, initials for a stand-in portrait
# (None: no photo).
CONTACTS = [
    ("TS. Phạm Thị Lan", ContactPoint.Role.LEADER, "Chủ tịch", "Thường trực Liên hiệp Hội",
     "0263 3822 468", "chutich@lhhlamdong.vn", "Chairwoman", "Standing Committee", "PL"),
    ("Ông Nguyễn Văn Hòa", ContactPoint.Role.LEADER, "Phó Chủ tịch kiêm Tổng Thư ký",
     "Thường trực Liên hiệp Hội", "0263 3822 469", "tongthuky@lhhlamdong.vn",
     "Vice Chairman and Secretary General", "Standing Committee", "NH"),
    ("ThS. Trần Đức Minh", ContactPoint.Role.LEADER, "Phó Chủ tịch", "Thường trực Liên hiệp Hội",
     "0263 3822 470", "phochutich@lhhlamdong.vn", "Vice Chairman", "Standing Committee", "TM"),
    ("Bà Lê Thị Thu Hà", ContactPoint.Role.OFFICIAL, "Chánh Văn phòng", "Văn phòng",
     "0263 3822 466", "vanphong@lhhlamdong.vn", "Head of Office", "Office", "LH"),
    ("Bà Nguyễn Thị Hồng Nhung", ContactPoint.Role.OFFICIAL,
     "Chuyên viên, phụ trách trang thông tin điện tử", "Văn phòng", "0263 3822 471",
     "trangtin@lhhlamdong.vn", "Website editor", "Office", None),
    ("Bà Đặng Ngọc Mai", ContactPoint.Role.OFFICIAL, "Trưởng ban", "Ban Tổ chức – Thi đua",
     "0263 3822 472", "tochuc@lhhlamdong.vn", "Head of Department",
     "Organisation and Emulation Department", None),
    ("Ông Võ Minh Tuấn", ContactPoint.Role.OFFICIAL, "Trưởng ban",
     "Ban Khoa học – Tư vấn, phản biện", "0263 3822 473", "tuvan@lhhlamdong.vn",
     "Head of Department", "Science, Consultancy and Social Review Department", None),
    ("Ông Hoàng Văn Sơn", ContactPoint.Role.OFFICIAL, "Trưởng ban", "Ban Phổ biến kiến thức",
     "0263 3822 474", "phobien@lhhlamdong.vn", "Head of Department",
     "Knowledge Dissemination Department", None),
]  # fmt: skip

PORTRAIT_COLOURS = ((230, 238, 247), (190, 208, 230))

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
        SiteProfile(pk=1, **PROFILE, **PROFILE_EN).save()
        log("Đã tạo thông tin đơn vị.")
    else:
        profile = SiteProfile.objects.get(pk=1)
        missing = {name: value for name, value in PROFILE_EN.items() if not getattr(profile, name)}
        if missing:
            SiteProfile.objects.filter(pk=1).update(**missing)
            log("Đã thêm tên và địa chỉ tiếng Anh của đơn vị.")

    for order, (slug, title, summary, body) in enumerate(PAGES, start=1):
        page, created = Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "summary": summary,
                "body": body.strip(),
                "order": order,
                "status": Status.PUBLISHED,
                "contact_list": CONTACT_LISTS.get(slug, ContactList.NONE),
            },
        )
        if created:
            log(f"Đã tạo trang “{title}”.")
        if slug in ENGLISH and not page.title_en:
            slug_en, title_en, summary_en, body_en = ENGLISH[slug]
            page.slug_en, page.title_en = slug_en, title_en
            page.summary_en, page.body_en = summary_en, body_en.strip()
            page.save()
            log(f"Đã thêm bản tiếng Anh của trang “{title}”.")

    seed_contacts(log)

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


def seed_contacts(log):
    if ContactPoint.objects.exists():
        return
    for order, row in enumerate(CONTACTS, start=1):
        name, role, title, unit, phone, email, title_en, unit_en, initials = row
        person = ContactPoint(
            name=name, role=role, title=title, unit=unit, phone=phone, email=email,
            title_en=title_en, unit_en=unit_en, order=order,
        )  # fmt: skip
        if initials:
            person.photo = ContentFile(
                portrait_image(initials, PORTRAIT_COLOURS), name=f"{initials.lower()}.jpg"
            )
        person.save()
    log(f"Đã tạo {len(CONTACTS)} lãnh đạo và cán bộ đầu mối liên hệ.")
