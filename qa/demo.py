"""Demo content of Hỏi đáp: four topics and questions in every state of the
officer's workflow. Each question is keyed on a fixed tracking code, so
running the seed again changes nothing and never overwrites staff edits."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.consent import Purpose
from mail.models import Email, EmailStatus
from sitecontent.models import Page

from .emails import ASKER
from .models import CalendarDay, DayKind, Question, QuestionStatus, Topic

TOPICS = [
    ("hoat-dong-hoi", "Hoạt động hội và hội viên"),
    ("khoa-hoc-cong-nghe", "Khoa học và công nghệ"),
    ("tu-van-phan-bien", "Tư vấn, phản biện và giám định xã hội"),
    ("sang-tao-ky-thuat", "Hội thi sáng tạo kỹ thuật"),
]

# (code, topic slug, asker, email, days ago received, status, published?, title, body, answer)
QUESTIONS = [
    (
        "HD7K2M4P", "hoat-dong-hoi", "Nguyễn Văn An", "an.nguyen@example.com", 60,
        QuestionStatus.ANSWERED, True,
        "Thủ tục để một hội chuyên ngành gia nhập Liên hiệp Hội",
        "Hội Làm vườn huyện chúng tôi muốn trở thành tổ chức thành viên của Liên hiệp Hội tỉnh. Xin hỏi cần chuẩn bị những hồ sơ gì và gửi về đâu?",
        "<p>Chào bạn An,</p><p>Hồ sơ đề nghị gia nhập gồm:</p><ol><li>Đơn đề nghị gia nhập Liên hiệp Hội, có chữ ký của Chủ tịch hội.</li><li>Quyết định thành lập và phê duyệt Điều lệ của hội.</li><li>Danh sách Ban Chấp hành và báo cáo tình hình hoạt động gần nhất.</li></ol><p>Hồ sơ gửi về Văn phòng Liên hiệp Hội, số 35 Trần Hưng Đạo, Phường 10, Đà Lạt. Ban Thường vụ xem xét trong phiên họp gần nhất.</p>",
    ),
    (
        "HD3N8Q5R", "sang-tao-ky-thuat", "Trần Thị Bích Hạnh", "hanh.tran@example.com", 45,
        QuestionStatus.ANSWERED, True,
        "Giải pháp đã áp dụng ở doanh nghiệp có được dự Hội thi Sáng tạo kỹ thuật không?",
        "Công ty tôi đã áp dụng một giải pháp tiết kiệm nước tưới cho vườn rau từ năm ngoái. Giải pháp đã áp dụng thực tế thì có được tham dự Hội thi Sáng tạo kỹ thuật tỉnh không?",
        "<p>Chào bạn Hạnh,</p><p>Được. Thể lệ Hội thi yêu cầu giải pháp <strong>có tính mới, có khả năng áp dụng</strong> và đã hoặc có thể mang lại hiệu quả kinh tế - xã hội. Giải pháp đã áp dụng tại doanh nghiệp là đối tượng được khuyến khích, với điều kiện chưa đoạt giải ở hội thi cấp tỉnh trước đó.</p><p>Bạn xem thể lệ chi tiết trong mục Văn bản hoặc liên hệ Ban Tổ chức Hội thi.</p>",
    ),
    (
        "HD9T4V6W", "khoa-hoc-cong-nghe", "Lê Minh Châu", "", 30,
        QuestionStatus.ANSWERED, True,
        "Liên hiệp Hội có hỗ trợ đăng ký sở hữu trí tuệ cho sáng chế không?",
        "Tôi là kỹ sư cơ khí, vừa chế tạo máy sấy nông sản dùng năng lượng mặt trời. Liên hiệp Hội có hỗ trợ hướng dẫn đăng ký bảo hộ sáng chế không?",
        "<p>Chào bạn Châu,</p><p>Liên hiệp Hội phối hợp với Sở Khoa học và Công nghệ hướng dẫn miễn phí thủ tục đăng ký sáng chế, giải pháp hữu ích. Bạn có thể đăng ký lịch tư vấn qua số điện thoại của Văn phòng vào các buổi sáng thứ Ba và thứ Năm.</p>",
    ),
    (
        "HD5X7Y8Z", "tu-van-phan-bien", "Phạm Quốc Dũng", "dung.pham@example.com", 20,
        QuestionStatus.ANSWERED, False,
        "Xin ý kiến phản biện cho đề án của xã",
        "Ủy ban nhân dân xã chúng tôi đang xây dựng đề án chuyển đổi cây trồng. Liên hiệp Hội có nhận phản biện đề án cấp xã không và chi phí thế nào?",
        "<p>Chào bạn Dũng,</p><p>Liên hiệp Hội đã gửi thư hướng dẫn chi tiết về thủ tục và kinh phí phản biện tới địa chỉ email của bạn. Vì nội dung liên quan riêng tới đề án của địa phương nên câu trả lời không đăng công khai.</p>",
    ),
    (
        "HD2A3B4C", "khoa-hoc-cong-nghe", "Võ Thị Mai", "mai.vo@example.com", 3,
        QuestionStatus.NEW, False,
        "Đăng ký tham gia lớp tập huấn ứng dụng công nghệ sinh học",
        "Tôi thấy thông báo về lớp tập huấn nuôi cấy mô tế bào thực vật. Xin hỏi lớp còn nhận đăng ký không và học phí bao nhiêu?",
        "",
    ),
    (
        "HD6D7E8F", "sang-tao-ky-thuat", "Đặng Hoàng Nam", "nam.dang@example.com", 8,
        QuestionStatus.IN_PROGRESS, False,
        "Thời hạn nộp hồ sơ Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng",
        "Con tôi học lớp 8 có mô hình đèn giao thông thông minh. Xin hỏi hạn cuối nộp hồ sơ cuộc thi năm nay là ngày nào?",
        "",
    ),
    (
        "HD4G5H6J", "hoat-dong-hoi", "Huỳnh Văn Phúc", "", 35,
        QuestionStatus.NEW, False,
        "Chế độ hỗ trợ kinh phí hoạt động cho hội thành viên",
        "Hội chúng tôi hoạt động ở vùng sâu, kinh phí rất hạn chế. Xin hỏi Liên hiệp Hội có chế độ hỗ trợ kinh phí hoạt động hằng năm cho hội thành viên không?",
        "",
    ),
    (
        "HD8K9M2N", "tu-van-phan-bien", "Ngô Thanh Tùng", "tung.ngo@example.com", 28,
        QuestionStatus.IN_PROGRESS, False,
        "Quy trình giám định xã hội dự án đầu tư",
        "Xin hỏi quy trình và thời gian để Liên hiệp Hội thực hiện giám định xã hội một dự án đầu tư xây dựng trên địa bàn tỉnh?",
        "",
    ),
    (
        "HD3P4Q5R", "khoa-hoc-cong-nghe", "Mua Bán Nhanh", "", 10,
        QuestionStatus.SPAM, False,
        "Khuyến mãi lớn cho mọi nhà, bấm vào đường dẫn",
        "Giảm giá 90% tất cả sản phẩm, liên hệ ngay để nhận quà tặng hấp dẫn hôm nay.",
        "",
    ),
]  # fmt: skip


# Days the office's calendar differs from the rule; the public holidays come
# from the holidays library, which moves 02/09/2026's extra day to Monday
# 31/08 and so the Saturday before is worked (ngày làm bù).
CALENDAR_DAYS = [
    (date(2026, 8, 22), DayKind.WORKING, "Làm bù cho ngày nghỉ thứ Hai 31/08/2026 (Quốc khánh)"),
]


def seed(log):
    for day_on, kind, note in CALENDAR_DAYS:
        CalendarDay.objects.get_or_create(day_on=day_on, defaults={"kind": kind, "note": note})

    topics = {}
    for order, (slug, name) in enumerate(TOPICS, start=1):
        topics[slug], created = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
        if created:
            log(f"Đã tạo lĩnh vực hỏi đáp “{name}”.")

    now = timezone.now()
    notice_version = Page.objects.privacy_notice_version()
    for code, topic, asker, email, days_ago, status, is_faq, title, body, answer in QUESTIONS:
        if Question.objects.filter(tracking_code=code).exists():
            continue
        received_at = now - timedelta(days=days_ago)
        answered_at = received_at + timedelta(days=5) if answer else None
        question = Question(
            tracking_code=code,
            topic=topics[topic],
            asker_name=asker,
            email=email,
            received_at=received_at,
            status=status,
            title=title,
            body=body,
            answer=answer,
            answered_at=answered_at,
            is_published_as_faq=is_faq,
            published_at=answered_at if is_faq else None,
            is_email_sent=bool(email),
        )
        purposes = [Purpose.QA_ANSWER, *([Purpose.EMAIL_NOTICE] if email else [])]
        question.record_consent(purposes, notice_version, at=received_at)
        question.save()
        if email:
            # The receipt as the outbox keeps it once sent; written, never
            # queued: the demo's addresses are not real.
            Email.objects.create(
                subject=f"[LHH] Đã nhận câu hỏi của bạn – mã tra cứu {code}",
                body=f"Kính gửi {asker},\n\nLiên hiệp Hội đã nhận câu hỏi “{title}”.",
                recipients=email,
                status=EmailStatus.SENT,
                attempts=1,
                kind=ASKER,
                about_type=ContentType.objects.get_for_model(Question),
                about_id=str(question.pk),
                about_label=str(question)[:255],
                created_at=received_at,
                next_attempt_at=received_at,
                sent_at=received_at,
            )
        log(f"Đã tạo câu hỏi mẫu {code}.")
