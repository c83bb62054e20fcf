import lxml.html
import pytest

from .factories import FieldFactory, OrganizationFactory, OrganizationGroupFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    return " ".join(
        lxml.html.fromstring(response.content.decode()).xpath("//main")[0].text_content().split()
    )


def facts(response):
    """{term: description} of the page's description lists ("Số hội viên": "260")."""
    document = lxml.html.fromstring(response.content.decode())
    return {
        " ".join(row.xpath("./dt")[0].text_content().split()): " ".join(
            row.xpath("./dd")[0].text_content().split()
        )
        for row in document.xpath("//main//dl/div")
    }


def names_listed(response):
    document = lxml.html.fromstring(response.content.decode())
    return [a.text_content() for a in document.xpath('//*[@class="org-card__name"]/a')]


@pytest.fixture
def group():
    return OrganizationGroupFactory(name="Hội thành viên", description="Các hội chuyên ngành.")


# /to-chuc-thanh-vien/


def test_directory_states_the_organization_count_and_rounded_members(client, group):
    for count in (1850, 620, 9000, 4398):
        OrganizationFactory(group=group, member_count=count)
    OrganizationFactory(group=group, member_count=None)
    OrganizationFactory(group=group, member_count=7000, is_active=False)

    response = client.get("/to-chuc-thanh-vien/")

    # 1850 + 620 + 9000 + 4398 = 15.868 → "trên 15.000"; the hidden one is left out.
    assert "5 tổ chức thành viên với trên 15.000 hội viên" in text_of(response)
    assert "Tổng số hội viên các tổ chức khai báo: 15.868." in text_of(response)
    document = lxml.html.fromstring(response.content.decode())
    footer = [
        " ".join(cell.text_content().split()) for cell in document.xpath("//tfoot//th|//tfoot//td")
    ]
    assert footer == ["5 tổ chức", "15.868"]


def test_directory_quotes_an_exact_round_total_without_over(client, group):
    OrganizationFactory(group=group, member_count=1000)
    OrganizationFactory(group=group, member_count=500)
    assert "2 tổ chức thành viên với 1.500 hội viên" in text_of(client.get("/to-chuc-thanh-vien/"))


def test_directory_lists_every_group_with_its_organizations(client, group):
    other = OrganizationGroupFactory(name="Tổ chức KH&CN")
    OrganizationFactory(name="Hội Y học", group=group, leader_name="BS. Lê Mai")
    OrganizationFactory(name="Viện Nông nghiệp", group=other)
    OrganizationFactory(name="Hội đã giải thể", group=group, is_active=False)

    page = text_of(client.get("/to-chuc-thanh-vien/"))

    assert "Hội thành viên" in page and "Tổ chức KH&CN" in page
    assert "Hội Y học" in page and "Chủ tịch: BS. Lê Mai" in page
    assert "Viện Nông nghiệp" in page
    assert "Hội đã giải thể" not in page


def test_empty_directory_says_it_is_being_updated(client):
    page = text_of(client.get("/to-chuc-thanh-vien/"))
    assert "Danh sách tổ chức thành viên đang được cập nhật." in page


# /to-chuc-thanh-vien/<group>/


def test_group_page_lists_its_active_organizations_with_leader_field_and_members(client, group):
    medicine = FieldFactory(name="Y tế – Dược")
    OrganizationFactory(
        name="Hội Y học",
        group=group,
        leader_title="Chủ tịch",
        leader_name="BS. Lê Mai",
        member_count=1850,
        fields=[medicine],
    )
    OrganizationFactory(name="Hội ẩn", group=group, is_active=False)
    OrganizationFactory(name="Viện khác", group=OrganizationGroupFactory())

    response = client.get(group.get_absolute_url())

    assert names_listed(response) == ["Hội Y học"]
    assert facts(response) == {
        "Chủ tịch": "BS. Lê Mai",
        "Lĩnh vực": "Y tế – Dược",
        "Số hội viên": "1.850",
    }


def test_group_page_filters_by_field(client, group):
    medicine = FieldFactory(name="Y tế – Dược")
    farming = FieldFactory(name="Nông nghiệp")
    OrganizationFactory(name="Hội Y học", group=group, fields=[medicine])
    OrganizationFactory(name="Hội Làm vườn", group=group, fields=[farming])

    response = client.get(group.get_absolute_url(), {"linh-vuc": "y-te-duoc"})

    assert names_listed(response) == ["Hội Y học"]
    assert "1 tổ chức thuộc lĩnh vực Y tế – Dược" in text_of(response)


@pytest.mark.parametrize(
    "value", ["khong-co", "Y tế", "'; DROP TABLE x; --", "\x00", "a" * 5000, "../.."]
)
def test_group_page_with_an_unknown_field_shows_everything_and_says_so(client, group, value):
    FieldFactory(name="Y tế – Dược")
    OrganizationFactory(name="Hội Y học", group=group)

    response = client.get(group.get_absolute_url(), {"linh-vuc": value})

    assert response.status_code == 200
    assert names_listed(response) == ["Hội Y học"]
    assert "đang hiện tất cả tổ chức" in text_of(response)


def test_group_page_offers_only_fields_its_organizations_have(client, group):
    OrganizationFactory(group=group, fields=[FieldFactory(name="Tin học")])
    FieldFactory(name="Lịch sử")
    OrganizationFactory(group=OrganizationGroupFactory(), fields=[FieldFactory(name="Luật")])

    document = lxml.html.fromstring(client.get(group.get_absolute_url()).content.decode())
    options = document.xpath('//select[@name="linh-vuc"]/option/text()')

    assert options == ["Tất cả lĩnh vực", "Tin học"]


def test_group_page_is_paginated(client, group):
    for _ in range(25):
        OrganizationFactory(group=group)
    second = client.get(group.get_absolute_url(), {"page": 2})
    assert len(names_listed(second)) == 5
    assert "Trang 2/2 trang" in text_of(second)


@pytest.mark.parametrize("page", ["99", "abc", "-1"])
def test_group_page_with_a_bad_page_number_is_404(client, group, page):
    OrganizationFactory(group=group)
    assert client.get(group.get_absolute_url(), {"page": page}).status_code == 404


def test_unknown_group_is_404(client):
    assert client.get("/to-chuc-thanh-vien/khong-co-nhom/").status_code == 404


# /to-chuc-thanh-vien/<group>/<organization>/


@pytest.fixture
def organization(group):
    return OrganizationFactory(
        name="Hội Tin học tỉnh Lâm Đồng",
        short_name="LDIA",
        group=group,
        leader_title="Chủ tịch",
        leader_name="TS. Nguyễn Hoàng Long",
        member_count=260,
        founding_decision="1234/QĐ-UBND",
        founded_on="2005-03-15",
        address="Số 1 Trần Hưng Đạo, Đà Lạt",
        phone="0263 3822 466",
        email="hoitinhoc@example.vn",
        website="https://hoitinhoc.example.vn/",
        description="<p>Dữ liệu mẫu.</p><script>alert(1)</script>",
        fields=[FieldFactory(name="Công nghệ thông tin"), FieldFactory(name="Giáo dục")],
    )


def test_profile_shows_all_public_details(client, organization):
    response = client.get(organization.get_absolute_url())
    assert facts(response) == {
        "Nhóm": "Hội thành viên",
        "Lĩnh vực hoạt động": "Công nghệ thông tin, Giáo dục",
        "Chủ tịch": "TS. Nguyễn Hoàng Long",
        "Số hội viên": "260",
        "Ngày thành lập": "15/03/2005",
        "Quyết định thành lập": "Số 1234/QĐ-UBND",
        "Địa chỉ": "Số 1 Trần Hưng Đạo, Đà Lạt",
        "Điện thoại": "0263 3822 466",
        "Thư điện tử": "hoitinhoc@example.vn",
        "Trang web": "https://hoitinhoc.example.vn/ (mở cửa sổ mới)",
    }
    page = text_of(response)
    assert "Tên viết tắt: LDIA" in page
    assert "Dữ liệu mẫu." in page


def test_profile_shows_its_fields_linked_to_the_filtered_group(client, organization):
    response = client.get(organization.get_absolute_url())
    assert facts(response)["Lĩnh vực hoạt động"] == "Công nghệ thông tin, Giáo dục"
    assert 'href="/to-chuc-thanh-vien/hoi-thanh-vien/?linh-vuc=cong-nghe-thong-tin"' in (
        response.content.decode()
    )


def test_profile_links_email_phone_and_website(client, organization):
    html = client.get(organization.get_absolute_url()).content.decode()
    assert 'href="mailto:hoitinhoc@example.vn"' in html
    assert 'href="tel:02633822466"' in html
    assert 'href="https://hoitinhoc.example.vn/"' in html


def test_profile_never_shows_a_script_from_the_description(client, organization):
    assert (
        "<script>alert(1)</script>"
        not in client.get(organization.get_absolute_url()).content.decode()
    )


def test_profile_carries_opengraph_and_dublin_core(client, organization):
    html = client.get(organization.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Hội Tin học tỉnh Lâm Đồng">' in html
    assert '<meta name="DC.title" content="Hội Tin học tỉnh Lâm Đồng">' in html


def test_inactive_organization_is_404_for_visitors(client, organization):
    organization.is_active = False
    organization.save()
    assert client.get(organization.get_absolute_url()).status_code == 404


def test_staff_who_edit_organizations_may_preview_an_inactive_one(client, superuser, organization):
    organization.is_active = False
    organization.save()
    client.force_login(superuser)
    response = client.get(organization.get_absolute_url())
    assert "Tổ chức này đang ẩn" in text_of(response)


def test_staff_without_change_permission_get_404_for_an_inactive_one(
    client, staff_user, organization
):
    organization.is_active = False
    organization.save()
    client.force_login(staff_user)
    assert client.get(organization.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/to-chuc-thanh-vien/hoi-thanh-vien/khong-co/",
        "/to-chuc-thanh-vien/khong-co/khong-co/",
        "/to-chuc-thanh-vien/hoi-thanh-vien/hoi-tin-hoc-tinh-lam-dong/thua/",
    ],
)
def test_unknown_profile_paths_are_404(client, organization, path):
    assert client.get(path).status_code == 404


def test_profile_under_another_groups_path_redirects_to_its_address(client, organization):
    OrganizationGroupFactory(name="Tổ chức KH&CN")
    response = client.get("/to-chuc-thanh-vien/to-chuc-kh-cn/hoi-tin-hoc-tinh-lam-dong/")
    assert response.status_code == 301
    assert response["Location"] == organization.get_absolute_url()


# Query counts: the same at two data sizes, and small.


def make_directory(size):
    fields = [FieldFactory() for _ in range(3)]
    groups = [OrganizationGroupFactory() for _ in range(3)]
    for n in range(size):
        OrganizationFactory(group=groups[n % 3], fields=fields[: 1 + n % 3])
    return groups


@pytest.mark.parametrize("url", ["/to-chuc-thanh-vien/", "group", "group-filtered", "profile"])
def test_member_pages_run_the_same_small_number_of_queries(count_queries, url):
    def resolve():
        from members.models import Organization, OrganizationGroup

        group = OrganizationGroup.objects.first()
        if url == "group":
            return group.get_absolute_url()
        if url == "group-filtered":
            return (
                group.get_absolute_url()
                + "?linh-vuc="
                + group.organizations.first().fields.first().slug
            )
        if url == "profile":
            return Organization.objects.order_by("pk").first().get_absolute_url()
        return url

    make_directory(3)
    few = count_queries(resolve())
    make_directory(40)
    many = count_queries(resolve())

    assert few == many
    assert many <= 12


def test_sitemap_lists_groups_and_active_organizations_only(client, organization):
    hidden = OrganizationFactory(name="Hội ẩn", group=organization.group, is_active=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/to-chuc-thanh-vien/hoi-thanh-vien/</loc>" in xml
    assert organization.get_absolute_url() + "</loc>" in xml
    assert hidden.get_absolute_url() not in xml


def test_directory_shows_a_dash_for_an_unknown_member_count(client, group):
    OrganizationFactory(name="Bản tin Khoa học", group=group, member_count=None)
    document = lxml.html.fromstring(client.get("/to-chuc-thanh-vien/").content.decode())
    cells = document.xpath('//tbody//td[contains(@class, "members-table__number")]/text()')
    assert cells == ["—"]


def test_a_long_group_lists_its_first_organizations_and_counts_them_all(client, group):
    from members.views import OrganizationGroupListView

    limit = OrganizationGroupListView.per_group
    for n in range(limit + 3):
        OrganizationFactory(name=f"Hội số {n:02}", group=group, order=n, member_count=10)

    response = client.get("/to-chuc-thanh-vien/")
    document = lxml.html.fromstring(response.content.decode())

    rows = document.xpath("//tbody/tr")
    assert len(rows) == limit
    assert rows[0].xpath(".//a")[0].text_content() == "Hội số 00"
    assert f"{limit + 3} tổ chức thành viên với {(limit + 3) * 10} hội viên" in text_of(response)
    footer = [" ".join(c.text_content().split()) for c in document.xpath("//tfoot//th|//tfoot//td")]
    assert footer == [f"{limit + 3} tổ chức", f"{(limit + 3) * 10}"]
    assert f"Bảng trên liệt kê {limit} trong số {limit + 3} tổ chức của nhóm." in text_of(response)
    more = document.xpath('//p[@class="members-group__more"]/a')[0]
    assert more.text_content() == f"Xem tất cả {limit + 3} tổ chức của nhóm Hội thành viên »"
    assert more.get("href") == group.get_absolute_url()
