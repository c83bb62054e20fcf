import datetime
import zoneinfo

import pytest

from lhh.templatetags.lhh_tags import vn_weekday_date

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2024, 6, 17), "Thứ Hai, 17/06/2024"),
        (datetime.date(2024, 6, 18), "Thứ Ba, 18/06/2024"),
        (datetime.date(2024, 6, 19), "Thứ Tư, 19/06/2024"),
        (datetime.date(2024, 6, 20), "Thứ Năm, 20/06/2024"),
        (datetime.date(2024, 6, 21), "Thứ Sáu, 21/06/2024"),
        (datetime.date(2024, 6, 22), "Thứ Bảy, 22/06/2024"),
        (datetime.date(2024, 6, 23), "Chủ Nhật, 23/06/2024"),
    ],
)
def test_header_date_writes_the_full_weekday(day, expected):
    assert vn_weekday_date(day) == expected


def test_header_date_uses_the_local_day_for_aware_datetimes():
    # 22:30 UTC on Friday is already Saturday morning in Việt Nam.
    moment = datetime.datetime(2024, 6, 21, 22, 30, tzinfo=datetime.UTC)
    assert vn_weekday_date(moment) == "Thứ Bảy, 22/06/2024"


@pytest.mark.django_db
def test_header_shows_todays_date(client):
    from django.utils import timezone

    response = client.get("/")
    assert vn_weekday_date(timezone.localtime()) in response.content.decode()
