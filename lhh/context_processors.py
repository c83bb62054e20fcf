from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .models import SiteProfile

# The top menu (DESIGN.md's public URLs), as (view name, arguments, label).
MAIN_MENU = [
    ("lhh:home", {}, "Trang chủ"),
    ("lhh:page", {"slug": "gioi-thieu-chung"}, "Giới thiệu"),
    ("news:list", {}, "Tin tức"),
    ("members:index", {}, "Tổ chức thành viên"),
    ("documents:list", {}, "Văn bản"),
    ("qa:question_list", {}, "Hỏi đáp"),
    ("gallery:album_list", {}, "Thư viện ảnh"),
    ("lhh:page", {"slug": "lien-he"}, "Liên hệ"),
]


def main_menu():
    return [(reverse(name, kwargs=kwargs), label) for name, kwargs, label in MAIN_MENU]


def site(request):
    return {
        "site": SiteProfile.load(),
        "main_menu": SimpleLazyObject(main_menu),
        "now": timezone.localtime(),
    }
