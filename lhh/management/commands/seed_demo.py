from importlib import import_module
from importlib.util import find_spec

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app adds its demo content in its own `demo.py` with a `seed(log)`
# function; order matters where one app's content links to another's.
DEMO_APPS = ["lhh", "news", "members", "documents", "qa", "gallery"]

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "lhh-demo-2026"


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (chạy lại nhiều lần không tạo thêm gì)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Tạo thêm tài khoản quản trị mẫu (chỉ dùng trên máy thử).",
        )

    def handle(self, *args, admin=False, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        with transaction.atomic():
            for app in DEMO_APPS:
                if find_spec(f"{app}.demo") is not None:
                    import_module(f"{app}.demo").seed(log)
        self.stdout.write(self.style.SUCCESS("Đã nạp nội dung mẫu."))
        if admin:
            self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@example.com", DEMO_ADMIN_PASSWORD
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Tài khoản quản trị mẫu (đăng nhập tại /admin/): "
                f"{DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}"
            )
        )
