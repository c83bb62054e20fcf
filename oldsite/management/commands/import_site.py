import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from oldsite.mapping import MappingError, load_mapping
from oldsite.site import SiteImport
from oldsite.sources import SourceError, open_files, open_source
from oldsite.wxr import WxrError, WxrImport, read_wxr


class Command(BaseCommand):
    help = (
        "Nhập nội dung của trang cũ: từ một thư mục tải bằng “wget --mirror” hoặc trực tiếp "
        "từ địa chỉ trang cũ, theo một tệp ánh xạ; hoặc từ tệp xuất của WordPress (WXR, .xml). "
        "Xem docs/import.md. Chạy lại an toàn: chỉ cập nhật những gì đã thay đổi."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            help="Thư mục bản sao (wget --mirror), địa chỉ trang cũ (http://…) hoặc tệp "
            "xuất WordPress (.xml).",
        )
        parser.add_argument(
            "--mapping", help="Tệp ánh xạ TOML, ví dụ oldsite/mappings/aspnet-lhh.toml."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ báo cáo những gì sẽ được tạo, cập nhật hay bỏ qua; không ghi gì.",
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=1.0,
            help="Khi đọc trực tiếp: số giây chờ giữa hai lần tải (mặc định 1; robots.txt "
            "có thể yêu cầu lâu hơn).",
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=1000,
            help="Khi đọc trực tiếp: số trang tải nhiều nhất (mặc định 1000).",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=15.0,
            help="Khi đọc trực tiếp: số giây chờ mỗi lần tải (mặc định 15).",
        )
        parser.add_argument(
            "--files",
            help="Với tệp WordPress: thư mục hoặc địa chỉ chứa tệp đính kèm (mặc định: "
            "địa chỉ trang WordPress ghi trong tệp xuất).",
        )

    def handle(self, *args, source, mapping, dry_run, verbosity, **options):
        if options["delay"] < 0 or options["max_pages"] < 1 or options["timeout"] <= 0:
            raise CommandError("--delay phải ≥ 0, --max-pages ≥ 1 và --timeout > 0.")
        shown = verbosity > 0 and sys.stderr.isatty()

        def progress(items, desc="Đang nhập", **more):
            return tqdm(items, desc=desc, unit="mục", disable=not shown, **more)

        polite = {"delay": options["delay"], "timeout": options["timeout"]}
        try:
            if Path(source).is_file():
                export = read_wxr(source)
                files = open_files(options["files"], export.base_url, **polite)
                run = WxrImport(export, files, dry_run=dry_run, progress=progress)
            else:
                if not mapping:
                    raise CommandError("Hãy chỉ tệp ánh xạ bằng --mapping <tệp.toml>.")
                loaded = load_mapping(mapping)
                opened = open_source(source, loaded, max_pages=options["max_pages"], **polite)
                opened.progress = lambda: tqdm(
                    desc="Đang tải trang", unit="trang", disable=not shown
                )
                run = SiteImport(opened, loaded, dry_run=dry_run, progress=progress)
        except (MappingError, SourceError, WxrError) as exc:
            raise CommandError(str(exc)) from exc
        report = run.run()
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
