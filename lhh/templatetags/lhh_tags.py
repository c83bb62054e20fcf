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


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with "…" for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
