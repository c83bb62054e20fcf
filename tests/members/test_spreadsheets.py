"""The member list in and out of Excel and CSV (the admin's Nhập/Xuất)."""

import datetime

import pytest
from django.contrib.auth.models import Group

from members.models import Organization
from tests.spreadsheets import (
    CSV,
    XLSX,
    confirm_import,
    csv_bytes,
    export,
    read_csv,
    read_xlsx,
    start_import,
    xlsx,
)

from .factories import OrganizationFactory, OrganizationGroupFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/organization/"
HEADINGS = [
    "Tên tổ chức", "Tên viết tắt", "Nhóm", "Chức vụ người đứng đầu", "Họ tên người đứng đầu",
    "Ngày thành lập", "Số quyết định thành lập", "Số hội viên", "Địa chỉ", "Điện thoại",
    "Thư điện tử", "Trang web", "Thứ tự", "Đang hiển thị",
]  # fmt: skip


@pytest.fixture
def members(db):
    societies = OrganizationGroupFactory(name="Hội thành viên")
    OrganizationGroupFactory(name="Tổ chức Khoa học và Công nghệ")
    return [
        OrganizationFactory(
            name="Hội Tin học Lâm Đồng",
            short_name="LDIA",
            group=societies,
            leader_name="Nguyễn Văn Bình",
            founded_on=datetime.date(1998, 5, 12),
            member_count=1250,
            email="hoitinhoc@lamdong.example",
            order=1,
        ),
        OrganizationFactory(name="Hội Y học Lâm Đồng", group=societies, order=2),
    ]


def test_an_export_has_vietnamese_headings(admin_client, members):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    assert rows[0] == HEADINGS
    first = rows[1]
    assert first[:3] == ["Hội Tin học Lâm Đồng", "LDIA", "Hội thành viên"]
    assert (first[5], first[7], first[13]) == ("12/05/1998", 1250, "Có")


def test_a_csv_round_trip_updates_and_adds(admin_client, members):
    rows = read_csv(export(admin_client, CHANGELIST, CSV).content)
    rows[1][7] = "1.300"
    rows.append(
        ["Trung tâm Tư vấn và Chuyển giao Công nghệ", "", "Tổ chức Khoa học và Công nghệ",
         "Giám đốc", "Phạm Minh Tâm", "01/07/2005", "", "", "Đà Lạt", "", "", "", "3", "Có"]
    )  # fmt: skip
    preview = start_import(admin_client, CHANGELIST, csv_bytes(rows), "hoi-vien.csv", CSV)
    page = preview.content.decode()
    assert page.count('class="new"') == 1 and page.count('class="update"') == 1
    assert Organization.objects.count() == 2
    confirm_import(admin_client, CHANGELIST, preview)
    assert Organization.objects.get(name="Hội Tin học Lâm Đồng").member_count == 1300
    added = Organization.objects.get(name="Trung tâm Tư vấn và Chuyển giao Công nghệ")
    assert added.group.name == "Tổ chức Khoa học và Công nghệ" and added.leader_title == "Giám đốc"
    assert added.founded_on == datetime.date(2005, 7, 1)


def test_an_unknown_group_is_named_with_its_line(admin_client, members):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    rows[2][2] = "Hội viên danh dự"
    page = start_import(admin_client, CHANGELIST, xlsx(rows), "hoi-vien.xlsx").content.decode()
    assert '<th scope="row">3</th>' in page
    assert "<strong>Nhóm</strong>: Không có nhóm tổ chức “Hội viên danh dự”" in page
    assert "Xác nhận nhập" not in page


def test_a_bad_email_and_member_count_are_named(admin_client, members):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    rows[1][10] = "khong-phai-email"
    rows[1][7] = "nhiều"
    page = start_import(admin_client, CHANGELIST, xlsx(rows), "hoi-vien.xlsx").content.decode()
    assert "<strong>Số hội viên</strong>: “nhiều” phải là một số nguyên không âm" in page
    assert "<strong>Thư điện tử</strong>: Nhập địa chỉ email" in page
    assert Organization.objects.get(name="Hội Tin học Lâm Đồng").email == (
        "hoitinhoc@lamdong.example"
    )


def staff_in(django_user_model, group_name):
    user = django_user_model.objects.create_user("nhanvien", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_may_exchange_the_member_list(client, django_user_model, members):
    client.force_login(staff_in(django_user_model, "Biên tập viên"))
    assert client.get(f"{CHANGELIST}import/").status_code == 200
    assert read_xlsx(export(client, CHANGELIST, XLSX).content)[0] == HEADINGS


@pytest.mark.parametrize("group_name", ["Văn thư", "Cộng tác viên", "Người duyệt"])
def test_other_staff_may_not(client, django_user_model, members, group_name):
    client.force_login(staff_in(django_user_model, group_name))
    assert client.get(f"{CHANGELIST}import/").status_code == 403
    assert client.get(f"{CHANGELIST}export/").status_code == 403
