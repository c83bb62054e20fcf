import pytest

from members.models import Organization, round_down_figure

from .factories import FieldFactory, OrganizationFactory, OrganizationGroupFactory

pytestmark = pytest.mark.django_db


def test_slugs_fold_vietnamese_letters():
    organization = OrganizationFactory(name="Hội Đông y tỉnh Lâm Đồng")
    assert organization.slug == "hoi-dong-y-tinh-lam-dong"


def test_group_and_field_slugs_are_vietnamese_aware():
    assert OrganizationGroupFactory(name="Tổ chức KH&CN").slug == "to-chuc-kh-cn"
    assert FieldFactory(name="Y tế – Dược").slug == "y-te-duoc"


def test_active_leaves_out_hidden_organizations():
    shown = OrganizationFactory()
    OrganizationFactory(is_active=False)
    assert list(Organization.objects.active()) == [shown]


def test_profile_url_nests_the_organization_under_its_group():
    group = OrganizationGroupFactory(name="Hội thành viên")
    organization = OrganizationFactory(name="Hội Y học", group=group)
    assert organization.get_absolute_url() == "/to-chuc-thanh-vien/hoi-thanh-vien/hoi-y-hoc/"


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0263 3822 466", "tel:02633822466"),
        ("(0263) 3822.466 – 0913 123 456", "tel:02633822466"),
        ("+84 263 3822 466", "tel:+842633822466"),
        ("không có", ""),
    ],
)
def test_tel_href_dials_the_first_number(phone, href):
    assert Organization(phone=phone).tel_href == href


@pytest.mark.parametrize(
    ("total", "rounded"),
    [
        (0, 0),
        (43, 43),
        (987, 980),
        (1234, 1200),
        (15000, 15000),
        (15868, 15000),
        (153_400, 150_000),
    ],
)
def test_member_total_is_rounded_down_to_two_significant_digits(total, rounded):
    assert round_down_figure(total) == rounded


def test_statistics_sum_the_active_organizations_members(client):
    OrganizationFactory(member_count=1850)
    OrganizationFactory(member_count=620)
    OrganizationFactory(member_count=None)
    OrganizationFactory(member_count=5000, is_active=False)
    assert client.get("/to-chuc-thanh-vien/").context["statistics"] == {
        "organizations": 3,
        "members": 2470,
        "members_rounded": 2400,
    }


def test_statistics_of_an_empty_directory_are_zero(client):
    assert client.get("/to-chuc-thanh-vien/").context["statistics"] == {
        "organizations": 0,
        "members": 0,
        "members_rounded": 0,
    }
