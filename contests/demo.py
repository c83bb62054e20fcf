"""Demo content of Cuộc thi, giải thưởng: the current Hội thi Sáng tạo Kỹ
thuật round, with its rules, timeline, a downloadable entry form and the
online registration form (registrations.demo), and a Giải thưởng Sáng tạo
KH&CN round with its results published. Keyed on the slugs."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from core.demofiles import make_pdf
from core.models import Status
from registrations.demo import FORM_SLUG
from registrations.models import RegistrationForm

from .models import Programme, ProgrammeFile, ProgrammeKind

CONTEST_RULES = """
<h3>1. Đối tượng dự thi</h3>
<p>Cá nhân, tập thể là người Việt Nam đang sinh sống, làm việc trên địa bàn tỉnh có giải
pháp kỹ thuật mới, có khả năng áp dụng.</p>
<h3>2. Lĩnh vực dự thi</h3>
<ul><li>Cơ khí, tự động hoá;</li><li>Nông, lâm, ngư nghiệp;</li><li>Công nghệ thông tin;</li>
<li>Y dược;</li><li>Bảo vệ môi trường;</li><li>Giáo dục, đào tạo.</li></ul>
<h3>3. Tiêu chí chấm</h3>
<p>Tính mới, khả năng áp dụng và hiệu quả kinh tế – xã hội. Giải pháp đã đoạt giải ở hội thi
cấp tỉnh trước đó không được dự thi.</p>
<h3>4. Hồ sơ dự thi</h3>
<p>Phiếu đăng ký (mẫu tải về bên dưới hoặc đăng ký trực tuyến), bản mô tả giải pháp, xác nhận
của đơn vị áp dụng (nếu có).</p>
"""

AWARD_RESULTS = """
<p>Hội đồng xét chọn đã chọn 6 công trình trao Giải thưởng Sáng tạo Khoa học và Công nghệ
năm 2025:</p>
<ol>
<li><strong>Giải Nhất:</strong> Quy trình nhân giống lan Hài bằng nuôi cấy mô – Viện
Nghiên cứu Sinh học Tây Nguyên.</li>
<li><strong>Giải Nhì:</strong> Hệ thống tưới nhỏ giọt điều khiển qua điện thoại cho cà phê –
Hợp tác xã Cầu Đất.</li>
<li><strong>Giải Nhì:</strong> Bộ thiết bị đo độ ẩm hạt nông sản cầm tay – Trường Cao đẳng
Kỹ thuật tỉnh.</li>
<li><strong>Giải Ba:</strong> Ba công trình (danh sách kèm theo quyết định).</li>
</ol>
"""


def seed(log):
    today = timezone.localdate()
    form = RegistrationForm.objects.filter(slug=FORM_SLUG).first()
    contest, created = Programme.objects.get_or_create(
        slug="hoi-thi-sang-tao-ky-thuat-lan-thu-xi",
        defaults={
            "title": "Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI",
            "kind": ProgrammeKind.CONTEST,
            "round_label": f"Lần thứ XI ({today.year}–{today.year + 1})",
            "year": today.year,
            "summary": (
                "Hội thi phát hiện, tôn vinh các giải pháp kỹ thuật mới của cá nhân, tập thể "
                "trong tỉnh; nhận hồ sơ trực tuyến và tại Văn phòng Liên hiệp Hội."
            ),
            "rules": CONTEST_RULES,
            "opens_on": today - timedelta(days=30),
            "deadline_on": today + timedelta(days=90),
            "judging_on": today + timedelta(days=120),
            "ceremony_on": today + timedelta(days=150),
            "registration_form": form,
            "status": Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=30),
        },
    )
    if created:
        log("Đã tạo Hội thi Sáng tạo kỹ thuật lần thứ XI.")
        ProgrammeFile(
            programme=contest,
            title="Phiếu đăng ký dự thi (mẫu số 01)",
            file=ContentFile(
                make_pdf(
                    ["Ten giai phap:", "Tac gia:", "Dia chi, dien thoai:", "Linh vuc du thi:"],
                    "Phieu dang ky du thi",
                ),
                name="phieu-dang-ky.pdf",
            ),
        ).save()
    award, created = Programme.objects.get_or_create(
        slug="giai-thuong-sang-tao-khoa-hoc-cong-nghe-2025",
        defaults={
            "title": "Giải thưởng Sáng tạo Khoa học và Công nghệ năm 2025",
            "kind": ProgrammeKind.AWARD,
            "round_label": "Năm 2025",
            "year": 2025,
            "summary": (
                "Giải thưởng tôn vinh các công trình khoa học và công nghệ có giá trị, đã được "
                "áp dụng trong sản xuất và đời sống."
            ),
            "rules": "<p>Công trình đã được áp dụng ít nhất một năm, có xác nhận của đơn vị "
            "áp dụng.</p>",
            "opens_on": date(2025, 3, 1),
            "deadline_on": date(2025, 7, 31),
            "judging_on": date(2025, 9, 15),
            "ceremony_on": date(2025, 10, 18),
            "results": AWARD_RESULTS,
            "is_results_published": True,
            "status": Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=300),
        },
    )
    if created:
        log("Đã tạo Giải thưởng Sáng tạo KH&CN 2025.")
