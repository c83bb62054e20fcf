from django.conf import settings
from django.core.management.base import BaseCommand

from qa.models import Question


class Command(BaseCommand):
    help = (
        "Ẩn danh hoá thông tin cá nhân của người hỏi (họ tên, thư điện tử, điện thoại, "
        "địa chỉ) sau QA_ANONYMISE_AFTER_MONTHS tháng kể từ khi trả lời; câu hỏi và câu "
        "trả lời vẫn được giữ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            help="Số tháng lưu giữ (mặc định: QA_ANONYMISE_AFTER_MONTHS, hiện là %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không thay đổi gì.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.QA_ANONYMISE_AFTER_MONTHS if months is None else months
        if months < 1:
            self.stderr.write("Số tháng lưu giữ phải từ 1 trở lên.")
            return
        due = Question.objects.due_for_anonymisation(months).order_by("pk")
        if dry_run:
            self.stdout.write(f"Có {due.count()} câu hỏi sẽ được ẩn danh hoá (quá {months} tháng).")
            return
        count = 0
        # One by one through save(): the pages showing a published one are
        # refreshed, and its older versions (which hold the details) deleted.
        for question in due.iterator(chunk_size=200):
            if question.erase_personal_data(withdrawn=False):
                count += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ẩn danh hoá {count} câu hỏi (quá {months} tháng sau khi trả lời)."
            )
        )
