"""Visits per day exported for reports."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from tests.spreadsheets import CSV, XLSX, export, read_csv, read_xlsx
from visits.models import VisitDay

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/visits/visitday/"


@pytest.fixture
def days(db):
    VisitDay.objects.create(day=datetime.date(2026, 1, 1), count=120)
    VisitDay.objects.create(day=datetime.date(2026, 1, 2), count=98)


def test_visits_export_as_xlsx(admin_client, days):
    rows = read_xlsx(export(admin_client, CHANGELIST, XLSX).content)
    assert rows[0] == ["Ngày", "Số lượt"]
    assert sorted(rows[1:]) == [["01/01/2026", "120"], ["02/01/2026", "98"]]


def test_visits_export_as_csv(admin_client, days):
    assert read_csv(export(admin_client, CHANGELIST, CSV).content)[0] == ["Ngày", "Số lượt"]


def test_staff_who_may_see_visits_may_export_them(client, django_user_model, days):
    user = django_user_model.objects.create_user("baocao", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_visitday"))
    client.force_login(user)
    assert read_xlsx(export(client, CHANGELIST, XLSX).content)[0] == ["Ngày", "Số lượt"]


def test_staff_who_may_not_see_visits_may_not_export_them(client, staff_user, days):
    client.force_login(staff_user)
    assert client.get(f"{CHANGELIST}export/").status_code == 403
