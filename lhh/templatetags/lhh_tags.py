from django import template
from django.utils import timezone

register = template.Library()

# Written out in full: Django's "vi" locale abbreviates to "Thứ 7".
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


@register.filter
def vn_weekday_date(value):
    """ "Thứ Bảy, 22/06/2024", as the original portal's header writes it."""
    if value is None:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"
