import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from oldsite.importer import Importer
from oldsite.mapping import MappingError, load_mapping
from oldsite.sources import SourceError, open_source


class Command(BaseCommand):
    help = (
        "Nhập tin bài và văn bản của trang cũ từ một thư mục tải bằng “wget --mirror”, "
        "theo một tệp ánh xạ (xem docs/import.md). Chạy lại an toàn: chỉ cập nhật "
        "những gì đã thay đổi."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Thư mục bản sao của trang cũ (wget --mirror).")
        parser.add_argument(
            "--mapping", help="Tệp ánh xạ TOML, ví dụ oldsite/mappings/aspnet-lhh.toml."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ báo cáo những gì sẽ được tạo, cập nhật hay bỏ qua; không ghi gì.",
        )

    def handle(self, *args, source, mapping, dry_run, verbosity, **options):
        if not mapping:
            raise CommandError("Hãy chỉ tệp ánh xạ bằng --mapping <tệp.toml>.")
        try:
            loaded = load_mapping(mapping)
            opened = open_source(source, loaded.hosts)
        except (MappingError, SourceError) as exc:
            raise CommandError(str(exc)) from exc

        def progress(items):
            shown = verbosity > 0 and sys.stderr.isatty()
            return tqdm(items, desc="Đang nhập", unit="trang", disable=not shown)

        report = Importer(opened, loaded, dry_run=dry_run, progress=progress).run()
        if dry_run or verbosity > 1:
            for line in report.lines:
                self.stdout.write("  " + report.line(*line))
        title = "Kết quả nhập thử (không ghi gì):" if dry_run else "Kết quả nhập:"
        self.stdout.write(title)
        for row in report.summary() or ["Không có trang nào khớp tệp ánh xạ."]:
            self.stdout.write("  " + row)
        if report.failures:
            self.stdout.write(self.style.WARNING(f"Lỗi ({len(report.failures)}):"))
            for address, message in report.failures:
                self.stdout.write(f"  {address}: {message}")
