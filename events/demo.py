"""Demo events: three to come (a hội thảo, a tập huấn and the đại hội) and
two that are over, dated from the day the demo is loaded so the calendar
and the SỰ KIỆN SẮP DIỄN RA block always have something. Rows are created
only when missing, so running the seed again changes nothing and never
overwrites what staff edited."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from core.demoimages import banner_image
from core.models import Status
from core.text import vn_slugify
from documents.models import Document
from members.models import Organization
from registrations.models import FieldKind, RegistrationForm

from .models import Event


def _html(paragraphs):
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


# (days from today, start time, days it lasts, end time, all day, title,
# place, map link, organization, other organiser, summary, paragraphs,
# registration link, attached document numbers, cover colours)
EVENTS = [
    (
        9,
        time(8, 0),
        0,
        time(11, 30),
        False,
        "Hội thảo khoa học “Ứng dụng công nghệ số trong nông nghiệp công nghệ cao tỉnh Lâm Đồng”",
        "Hội trường Liên hiệp Hội, số 35 Trần Hưng Đạo, phường Xuân Hương – Đà Lạt",
        "https://www.openstreetmap.org/search?query=35%20Tr%E1%BA%A7n%20H%C6%B0ng%20%C4%90%E1%BA%A1o%20%C4%90%C3%A0%20L%E1%BA%A1t",
        "Hội Nông nghiệp công nghệ cao tỉnh Lâm Đồng",
        "Sở Khoa học và Công nghệ tỉnh Lâm Đồng (phối hợp)",
        "Các nhà khoa học, doanh nghiệp và nông dân trao đổi về cảm biến, dữ liệu và truy xuất "
        "nguồn gốc trong sản xuất rau, hoa công nghệ cao.",
        [
            "Hội thảo nhằm đánh giá thực trạng ứng dụng công nghệ số trong các vùng sản xuất "
            "nông nghiệp công nghệ cao của tỉnh, chia sẻ các mô hình nhà kính thông minh đang "
            "vận hành tại Đà Lạt, Lạc Dương và Đơn Dương.",
            "Chương trình gồm năm tham luận: hệ thống cảm biến và tưới tự động; nhật ký điện tử "
            "và truy xuất nguồn gốc; sàn thương mại điện tử nông sản; dữ liệu thời tiết phục vụ "
            "phòng trừ sâu bệnh; và chính sách hỗ trợ chuyển đổi số của tỉnh.",
            "Kính mời hội viên các hội thành viên, cán bộ kỹ thuật và doanh nghiệp quan tâm đăng "
            "ký tham dự trước ngày tổ chức hai ngày.",
        ],
        # Registered for online: the form made below (REGISTRATION).
        "",
        [],
        ((20, 90, 50), (90, 170, 90)),
    ),
    (
        23,
        time(7, 30),
        1,
        time(16, 30),
        False,
        "Tập huấn kỹ năng tư vấn, phản biện và giám định xã hội",
        "Khách sạn Công Đoàn, số 12 Trần Hưng Đạo – Đà Lạt",
        "",
        None,
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
        "Lớp tập huấn hai ngày dành cho cán bộ, hội viên các hội thành viên tham gia hoạt động "
        "tư vấn, phản biện và giám định xã hội.",
        [
            "Học viên được giới thiệu các văn bản quy định về hoạt động tư vấn, phản biện và "
            "giám định xã hội của Liên hiệp Hội; quy trình tổ chức một hoạt động phản biện từ "
            "khâu tiếp nhận đề nghị đến khi gửi báo cáo.",
            "Buổi chiều ngày thứ hai, học viên thực hành góp ý một dự thảo quy hoạch theo nhóm "
            "dưới sự hướng dẫn của các chuyên gia.",
            "Mỗi hội thành viên cử tối đa ba học viên; danh sách gửi về Văn phòng Liên hiệp Hội.",
        ],
        "",
        ["50/QĐ-LHH"],
        None,
    ),
    (
        47,
        time(0, 0),
        1,
        time(0, 0),
        True,
        "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ VI, "
        "nhiệm kỳ {year} – {next_term}",
        "Hội trường Trung tâm Hội nghị tỉnh, số 2 Trần Hưng Đạo – Đà Lạt",
        "https://www.openstreetmap.org/search?query=Trung%20t%C3%A2m%20H%E1%BB%99i%20ngh%E1%BB%8B%20t%E1%BB%89nh%20L%C3%A2m%20%C4%90%E1%BB%93ng",
        None,
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
        "Đại hội tổng kết nhiệm kỳ {last_term} – {year}, thông qua phương hướng nhiệm kỳ mới và bầu Ban "
        "Chấp hành khóa VI.",
        [
            "Đại hội có 150 đại biểu chính thức đại diện cho các hội thành viên, các viện, trường "
            "và trung tâm khoa học và công nghệ trên địa bàn tỉnh.",
            "Phiên thứ nhất (ngày đầu) là phiên trù bị và thảo luận văn kiện; phiên chính thức "
            "(ngày thứ hai) tổng kết nhiệm kỳ, sửa đổi Điều lệ và bầu Ban Chấp hành.",
        ],
        "",
        ["582/QĐ-UBND", "2136/QĐ-UBND"],
        ((140, 30, 25), (230, 120, 40)),
    ),
    (
        -38,
        time(8, 0),
        0,
        time(16, 0),
        False,
        "Hội thảo “Bảo tồn và phát triển nguồn gen cây dược liệu tỉnh Lâm Đồng”",
        "Viện Nghiên cứu Hạt nhân, số 1 Nguyên Tử Lực – Đà Lạt",
        "",
        "Hội Dược học tỉnh Lâm Đồng",
        "",
        "Hơn 90 đại biểu thảo luận về bảo tồn sâm Ngọc Linh, đương quy và các cây dược liệu "
        "bản địa vùng Tây Nguyên.",
        [
            "Hội thảo đã nghe 8 tham luận về hiện trạng nguồn gen, kỹ thuật nhân giống in vitro "
            "và liên kết tiêu thụ dược liệu.",
            "Các đại biểu kiến nghị xây dựng vườn bảo tồn nguồn gen tại huyện Lạc Dương.",
        ],
        "",
        [],
        ((10, 80, 90), (40, 160, 170)),
    ),
    (
        -95,
        time(0, 0),
        0,
        time(0, 0),
        True,
        "Tập huấn phòng cháy, chữa cháy rừng cho hội viên Hội Khoa học Kỹ thuật Lâm nghiệp",
        "Ban Quản lý rừng phòng hộ Đa Nhim, huyện Lạc Dương",
        "",
        "Hội Khoa học Kỹ thuật Lâm nghiệp tỉnh Lâm Đồng",
        "",
        "Một ngày tập huấn và diễn tập phòng cháy, chữa cháy rừng trước mùa khô.",
        [
            "Học viên được hướng dẫn sử dụng bản đồ cảnh báo cháy rừng và dụng cụ chữa cháy "
            "thủ công, sau đó diễn tập tại tiểu khu 78.",
        ],
        "",
        [],
        None,
    ),
]


def seed(log):
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    organizations = {o.name: o for o in Organization.objects.all()}
    for (
        offset, start_time, length, end_time, all_day, title, place, map_url, organization,
        organiser_name, summary, paragraphs, registration_url, numbers, colours,
    ) in EVENTS:  # fmt: skip
        first_day = today + timedelta(days=offset)
        terms = {"year": first_day.year, "next_term": first_day.year + 5}
        title = title.format(**terms)
        summary = summary.format(last_term=first_day.year - 5, **terms)
        slug = vn_slugify(title)
        if Event.objects.filter(slug=slug).exists():
            continue
        event = Event(
            slug=slug,
            title=title,
            starts_at=datetime.combine(first_day, start_time, tzinfo=zone),
            ends_at=datetime.combine(first_day + timedelta(days=length), end_time, tzinfo=zone),
            is_all_day=all_day,
            place=place,
            map_url=map_url,
            organization=organizations.get(organization),
            organiser_name=organiser_name,
            summary=summary,
            body=_html(paragraphs),
            registration_url=registration_url,
            status=Status.PUBLISHED,
            # Announced some weeks before it takes place.
            published_at=timezone.now() - timedelta(days=max(10, 30 - offset)),
        )
        if colours:
            # Assigned, not .save(save=False)-d: only assignment fills the stored width/height.
            event.cover = ContentFile(
                # "Hội thảo khoa học", "Đại hội đại biểu": the kind of event.
                banner_image(title.split("“")[0].split(" Liên hiệp")[0], colours, size=(600, 400)),
                name=f"{slug[:60]}.png",
            )
        if offset == REGISTRATION["event_offset"]:
            event.registration_form = registration_form(event, log)
        event.save()
        event.documents.set(Document.objects.filter(number__in=numbers))
        log(f"Đã tạo sự kiện “{title}”.")


# The first hội thảo takes registrations on the portal (registrations app):
# its form closes the day before.
REGISTRATION = {
    "event_offset": 9,
    "intro": "Đại biểu đăng ký trước để Ban Tổ chức chuẩn bị tài liệu và chỗ ngồi.",
    "capacity": 120,
    # (label, kind, required, options)
    "fields": [
        ("Đơn vị công tác", FieldKind.TEXT, True, ""),
        ("Điện thoại liên hệ", FieldKind.PHONE, True, ""),
        ("Hình thức tham dự", FieldKind.CHOICE, True, "Trực tiếp tại hội trường\nTrực tuyến"),
    ],
}


def registration_form(event, log):
    form, created = RegistrationForm.objects.get_or_create(
        slug=vn_slugify(f"dang-ky-{event.slug}")[:200],
        defaults={
            "title": f"Đăng ký tham dự {event.title}",
            "intro": REGISTRATION["intro"],
            "capacity": REGISTRATION["capacity"],
            "closes_at": event.starts_at - timedelta(days=1),
        },
    )
    if created:
        for position, (label, kind, required, options) in enumerate(REGISTRATION["fields"]):
            form.fields.create(
                label=label, kind=kind, is_required=required, options=options, position=position
            )
        log(f"Đã tạo biểu mẫu “{form.title}”.")
    return form
