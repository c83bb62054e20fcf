import pytest
from django.urls import reverse, set_script_prefix

from lhh.links import Link


@pytest.mark.parametrize(
    ("viewname", "kwargs"),
    [
        ("documents:detail", {"slug": "582-qd-ubnd-2018"}),
        ("documents:download", {"slug": "582-qd-ubnd-2018", "file_id": 7}),
        ("news:article", {"category_slug": "tin-tuc", "slug": "hoi-nghi-2024"}),
        ("qa:question_detail", {"pk": 10006, "slug": "-"}),
        ("members:organization", {"group_slug": "hoi-thanh-vien", "slug": "hoi-y-hoc"}),
    ],
)
def test_a_link_is_the_address_reverse_gives(viewname, kwargs):
    assert Link(viewname)(**kwargs) == reverse(viewname, kwargs=kwargs)


def test_each_object_gets_its_own_values():
    link = Link("documents:download")
    assert link(slug="a", file_id=1) == "/van-ban/a/tep/1/"
    assert link(slug="b", file_id=22) == "/van-ban/b/tep/22/"


def test_a_link_follows_the_script_prefix():
    link = Link("documents:detail")
    assert link(slug="a") == "/van-ban/a/"
    set_script_prefix("/lhh/")
    try:
        assert link(slug="a") == "/lhh/van-ban/a/" == reverse("documents:detail", args=["a"])
    finally:
        set_script_prefix("/")


def test_a_value_is_quoted_as_reverse_quotes_it():
    link = Link("lhh:page")
    assert link(slug="gioi-thieu_chung") == reverse("lhh:page", args=["gioi-thieu_chung"])
