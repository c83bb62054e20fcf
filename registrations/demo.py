"""Demo content of Đăng ký trực tuyến: the registration form of the current
Hội thi Sáng tạo Kỹ thuật round, with a field of every kind, and two entries.
Keyed on the form's slug and the entries' tracking codes, so running the
seed again changes nothing and never overwrites staff edits."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from core.consent import Purpose
from core.demofiles import make_pdf
from sitecontent.models import Page

from .models import Entry, EntryFile, EntryStatus, FieldKind, FormField, RegistrationForm

FORM_SLUG = "hoi-thi-sang-tao-ky-thuat-lan-thu-xi"

# (label, kind, required, help text, options)
FIELDS = [
    ("Tên giải pháp dự thi", FieldKind.TEXT, True, "Ghi đúng tên trong hồ sơ dự thi.", ""),
    ("Điện thoại liên hệ", FieldKind.PHONE, True, "", ""),
    ("Ngày sinh của tác giả chính", FieldKind.DATE, True, "", ""),
    (
        "Lĩnh vực dự thi",
        FieldKind.CHOICE,
        True,
        "",
        "Cơ khí, tự động hoá\nNông, lâm, ngư nghiệp\nCông nghệ thông tin\nY dược\n"
        "Bảo vệ môi trường\nGiáo dục, đào tạo",
    ),
    (
        "Thư điện tử của đơn vị áp dụng",
        FieldKind.EMAIL,
        False,
        "Không bắt buộc; nếu giải pháp đã được áp dụng ở một đơn vị.",
        "",
    ),
    (
        "Bản mô tả giải pháp",
        FieldKind.FILE,
        True,
        "PDF, Word, Excel, ODT hoặc ảnh; tối đa 50 MB.",
        "",
    ),
]

# (code, name, email, status, answers by field position, days ago)
ENTRIES = [
    (
        "DK4M7P2Q", "Nguyễn Văn Bình", "binh.nguyen@example.com", EntryStatus.VALID,
        ["Máy sấy cà phê dùng năng lượng mặt trời kết hợp sinh khối", "0912 345 678",
         "12/05/1978", "Nông, lâm, ngư nghiệp", "htx.cauda@example.com", "mo-ta-may-say.pdf"],
        12,
    ),
    (
        "DK8R3T5V", "Trần Thị Thu Hà", "ha.tran@example.com", EntryStatus.RECEIVED,
        ["Phần mềm theo dõi độ ẩm đất cho vườn rau thuỷ canh", "0987 654 321",
         "03/11/1990", "Công nghệ thông tin", "", "mo-ta-phan-mem.pdf"],
        3,
    ),
]  # fmt: skip


def seed(log):
    form, created = RegistrationForm.objects.get_or_create(
        slug=FORM_SLUG,
        defaults={
            "title": "Đăng ký dự Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI",
            "intro": (
                "Cá nhân, tập thể có giải pháp kỹ thuật mới, có khả năng áp dụng đăng ký dự "
                "thi tại đây. Sau khi đăng ký, Ban Tổ chức liên hệ để nhận hồ sơ gốc.\n\n"
                "Mỗi giải pháp đăng ký một lần; tác giả chính điền biểu mẫu."
            ),
            "capacity": 200,
            "closes_at": timezone.now() + timedelta(days=90),
        },
    )
    if created:
        log("Đã tạo biểu mẫu đăng ký Hội thi Sáng tạo Kỹ thuật.")
        for position, (label, kind, required, help_text, options) in enumerate(FIELDS, 1):
            FormField.objects.create(
                form=form,
                label=label,
                kind=kind,
                is_required=required,
                help_text=help_text,
                options=options,
                position=position,
            )
    fields = list(form.fields.all())
    version = Page.objects.privacy_notice_version()
    for code, name, email, status, values, days_ago in ENTRIES:
        if Entry.objects.filter(tracking_code=code).exists():
            continue
        entry = Entry(
            form=form,
            tracking_code=code,
            name=name,
            email=email,
            status=status,
            answers={str(field.pk): value for field, value in zip(fields, values, strict=False)},
            created_at=timezone.now() - timedelta(days=days_ago),
        )
        entry.record_consent(
            [Purpose.REGISTRATION, Purpose.EMAIL_NOTICE], version, at=entry.created_at
        )
        entry.save()
        file_field = next((field for field in fields if field.kind == FieldKind.FILE), None)
        if file_field is not None:
            stored = EntryFile(entry=entry, field=file_field, original_name=values[-1], size=0)
            content = ContentFile(make_pdf([values[0], name], "Ban mo ta giai phap"))
            stored.size = content.size
            stored.file.save(values[-1], content, save=False)
            stored.save()
        log(f"Đã tạo đăng ký mẫu {code}.")
