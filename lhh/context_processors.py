from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core.addresses import reverse

# The top menu (DESIGN.md's public URLs), as (view name, arguments, label).
MAIN_MENU = [
    ("lhh:home", {}, "Trang chủ"),
    ("sitecontent:page", {"slug": "gioi-thieu-chung"}, "Giới thiệu"),
    ("news:list", {}, "Tin tức"),
    ("events:list", {}, "Sự kiện"),
    ("members:index", {}, "Tổ chức thành viên"),
    ("documents:list", {}, "Văn bản"),
    ("bulletins:list", {}, "Bản tin"),
    ("qa:question_list", {}, "Hỏi đáp"),
    ("contests:list", {}, "Cuộc thi"),
    ("gallery:album_list", {}, "Thư viện ảnh"),
    ("sitecontent:page", {"slug": "lien-he"}, "Liên hệ"),
]


def main_menu():
    return [(reverse(name, kwargs=kwargs), label) for name, kwargs, label in MAIN_MENU]


def main_menu_and_date(request):
    return {
        "main_menu": SimpleLazyObject(main_menu),
        "now": timezone.localtime(),
    }
