import pytest

from members import demo
from members.models import Organization, OrganizationGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    demo.seed(lambda message: None)


def test_demo_creates_the_three_groups_of_the_reference_tree(seeded):
    assert list(OrganizationGroup.objects.values_list("name", flat=True)) == [
        "Hội thành viên",
        "Tổ chức KH&CN",
        "Tổ chức trực thuộc LHH",
    ]
    assert "Tổ chức Khoa học và Công nghệ" in OrganizationGroup.objects.get(order=2).description


def test_demo_figures_match_the_associations_report(seeded, client):
    # "hơn 40 tổ chức thành viên với trên 15.000 người"
    statistics = client.get("/to-chuc-thanh-vien/").context["statistics"]
    assert statistics["organizations"] > 40
    assert statistics["members_rounded"] == 15000


def test_every_demo_organization_is_marked_as_demo_data_and_has_a_logo(seeded):
    for organization in Organization.objects.all():
        assert "Dữ liệu mẫu" in organization.description
        assert organization.logo_width == organization.logo_height == 160
        assert organization.fields.exists()


def test_seeding_twice_changes_nothing(seeded):
    before = list(Organization.objects.values_list("pk", "slug", "logo", "updated_at"))
    demo.seed(lambda message: None)
    after = list(Organization.objects.values_list("pk", "slug", "logo", "updated_at"))
    assert before == after
    assert OrganizationGroup.objects.count() == 3


def test_seeding_keeps_what_staff_renamed(seeded):
    group = OrganizationGroup.objects.get(slug="hoi-thanh-vien")
    group.name = "Các hội thành viên"
    group.save()
    demo.seed(lambda message: None)
    assert OrganizationGroup.objects.get(slug="hoi-thanh-vien").name == "Các hội thành viên"
    assert OrganizationGroup.objects.count() == 3
