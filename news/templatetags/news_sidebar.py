"""THÔNG BÁO: the notices block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("news/sidebar/notices.html", takes_context=True)
def notices(context):
    return {"notices": sidebar.rows(context, "notices")}
