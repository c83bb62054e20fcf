from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của “manage.py backup” vào một cơ sở dữ liệu mới tạo "
        "(chưa chạy migrate) và một thư mục tệp tải lên trống. Mọi mã kiểm tra được "
        "xem trước; nếu có gì không khớp thì không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp lhh-backup-….tar.gz.")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        created = datetime.fromisoformat(manifest["created"])
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {created:%H:%M ngày %d/%m/%Y}: "
            f"{len(manifest['tables'])} bảng, {rows} dòng, {len(manifest['media'])} tệp."
        )
