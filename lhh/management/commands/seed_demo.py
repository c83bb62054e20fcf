from importlib import import_module
from importlib.util import find_spec

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from lhh.groups import APPROVER_GROUP, CONTESTS_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP
from news.demo import seed_review

# Each app adds its demo content in its own `demo.py` with a `seed(log)`
# function; order matters where one app's content links to another's.
DEMO_APPS = [
    "sitecontent",
    "news",
    "members",
    "documents",
    "qa",
    "gallery",
    "registrations",
    "contests",
    "events",
    # Its contents link to the demo articles.
    "bulletins",
    "oldsite",
]

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "lhh-demo-2026"
# One account per staff group (lhh.groups), to try the admin as each role;
# each has an address at example.com, so the review emails show in the
# worker's output (the console mail backend of `make run`).
DEMO_STAFF = [
    # Django's full name is "first last": the family and middle names first.
    ("congtacvien", "Phạm Văn", "Đức", CONTRIBUTOR_GROUP),
    ("bientap", "Nguyễn Thị", "Hoa", EDITOR_GROUP),
    ("duyet", "Hoàng Thị", "Mai", APPROVER_GROUP),
    ("vanthu", "Trần Văn", "Minh", "Văn thư"),
    ("hoidap", "Lê Thị", "Lan", "Cán bộ hỏi đáp"),
    ("thidua", "Đỗ Văn", "Thắng", CONTESTS_GROUP),
]


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (chạy lại nhiều lần không tạo thêm gì)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Tạo thêm tài khoản quản trị và cán bộ mẫu (chỉ dùng trên máy thử).",
        )

    def handle(self, *args, admin=False, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        with transaction.atomic():
            for app in DEMO_APPS:
                if find_spec(f"{app}.demo") is not None:
                    import_module(f"{app}.demo").seed(log)
        if admin:
            self.ensure_admin()
            # The review demo belongs to the demo accounts: made with them.
            users = get_user_model().objects.filter(username__in=["congtacvien", "bientap"])
            by_name = {user.username: user for user in users}
            with transaction.atomic():
                seed_review(log, contributor=by_name["congtacvien"], editor=by_name["bientap"])
        self.stdout.write(self.style.SUCCESS("Đã nạp nội dung mẫu."))
        if admin:
            self.print_accounts()

    def ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@example.com", DEMO_ADMIN_PASSWORD
            )
        for username, first_name, last_name, group in DEMO_STAFF:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.com",
                    "is_staff": True,
                },
            )
            if created:
                user.set_password(DEMO_ADMIN_PASSWORD)
                user.save()
                user.groups.add(Group.objects.get(name=group))

    def print_accounts(self):
        self.stdout.write(
            self.style.SUCCESS(
                "Tài khoản quản trị mẫu (đăng nhập tại /admin/): "
                f"{DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}; cán bộ mẫu, cùng mật khẩu: "
                + ", ".join(f"{username} ({group})" for username, _, _, group in DEMO_STAFF)
            )
        )
