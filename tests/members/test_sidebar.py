import lxml.html
import pytest

from members.templatetags.members_sidebar import TREE_BRANCH_LIMIT

from .factories import OrganizationFactory, OrganizationGroupFactory

pytestmark = pytest.mark.django_db


def tree(response):
    """The TỔ CHỨC THÀNH VIÊN block of a rendered page."""
    document = lxml.html.fromstring(response.content.decode())
    return document.xpath('//section[@aria-labelledby="block-members"]')[0]


def branches(block):
    """{group name: ([organization names], is open)} as the tree shows them."""
    result = {}
    for details in block.xpath('.//details[@class="tree__group"]'):
        name = details.xpath("./summary")[0].text.strip()
        links = details.xpath('.//li[not(@class="tree__all")]/a')
        result[name] = ([a.text_content() for a in links], details.get("open") is not None)
    return result


def test_tree_lists_each_groups_active_organizations_in_order(client):
    members = OrganizationGroupFactory(name="Hội thành viên", order=1)
    institutes = OrganizationGroupFactory(name="Tổ chức KH&CN", order=2)
    OrganizationFactory(name="Hội Tin học", group=members, order=2)
    OrganizationFactory(name="Hội Y học", group=members, order=1)
    OrganizationFactory(name="Hội đã giải thể", group=members, order=0, is_active=False)
    OrganizationFactory(name="Viện Nông nghiệp", group=institutes)

    assert branches(tree(client.get("/"))) == {
        "Hội thành viên": (["Hội Y học", "Hội Tin học"], False),
        "Tổ chức KH&CN": (["Viện Nông nghiệp"], False),
    }


def test_tree_shows_an_empty_group_with_its_empty_line(client):
    OrganizationGroupFactory(name="Tổ chức trực thuộc LHH")
    OrganizationFactory(name="Hội ẩn", group__name="Khác", is_active=False)
    block = tree(client.get("/"))
    assert "Chưa có tổ chức." in block.text_content()
    assert "Hội ẩn" not in block.text_content()


def test_tree_without_groups_says_it_is_being_updated(client):
    block = tree(client.get("/"))
    assert "Danh sách tổ chức thành viên đang được cập nhật." in block.text_content()


def test_tree_opens_the_current_organizations_group_and_marks_it(client):
    members = OrganizationGroupFactory(name="Hội thành viên")
    OrganizationGroupFactory(name="Tổ chức KH&CN")
    current = OrganizationFactory(name="Hội Y học", group=members)
    OrganizationFactory(name="Hội Tin học", group=members)

    block = tree(client.get(current.get_absolute_url()))

    assert branches(block)["Hội thành viên"][1] is True
    assert branches(block)["Tổ chức KH&CN"][1] is False
    marked = block.xpath('.//a[@aria-current="page"]')
    assert [a.text_content() for a in marked] == ["Hội Y học"]


def test_tree_opens_the_group_whose_page_is_shown(client):
    group = OrganizationGroupFactory(name="Tổ chức KH&CN")
    OrganizationFactory(group=group)
    block = tree(client.get(group.get_absolute_url()))
    assert branches(block)["Tổ chức KH&CN"][1] is True
    assert not block.xpath('.//a[@aria-current="page"]')


def test_tree_runs_the_same_queries_for_3_and_30_organizations(count_queries):
    groups = [OrganizationGroupFactory() for _ in range(3)]
    for group in groups:
        OrganizationFactory(group=group)
    few = count_queries("/")

    for n in range(27):
        OrganizationFactory(group=groups[n % 3], is_active=n % 5 != 0)
    many = count_queries("/")

    assert few == many
    assert many <= 12


def test_a_long_branch_lists_its_first_organizations_and_links_to_the_rest(client):
    group = OrganizationGroupFactory(name="Hội thành viên")
    organizations = [
        OrganizationFactory(name=f"Hội số {n:02}", group=group, order=n)
        for n in range(TREE_BRANCH_LIMIT + 5)
    ]

    block = tree(client.get("/"))
    names, is_open = branches(block)["Hội thành viên"]
    assert names == [o.name for o in organizations[:TREE_BRANCH_LIMIT]]
    assert f"({TREE_BRANCH_LIMIT + 5})" in block.text_content()
    more = block.xpath('.//li[@class="tree__all"]/a')[0]
    assert more.text_content() == f"Xem tất cả {TREE_BRANCH_LIMIT + 5} tổ chức của nhóm »"
    assert more.get("href") == group.get_absolute_url()

    # The profile of one left out still finds itself in the tree, marked.
    current = organizations[-2]
    block = tree(client.get(current.get_absolute_url()))
    names, is_open = branches(block)["Hội thành viên"]
    assert is_open
    assert names == [o.name for o in organizations[:TREE_BRANCH_LIMIT]] + [current.name]
    assert [a.text_content() for a in block.xpath('.//a[@aria-current="page"]')] == [current.name]
