"""Demo member directory of the Lâm Đồng association: the three groups of the
reference page's TỔ CHỨC THÀNH VIÊN tree, nine fields of activity and 42
organizations whose member counts add up to the reference's "hơn 40 tổ chức
thành viên với trên 15.000 người". Names of people, numbers and contacts are
invented, and every description says so ("Dữ liệu mẫu").

Rows are looked up by slug and created only if missing, so running the seed
again changes nothing and never overwrites what staff edited."""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from core.demoimages import font
from core.text import vn_slugify

from .models import Field, Organization, OrganizationGroup

GROUPS = [
    (
        "hoi-thanh-vien",
        "Hội thành viên",
        "Các hội khoa học và kỹ thuật chuyên ngành cấp tỉnh, tập hợp trí thức theo "
        "lĩnh vực nghề nghiệp: y dược, nông nghiệp, kỹ thuật, giáo dục, khoa học xã hội…",
    ),
    (
        "to-chuc-kh-cn",
        "Tổ chức KH&CN",
        "Tổ chức Khoa học và Công nghệ: các viện, trung tâm nghiên cứu và ứng dụng "
        "khoa học – công nghệ do Liên hiệp Hội thành lập hoặc kết nạp.",
    ),
    (
        "to-chuc-truc-thuoc-lhh",
        "Tổ chức trực thuộc LHH",
        "Các đơn vị trực thuộc Liên hiệp Hội: tư vấn, chuyển giao công nghệ, phổ biến "
        "kiến thức và thông tin khoa học.",
    ),
]

FIELDS = [
    ("y-te-duoc", "Y tế – Dược"),
    ("nong-lam-nghiep", "Nông – Lâm nghiệp"),
    ("ky-thuat-xay-dung", "Kỹ thuật – Xây dựng"),
    ("cong-nghe-thong-tin", "Công nghệ thông tin"),
    ("khoa-hoc-xa-hoi-nhan-van", "Khoa học xã hội và nhân văn"),
    ("giao-duc-dao-tao", "Giáo dục – Đào tạo"),
    ("kinh-te-phap-luat", "Kinh tế – Pháp luật"),
    ("tai-nguyen-moi-truong", "Tài nguyên – Môi trường"),
    ("chuyen-giao-cong-nghe", "Chuyển giao công nghệ"),
]

# (group slug, name, abbreviation, field slugs, leader title, leader name,
#  member count, founded year) — in the order the tree lists them.
ORGANIZATIONS = [
    (
        "hoi-thanh-vien",
        "Hội Y học tỉnh Lâm Đồng",
        "HYH",
        ["y-te-duoc"],
        "Chủ tịch",
        "BSCKII. Nguyễn Thị Thu Hà",
        1850,
        1996,
    ),
    (
        "hoi-thanh-vien",
        "Hội Dược học tỉnh Lâm Đồng",
        "HDH",
        ["y-te-duoc"],
        "Chủ tịch",
        "DS.CKII. Trần Văn Lộc",
        620,
        1998,
    ),
    (
        "hoi-thanh-vien",
        "Hội Đông y tỉnh Lâm Đồng",
        "HĐY",
        ["y-te-duoc"],
        "Chủ tịch",
        "Lương y Phạm Văn Tâm",
        1240,
        1995,
    ),
    (
        "hoi-thanh-vien",
        "Hội Châm cứu tỉnh Lâm Đồng",
        "HCC",
        ["y-te-duoc"],
        "Chủ tịch",
        "BSCKI. Lê Thị Mai",
        380,
        2002,
    ),
    (
        "hoi-thanh-vien",
        "Hội Điều dưỡng tỉnh Lâm Đồng",
        "HĐD",
        ["y-te-duoc"],
        "Chủ tịch",
        "CNĐD. Võ Thị Hồng",
        980,
        2004,
    ),
    (
        "hoi-thanh-vien",
        "Hội Răng Hàm Mặt tỉnh Lâm Đồng",
        "HRHM",
        ["y-te-duoc"],
        "Chủ tịch",
        "BSCKII. Đặng Quốc Huy",
        140,
        2010,
    ),
    (
        "hoi-thanh-vien",
        "Hội Y tế công cộng tỉnh Lâm Đồng",
        "HYTCC",
        ["y-te-duoc"],
        "Chủ tịch",
        "TS.BS. Hoàng Minh Đức",
        310,
        2008,
    ),
    (
        "hoi-thanh-vien",
        "Hội Kế hoạch hóa gia đình tỉnh Lâm Đồng",
        "HKHHGĐ",
        ["y-te-duoc", "khoa-hoc-xa-hoi-nhan-van"],
        "Chủ tịch",
        "BS. Ngô Thị Lan",
        650,
        2000,
    ),
    (
        "hoi-thanh-vien",
        "Hội Làm vườn tỉnh Lâm Đồng",
        "HLV",
        ["nong-lam-nghiep"],
        "Chủ tịch",
        "KS. Nguyễn Văn Bình",
        1650,
        1997,
    ),
    (
        "hoi-thanh-vien",
        "Hội Nông nghiệp công nghệ cao tỉnh Lâm Đồng",
        "HNNCNC",
        ["nong-lam-nghiep", "chuyen-giao-cong-nghe"],
        "Chủ tịch",
        "TS. Lê Văn Phúc",
        420,
        2012,
    ),
    (
        "hoi-thanh-vien",
        "Hiệp hội Hoa Đà Lạt",
        "DFA",
        ["nong-lam-nghiep"],
        "Chủ tịch",
        "KS. Trần Thị Ngọc Ánh",
        120,
        2013,
    ),
    (
        "hoi-thanh-vien",
        "Hiệp hội Chè Lâm Đồng",
        "HHC",
        ["nong-lam-nghiep", "kinh-te-phap-luat"],
        "Chủ tịch",
        "Ông Phan Văn Thành",
        85,
        2006,
    ),
    (
        "hoi-thanh-vien",
        "Hội Sinh vật cảnh tỉnh Lâm Đồng",
        "HSVC",
        ["nong-lam-nghiep", "tai-nguyen-moi-truong"],
        "Chủ tịch",
        "Ông Huỳnh Văn Sáu",
        760,
        1999,
    ),
    (
        "hoi-thanh-vien",
        "Hội Chăn nuôi – Thú y tỉnh Lâm Đồng",
        "HCNTY",
        ["nong-lam-nghiep"],
        "Chủ tịch",
        "BSTY. Đoàn Văn Hải",
        210,
        2005,
    ),
    (
        "hoi-thanh-vien",
        "Hội Khoa học Kỹ thuật Lâm nghiệp tỉnh Lâm Đồng",
        "HLN",
        ["nong-lam-nghiep", "tai-nguyen-moi-truong"],
        "Chủ tịch",
        "ThS. Bùi Thanh Sơn",
        290,
        2001,
    ),
    (
        "hoi-thanh-vien",
        "Hội Kỹ sư xây dựng tỉnh Lâm Đồng",
        "HKSXD",
        ["ky-thuat-xay-dung"],
        "Chủ tịch",
        "KS. Vũ Đình Khoa",
        310,
        2003,
    ),
    (
        "hoi-thanh-vien",
        "Hội Kiến trúc sư tỉnh Lâm Đồng",
        "HKTS",
        ["ky-thuat-xay-dung"],
        "Chủ tịch",
        "KTS. Lâm Quang Vinh",
        95,
        1996,
    ),
    (
        "hoi-thanh-vien",
        "Hội Khoa học Kỹ thuật Cầu đường tỉnh Lâm Đồng",
        "HCĐ",
        ["ky-thuat-xay-dung"],
        "Chủ tịch",
        "KS. Trịnh Văn Nam",
        180,
        2009,
    ),
    (
        "hoi-thanh-vien",
        "Hội Cơ khí – Điện tỉnh Lâm Đồng",
        "HCKĐ",
        ["ky-thuat-xay-dung"],
        "Chủ tịch",
        "ThS. Đỗ Hữu Trí",
        150,
        2011,
    ),
    (
        "hoi-thanh-vien",
        "Hội Tin học tỉnh Lâm Đồng",
        "HTH",
        ["cong-nghe-thong-tin"],
        "Chủ tịch",
        "TS. Nguyễn Hoàng Long",
        260,
        2005,
    ),
    (
        "hoi-thanh-vien",
        "Hội Khoa học Lịch sử tỉnh Lâm Đồng",
        "HKHLS",
        ["khoa-hoc-xa-hoi-nhan-van"],
        "Chủ tịch",
        "PGS.TS. Trương Văn Hiếu",
        145,
        2007,
    ),
    (
        "hoi-thanh-vien",
        "Hội Dân tộc học và Nhân học tỉnh Lâm Đồng",
        "HDTH",
        ["khoa-hoc-xa-hoi-nhan-van"],
        "Chủ tịch",
        "TS. K'Brơi",
        70,
        2014,
    ),
    (
        "hoi-thanh-vien",
        "Hội Khuyến học tỉnh Lâm Đồng",
        "HKH",
        ["giao-duc-dao-tao"],
        "Chủ tịch",
        "Bà Nguyễn Thị Kim Liên",
        2350,
        1998,
    ),
    (
        "hoi-thanh-vien",
        "Hội Cựu giáo chức tỉnh Lâm Đồng",
        "HCGC",
        ["giao-duc-dao-tao"],
        "Chủ tịch",
        "NGƯT. Phạm Đình Lực",
        1100,
        2000,
    ),
    (
        "hoi-thanh-vien",
        "Hội Tâm lý – Giáo dục học tỉnh Lâm Đồng",
        "HTLGD",
        ["giao-duc-dao-tao", "khoa-hoc-xa-hoi-nhan-van"],
        "Chủ tịch",
        "TS. Lê Thị Thanh Thủy",
        170,
        2010,
    ),
    (
        "hoi-thanh-vien",
        "Hội Luật gia tỉnh Lâm Đồng",
        "HLG",
        ["kinh-te-phap-luat"],
        "Chủ tịch",
        "LG. Hồ Văn Định",
        540,
        1999,
    ),
    (
        "hoi-thanh-vien",
        "Hội Khoa học Kinh tế tỉnh Lâm Đồng",
        "HKHKT",
        ["kinh-te-phap-luat"],
        "Chủ tịch",
        "TS. Mai Xuân Hòa",
        180,
        2006,
    ),
    (
        "hoi-thanh-vien",
        "Hội Bảo vệ thiên nhiên và Môi trường tỉnh Lâm Đồng",
        "HBVTN",
        ["tai-nguyen-moi-truong"],
        "Chủ tịch",
        "ThS. Cao Thị Yến",
        230,
        2008,
    ),
    (
        "to-chuc-kh-cn",
        "Viện Nghiên cứu Phát triển Nông nghiệp bền vững Tây Nguyên",
        "VNNTN",
        ["nong-lam-nghiep", "chuyen-giao-cong-nghe"],
        "Viện trưởng",
        "PGS.TS. Nguyễn Đức Thắng",
        38,
        2011,
    ),
    (
        "to-chuc-kh-cn",
        "Viện Khoa học Giáo dục và Phát triển nguồn nhân lực Đà Lạt",
        "VGDNL",
        ["giao-duc-dao-tao"],
        "Viện trưởng",
        "TS. Phạm Thị Hương",
        27,
        2015,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Nghiên cứu và Ứng dụng Công nghệ sinh học Lâm Đồng",
        "TTCNSH",
        ["nong-lam-nghiep", "chuyen-giao-cong-nghe"],
        "Giám đốc",
        "TS. Dương Tấn Nhựt",
        42,
        2009,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Nghiên cứu Dược liệu Lang Biang",
        "TTDL",
        ["y-te-duoc"],
        "Giám đốc",
        "DS.CKI. Lý Thị Hạnh",
        24,
        2013,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Ứng dụng Tiến bộ khoa học Môi trường",
        "TTMT",
        ["tai-nguyen-moi-truong"],
        "Giám đốc",
        "ThS. Trần Minh Quân",
        19,
        2012,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Nghiên cứu Văn hóa các dân tộc Tây Nguyên",
        "TTVH",
        ["khoa-hoc-xa-hoi-nhan-van"],
        "Giám đốc",
        "TS. Ka Sô Liễng",
        16,
        2014,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Tư vấn Kỹ thuật Xây dựng Lâm Đồng",
        "TTXD",
        ["ky-thuat-xay-dung"],
        "Giám đốc",
        "KS. Nguyễn Thành Công",
        31,
        2010,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Phát triển Cộng đồng và Sinh kế bền vững",
        "TTSK",
        ["nong-lam-nghiep", "khoa-hoc-xa-hoi-nhan-van"],
        "Giám đốc",
        "ThS. Hà Thị Bích Ngọc",
        22,
        2016,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Năng lượng tái tạo Cao nguyên",
        "TTNL",
        ["ky-thuat-xay-dung", "tai-nguyen-moi-truong"],
        "Giám đốc",
        "TS. Võ Quang Dũng",
        18,
        2017,
    ),
    (
        "to-chuc-kh-cn",
        "Trung tâm Phần mềm và Chuyển đổi số Đà Lạt",
        "TTCĐS",
        ["cong-nghe-thong-tin"],
        "Giám đốc",
        "ThS. Lê Minh Tuấn",
        25,
        2019,
    ),
    (
        "to-chuc-truc-thuoc-lhh",
        "Trung tâm Tư vấn và Chuyển giao công nghệ",
        "TTTV",
        ["chuyen-giao-cong-nghe"],
        "Giám đốc",
        "ThS. Trần Đức Minh",
        14,
        2004,
    ),
    (
        "to-chuc-truc-thuoc-lhh",
        "Trung tâm Phổ biến kiến thức và Đào tạo",
        "TTPBKT",
        ["giao-duc-dao-tao", "chuyen-giao-cong-nghe"],
        "Giám đốc",
        "CN. Nguyễn Thị Thanh Tâm",
        12,
        2008,
    ),
    (
        "to-chuc-truc-thuoc-lhh",
        "Bản tin Khoa học và Đời sống Lâm Đồng",
        "BTKH",
        ["chuyen-giao-cong-nghe"],
        "Tổng Biên tập",
        "Ông Nguyễn Văn Hòa",
        None,
        2002,
    ),
    (
        "to-chuc-truc-thuoc-lhh",
        "Câu lạc bộ Trí thức trẻ Lâm Đồng",
        "CLBTT",
        ["cong-nghe-thong-tin", "giao-duc-dao-tao"],
        "Chủ nhiệm",
        "ThS. K'Thuận",
        95,
        2018,
    ),
]

STREETS = [
    "Trần Hưng Đạo, Phường 10, Thành phố Đà Lạt",
    "Phan Đình Phùng, Phường 2, Thành phố Đà Lạt",
    "Hùng Vương, Phường 9, Thành phố Đà Lạt",
    "Bùi Thị Xuân, Phường 2, Thành phố Đà Lạt",
    "Nguyễn Văn Cừ, Phường 1, Thành phố Bảo Lộc",
    "Yersin, Phường 10, Thành phố Đà Lạt",
    "Hai Bà Trưng, Phường 6, Thành phố Đà Lạt",
]

GROUP_COLOURS = {
    "hoi-thanh-vien": (19, 94, 168),
    "to-chuc-kh-cn": (30, 120, 70),
    "to-chuc-truc-thuoc-lhh": (179, 38, 30),
}


def logo_image(text, colour, size=160):
    """A round badge with the abbreviation, standing in for a real logo."""
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size - 4, size - 4], fill=colour)
    draw.ellipse([14, 14, size - 14, size - 14], outline="white", width=3)
    text_size = 40 if len(text) <= 4 else 28
    lettering = font(text_size)
    width = draw.textlength(text, font=lettering)
    draw.text(((size - width) / 2, (size - text_size) / 2 - 4), text, font=lettering, fill="white")
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def description(name, group_name, leader_title, leader_name):
    return (
        f"<p><em>Dữ liệu mẫu – thông tin minh họa, không phải thông tin thật của tổ chức.</em></p>"
        f"<p>{name} là thành viên nhóm {group_name} của Liên hiệp các Hội Khoa học và Kỹ thuật "
        f"tỉnh Lâm Đồng, tập hợp trí thức trong lĩnh vực của mình để tư vấn, phản biện, phổ biến "
        f"kiến thức và ứng dụng tiến bộ khoa học – công nghệ vào sản xuất, đời sống.</p>"
        f"<p>{leader_title}: {leader_name}.</p>"
    )


def seed(log):
    groups = {}
    for order, (slug, name, text) in enumerate(GROUPS, start=1):
        groups[slug], created = OrganizationGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": text, "order": order}
        )
        if created:
            log(f"Đã tạo nhóm tổ chức “{name}”.")

    fields = {}
    for order, (slug, name) in enumerate(FIELDS, start=1):
        fields[slug], _ = Field.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )

    for order, row in enumerate(ORGANIZATIONS, start=1):
        group_slug, name, abbreviation, field_slugs, title, leader, members, year = row
        slug = vn_slugify(name)
        if Organization.objects.filter(slug=slug).exists():
            continue
        group = groups[group_slug]
        organization = Organization(
            slug=slug,
            name=name,
            short_name=abbreviation,
            group=group,
            leader_title=title,
            leader_name=leader,
            member_count=members,
            founded_on=datetime.date(year, 1 + order % 12, 1 + order % 27),
            founding_decision=f"{100 + order * 37}/QĐ-UBND",
            address=f"Số {order * 3 + 1} {STREETS[order % len(STREETS)]}, tỉnh Lâm Đồng",
            phone=f"0263 38{order:02d} {100 + order * 7:03d}",
            email=f"{slug.split('-tinh-')[0][:30].strip('-')}@lhhlamdong.vn",
            website="https://lhhlamdong.vn/" if group_slug == "to-chuc-truc-thuoc-lhh" else "",
            description=description(name, group.name, title, leader),
            order=order,
        )
        # Assigned, not .save(save=False)-d: only assignment fills the stored width/height.
        organization.logo = ContentFile(
            logo_image(abbreviation, GROUP_COLOURS[group_slug]), name=f"{slug[:60]}.png"
        )
        organization.save()
        organization.fields.set([fields[slug] for slug in field_slugs])
        log(f"Đã tạo tổ chức thành viên “{name}”.")
