from django.utils import timezone

from .models import SiteProfile

# The top menu (DESIGN.md's public URLs); paths, not reversed names, because
# they are part of the portal's public address space and never change.
MAIN_MENU = [
    ("/", "Trang chủ"),
    ("/gioi-thieu/gioi-thieu-chung/", "Giới thiệu"),
    ("/tin-tuc/", "Tin tức"),
    ("/to-chuc-thanh-vien/", "Tổ chức thành viên"),
    ("/van-ban/", "Văn bản"),
    ("/hoi-dap/", "Hỏi đáp"),
    ("/thu-vien-anh/", "Thư viện ảnh"),
    ("/gioi-thieu/lien-he/", "Liên hệ"),
]


def site(request):
    return {
        "site": SiteProfile.load(),
        "main_menu": MAIN_MENU,
        "now": timezone.localtime(),
    }
