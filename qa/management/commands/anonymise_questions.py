from core.erasure import AnonymiseCommand
from qa.models import Question


class Command(AnonymiseCommand):
    help = (
        "Ẩn danh hoá thông tin cá nhân của người hỏi (họ tên, thư điện tử, điện thoại, "
        "địa chỉ) sau QA_ANONYMISE_AFTER_MONTHS tháng kể từ khi trả lời; câu hỏi và câu "
        "trả lời vẫn được giữ."
    )
    model = Question
    months_setting = "QA_ANONYMISE_AFTER_MONTHS"
    months_help = "Số tháng lưu giữ (mặc định: QA_ANONYMISE_AFTER_MONTHS, hiện là %(default)s)."
    noun = "câu hỏi"
    since = "sau khi trả lời"
