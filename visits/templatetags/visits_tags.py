from django import template

from visits.stats import visit_stats

register = template.Library()


@register.inclusion_tag("visits/counter.html")
def visit_counter():
    """ĐẾM LƯỢT TRUY CẬP."""
    return {"stats": visit_stats()}
