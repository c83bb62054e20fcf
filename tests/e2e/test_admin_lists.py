"""Every admin list fits a 1280 px screen with the navigation sidebar open:
no column is pushed out of sight behind a sideways scroll."""

import pytest
from django.contrib import admin
from django.urls import reverse

PASSWORD = "mat-khau-quan-tri-2026"
WIDTH = 1280


@pytest.fixture
def administrator(site, django_user_model):
    return django_user_model.objects.create_superuser("quantri", "q@example.com", PASSWORD)


def changelists():
    from django.apps import apps

    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in apps.get_models()
        if admin.site.is_registered(model)
    ]


def test_no_changelist_scrolls_sideways_at_1280_px(page, site, administrator, screenshot):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(administrator.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    overflowing = []
    for url in changelists():
        page.goto(site.url + url)
        assert page.locator("#nav-sidebar").is_visible(), url
        widths = page.evaluate(
            """() => {
                const box = document.querySelector('#changelist .results')
                    || document.documentElement;
                const page = document.documentElement;
                return [box.scrollWidth, box.clientWidth, page.scrollWidth, page.clientWidth];
            }"""
        )
        if widths[0] > widths[1] or widths[2] > widths[3]:
            overflowing.append(f"{url}: {widths}")
    screenshot(page, "admin-list-1280")
    assert overflowing == []
