from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.models import Entry


class Command(BaseCommand):
    help = (
        "Ẩn danh hoá thông tin cá nhân của người đăng ký (họ tên, thư điện tử, câu trả lời, "
        "tệp đính kèm) sau REGISTRATIONS_ANONYMISE_AFTER_MONTHS tháng kể từ khi biểu mẫu "
        "hết hạn; mã tra cứu và trạng thái vẫn được giữ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, help="Số tháng lưu giữ.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không thay đổi gì.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.REGISTRATIONS_ANONYMISE_AFTER_MONTHS if months is None else months
        if months < 1:
            self.stderr.write("Số tháng lưu giữ phải từ 1 trở lên.")
            return
        due = Entry.objects.due_for_anonymisation(months).order_by("pk")
        if dry_run:
            self.stdout.write(f"Có {due.count()} đăng ký sẽ được ẩn danh hoá (quá {months} tháng).")
            return
        count = sum(
            1
            for entry in due.iterator(chunk_size=200)
            if entry.erase_personal_data(withdrawn=False)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ẩn danh hoá {count} đăng ký (quá {months} tháng sau hạn đăng ký)."
            )
        )
