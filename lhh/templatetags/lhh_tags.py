from django import template
from django.utils import timezone

from core.text import weekday_date

register = template.Library()


@register.filter
def vn_weekday_date(value):
    """ "Thứ Bảy, 22/06/2024", as the original portal's header writes it."""
    if value is None:
        return ""
    if hasattr(value, "hour") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return weekday_date(value)


@register.simple_tag
def page_range(page_obj):
    """Page numbers around the current one, with "…" for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
