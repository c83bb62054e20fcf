"""Demo redirects: addresses of the Lâm Đồng association's old ASP.NET
portal that staff redirect by hand (the importer adds the rest: `make
import-demo` imports the fixture mirror of tests/oldsite/mirror/).

Rows are looked up by their old address and created only if missing, so
running the seed again changes nothing."""

from .addresses import key_of_address
from .models import OldAddress

REDIRECTS = [
    ("/Default.aspx", "/", "Trang chủ của trang cũ"),
    ("/HoiDap.aspx", "/hoi-dap/", "Trang hỏi đáp của trang cũ"),
    ("/TimKiem.aspx", "/tim-kiem/", "Trang tìm kiếm của trang cũ"),
    ("/VanBan.aspx", "/van-ban/", "Danh sách văn bản của trang cũ"),
]


def seed(log):
    for address, target, reason in REDIRECTS:
        if not OldAddress.objects.filter(key=key_of_address(address)).exists():
            OldAddress.objects.create(address=address, target_url=target, reason=reason)
            log(f"Chuyển hướng {address} → {target}")
