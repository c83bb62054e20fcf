from core.erasure import AnonymiseCommand
from registrations.models import Entry


class Command(AnonymiseCommand):
    help = (
        "Ẩn danh hoá thông tin cá nhân của người đăng ký (họ tên, thư điện tử, câu trả lời, "
        "tệp đính kèm) sau REGISTRATIONS_ANONYMISE_AFTER_MONTHS tháng kể từ khi biểu mẫu "
        "hết hạn; mã tra cứu và trạng thái vẫn được giữ."
    )
    model = Entry
    months_setting = "REGISTRATIONS_ANONYMISE_AFTER_MONTHS"
    noun = "đăng ký"
    since = "sau hạn đăng ký"
