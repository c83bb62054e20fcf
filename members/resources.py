"""The member list as a spreadsheet, with Vietnamese headings
(core.spreadsheets). A row is the organization of that name, or a new one;
its group is named by its name ("Hội thành viên")."""

from import_export import fields

from core.spreadsheets import (
    CountWidget,
    DayWidget,
    NameWidget,
    SpreadsheetResource,
    YesNoWidget,
    text_column,
)

from .models import Organization, OrganizationGroup


class OrganizationResource(SpreadsheetResource):
    name = text_column("name", "Tên tổ chức")
    short_name = text_column("short_name", "Tên viết tắt")
    group = fields.Field("group", "Nhóm", widget=NameWidget(OrganizationGroup))
    leader_title = text_column("leader_title", "Chức vụ người đứng đầu")
    leader_name = text_column("leader_name", "Họ tên người đứng đầu")
    founded_on = fields.Field("founded_on", "Ngày thành lập", widget=DayWidget())
    founding_decision = text_column("founding_decision", "Số quyết định thành lập")
    member_count = fields.Field("member_count", "Số hội viên", widget=CountWidget())
    address = text_column("address", "Địa chỉ")
    phone = text_column("phone", "Điện thoại")
    email = text_column("email", "Thư điện tử")
    website = text_column("website", "Trang web")
    order = fields.Field("order", "Thứ tự", widget=CountWidget(), saves_null_values=False)
    is_active = fields.Field(
        "is_active", "Đang hiển thị", widget=YesNoWidget(), saves_null_values=False
    )

    class Meta:
        model = Organization
        name = "Danh sách tổ chức thành viên"
        fields = [
            "name", "short_name", "group", "leader_title", "leader_name", "founded_on",
            "founding_decision", "member_count", "address", "phone", "email", "website",
            "order", "is_active",
        ]  # fmt: skip
        import_id_fields = ["name"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
