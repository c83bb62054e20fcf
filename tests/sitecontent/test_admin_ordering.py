"""Ordering in the admin: dragged rows (django-admin-sortable2), and the same
order typed as plain numbers for staff without JavaScript."""

import json

import pytest
from django.urls import reverse

from sitecontent.models import Link

from .factories import LinkFactory, PageFactory

pytestmark = pytest.mark.django_db

LINKS_URL = reverse("admin:sitecontent_link_changelist")


def list_data(links, orders):
    """The Links list as the browser posts it after numbers are typed in."""
    data = {
        "form-TOTAL_FORMS": len(links),
        "form-INITIAL_FORMS": len(links),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
        "_save": "Lưu",
    }
    for index, (link, order) in enumerate(zip(links, orders, strict=True)):
        data[f"form-{index}-id"] = link.pk
        data[f"form-{index}-order"] = order
        if link.is_active:
            data[f"form-{index}-is_active"] = "on"
    return data


def test_numbers_typed_in_the_list_reorder_the_links(admin_client):
    first, second, third = (LinkFactory(order=n) for n in (1, 2, 3))
    response = admin_client.post(LINKS_URL, list_data([first, second, third], [3, 1, 2]))
    assert response.status_code == 302
    assert list(Link.objects.all()) == [second, third, first]


def test_the_list_has_a_drag_handle_and_keeps_the_number_column(admin_client):
    link = LinkFactory(order=4)
    html = admin_client.get(LINKS_URL).content.decode()
    assert f'class="drag handle" pk="{link.pk}" order="4"' in html
    assert 'name="form-0-order"' in html
    assert "js/admin-sort.js" in html


def test_the_list_configures_its_script_with_data_not_a_script(admin_client):
    # Under script-src 'self' an inline script would not run; a JSON data
    # block is not a script, and the library reads it from the page.
    LinkFactory()
    html = admin_client.get(LINKS_URL).content.decode()
    assert '<script type="application/json" id="admin_sortable2_config">' in html
    assert "<script>" not in html


def test_a_drag_stores_the_new_order(admin_client):
    first, second = LinkFactory(order=1), LinkFactory(order=2)
    response = admin_client.post(
        reverse("admin:sitecontent_link_sortable_update"),
        json.dumps({"updatedItems": [[second.pk, 1], [first.pk, 2]]}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert list(Link.objects.all()) == [second, first]


def test_staff_who_may_only_view_cannot_drag(client, staff_user):
    link = LinkFactory(order=1)
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:sitecontent_link_sortable_update"),
        json.dumps({"updatedItems": [[link.pk, 5]]}),
        content_type="application/json",
    )
    link.refresh_from_db()
    assert response.status_code == 403
    assert link.order == 1


def test_the_change_form_keeps_the_order_as_a_number(admin_client):
    page = PageFactory(order=2)
    html = admin_client.get(
        reverse("admin:sitecontent_page_change", args=[page.pk])
    ).content.decode()
    assert 'type="number" name="order" value="2"' in html


def test_a_new_link_goes_last_unless_its_number_is_typed(admin_client):
    LinkFactory(order=5)
    add_url = reverse("admin:sitecontent_link_add")
    data = {"title": "Bộ Khoa học và Công nghệ", "url": "https://most.gov.vn/", "order": 0}
    admin_client.post(add_url, {**data, "is_active": "on", "_save": "Lưu"})
    admin_client.post(add_url, {**data, "title": "Sở Khoa học", "order": 2, "_save": "Lưu"})
    assert Link.objects.get(title="Bộ Khoa học và Công nghệ").order == 6
    assert Link.objects.get(title="Sở Khoa học").order == 2


def test_a_drag_shows_at_once_in_the_public_links_block(admin_client, client):
    first, second = LinkFactory(order=1), LinkFactory(order=2)
    before = client.get("/").content.decode()
    assert before.index(first.title) < before.index(second.title)
    admin_client.post(
        reverse("admin:sitecontent_link_sortable_update"),
        json.dumps({"updatedItems": [[second.pk, 1], [first.pk, 2]]}),
        content_type="application/json",
    )
    after = client.get("/").content.decode()
    assert after.index(second.title) < after.index(first.title)
