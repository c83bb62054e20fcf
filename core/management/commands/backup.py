from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ cổng thông tin vào một tệp: cơ sở dữ liệu, các tệp tải lên "
        "và bảng kê số dòng, mã kiểm tra (khôi phục bằng “manage.py restore”)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=settings.BACKUP_DIR,
            help="Thư mục chứa bản sao lưu (mặc định BACKUP_DIR: %(default)s).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.BACKUP_KEEP,
            help="Giữ bấy nhiêu bản mới nhất trong thư mục, xoá các bản cũ hơn; "
            "0: giữ tất cả (mặc định BACKUP_KEEP: %(default)s).",
        )

    def handle(self, *args, output, keep, **options):
        if keep < 0:
            raise CommandError("--keep phải là số không âm.")
        try:
            path = create(output, keep=keep)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:  # a folder that cannot be written, a full disk
            raise CommandError(f"Không ghi được bản sao lưu vào {output}: {exc}") from exc
        self.stdout.write(f"Đã sao lưu vào {path}")
